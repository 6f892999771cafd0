/**
 * The scanning half of the glossary-links script (src/scripts/glossary-links.ts): reading the
 * post, choosing the index buckets it needs, and linking the mentions. Separate so that the
 * benchmark (bench/glossary-links.ts) times exactly this code in Chromium, without the network.
 */
import { bucketOf, decodeFilter, mayContain, type LinksEntry, type LinksManifest } from '../lib/links-index.ts';
import { createTermMatcher, singulars, TOKEN, type LinkableTerm } from '../lib/term-matcher.ts';
import { termPath } from '../lib/term-card.ts';

/** Where a mention is never linked. */
const SKIP =
  'a,button,code,pre,kbd,h1,h2,h3,h4,h5,h6,input,textarea,select,label,script,style,noscript,svg,[contenteditable],[data-glossary-skip]';

/**
 * The posts (every `[data-outsourcing-glossary]`, else every `article`, else `main`; none inside
 * another) as lists of their linkable text nodes, and every word they hold with its singulars.
 */
export function readPosts(): { posts: Text[][]; words: Set<string> } {
  let roots = [...document.querySelectorAll('[data-outsourcing-glossary]')];
  if (!roots.length) roots = [...document.querySelectorAll('article')];
  if (!roots.length) roots = [...document.querySelectorAll('main')];
  roots = roots.filter((root) => !roots.some((other) => other !== root && other.contains(root)));
  const posts: Text[][] = [];
  const words = new Set<string>();
  for (const root of roots) {
    const texts: Text[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node: Node | null; (node = walker.nextNode()); ) {
      if (node.parentElement!.closest(SKIP)) continue;
      texts.push(node as Text);
      for (const [word] of (node as Text).data.matchAll(TOKEN)) {
        const lower = word.toLowerCase();
        words.add(lower);
        singulars(lower).forEach((stem) => words.add(stem));
      }
    }
    posts.push(texts);
  }
  return { posts, words };
}

/** The buckets of the words that the index's filter may hold. */
export function wantedBuckets(manifest: LinksManifest, words: Iterable<string>): number[] {
  const filter = decodeFilter(manifest);
  const buckets = new Set<number>();
  for (const word of words) if (mayContain(filter, manifest.k, word)) buckets.add(bucketOf(word, manifest.b));
  return [...buckets];
}

/** Links the first mention of each term in each post (at most `max` per post); returns the links. */
export function linkPosts(
  posts: Text[][],
  buckets: LinksEntry[][],
  origin: string,
  max: number,
  only?: string[],
  except?: string[],
  newTab?: boolean,
): WeakSet<Element> {
  const links = new WeakSet<Element>();
  const terms = new Map<string, LinkableTerm & { names: string[] }>();
  for (const entries of buckets) {
    for (const [slug, topic, ...names] of entries) {
      if ((only && !only.includes(topic)) || except?.includes(topic)) continue;
      const term = terms.get(slug) ?? terms.set(slug, { slug, names: [] }).get(slug)!;
      term.names.push(...names);
    }
  }
  if (!terms.size) return links;
  const matcher = createTermMatcher([...terms.values()]);
  for (const texts of posts) {
    const linked = new Set<string>();
    for (let text of texts) {
      let offset = 0;
      for (const match of matcher.find(text.data)) {
        if (linked.size >= max) break;
        if (linked.has(match.slug)) continue;
        linked.add(match.slug);
        const mention = text.splitText(match.index - offset);
        text = mention.splitText(match.length);
        offset = match.index + match.length;
        const a = document.createElement('a');
        a.href = origin + termPath(match.slug);
        a.className = 'outsourcing-glossary-link';
        a.dataset.glossaryTerm = match.slug;
        if (newTab) {
          a.target = '_blank';
          a.rel = 'noopener';
        }
        // The text keeps its place and size, and stays visible whatever the host says of links.
        a.style.cssText = 'display:inline!important;font:inherit;letter-spacing:inherit;margin:0;padding:0';
        mention.replaceWith(a);
        a.append(mention);
        links.add(a);
      }
    }
  }
  return links;
}
