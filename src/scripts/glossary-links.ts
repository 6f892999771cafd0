/**
 * Glossary links for any blog, served as /glossary-links.js (built by
 * src/integrations/standalone-scripts.ts). A blogger adds
 *   <script async src="https://<site>/glossary-links.js"></script>
 * and mentions of glossary terms in their post become links to the term pages, each with a
 * preview of the term's card on hover, focus or a first tap.
 *
 * - The post is every `[data-outsourcing-glossary]` element, else every `article`, else `main`.
 * - Mentions are found by the site's own matcher (src/lib/term-matcher.ts): titles and aliases,
 *   whole words, plurals, the longest name wins; the first mention of a term per post, never
 *   inside links, headings, code, pre, buttons, form fields, contenteditable or
 *   `[data-glossary-skip]`.
 * - The index is fetched lazily and only in part (src/lib/links-index.ts): a filter, then the
 *   buckets of the words the post actually holds; a card when its popover first opens.
 * - The popover lives in a shadow root, styled by a constructed stylesheet (allowed under any
 *   style-src; its text, src/styles/links-popover.css, comes with the index), on an element whose inline style resets whatever the host's CSS says. Cards come
 *   as a JSON DOM tree and are rebuilt with createElement, an allowlist of tags and attributes,
 *   and text nodes: nothing is ever parsed as HTML.
 * - Layout does not move: a link takes its font from its text, and the popover is out of flow.
 *
 * Options, as data- attributes of the script tag: data-max="10" (links per post, default 20),
 * data-topics="models,contracts" (only these), data-exclude-topics="people", data-new-tab.
 */
import { bucketOf, bucketPath, cardPath, decodeFilter, mayContain, type CardNode, type LinksEntry, type LinksManifest } from '../lib/links-index.ts';
import { createTermMatcher, singulars, TOKEN, type LinkableTerm } from '../lib/term-matcher.ts';
import { termPath } from '../lib/term-card.ts';

const KEY = Symbol.for('glossaryLinks');
const me = document.currentScript;
const global = window as unknown as Record<symbol, unknown>;

/** Where a mention is never linked. */
const SKIP =
  'a,button,code,pre,kbd,h1,h2,h3,h4,h5,h6,input,textarea,select,label,script,style,noscript,svg,[contenteditable],[data-glossary-skip]';
const TAGS = /^(article|p|a|span|ul|li)$/;
const ATTRIBUTES = /^(class|target|rel)$/;
if (!global[KEY] && me instanceof HTMLScriptElement && me.src) {
  global[KEY] = 1;
  const origin = new URL(me.src).origin;
  const options = me.dataset;
  const list = (value?: string) => value?.split(/\s*,\s*/);
  const ready = () => void start(origin, +(options.max ?? '') || 20, list(options.topics), list(options.excludeTopics), 'newTab' in options).catch(() => {});
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
  else ready();
}

async function start(origin: string, max: number, only?: string[], except?: string[], newTab?: boolean) {
  const get = (path: string) => fetch(origin + path).then((r) => (r.ok ? r.json() : Promise.reject()));
  let roots = [...document.querySelectorAll('[data-outsourcing-glossary]')];
  if (!roots.length) roots = [...document.querySelectorAll('article')];
  if (!roots.length) roots = [...document.querySelectorAll('main')];
  roots = roots.filter((root) => !roots.some((other) => other !== root && other.contains(root)));

  // 1. The post's text and its words.
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
  if (!words.size) return;

  // 2. Only the buckets of words the filter may hold.
  const manifest = (await get('/glossary-links/index.json')) as LinksManifest;
  const filter = decodeFilter(manifest);
  const buckets = new Set<number>();
  for (const word of words) if (mayContain(filter, manifest.k, word)) buckets.add(bucketOf(word, manifest.b));
  const terms = new Map<string, LinkableTerm & { names: string[] }>();
  for (const entries of (await Promise.all([...buckets].map((b) => get(bucketPath(b))))) as LinksEntry[][]) {
    for (const [slug, topic, ...names] of entries) {
      if ((only && !only.includes(topic)) || except?.includes(topic)) continue;
      const term = terms.get(slug) ?? terms.set(slug, { slug, names: [] }).get(slug)!;
      term.names.push(...names);
    }
  }
  if (!terms.size) return;
  const matcher = createTermMatcher([...terms.values()]);

  // 3. The links: the first mention of each term in each post.
  const links = new WeakSet<Element>();
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

  // 4. The popover.
  const cards = new Map<string, Promise<CardNode>>();
  let host: HTMLElement | undefined;
  let box: HTMLElement;
  let current: HTMLAnchorElement | undefined;
  let shown: HTMLAnchorElement | undefined;
  let tapShown: HTMLAnchorElement | undefined;
  let touch = false;
  let timer = 0;

  const build = (node: CardNode): Node => {
    if (typeof node === 'string') return document.createTextNode(node);
    const [tag, attributes, ...children] = node;
    const element = document.createElement(TAGS.test(tag) ? tag : 'span');
    // Links in a card are site-relative; anything else is dropped.
    for (const [name, value] of Object.entries(attributes)) {
      if (name === 'href') /^\/\w/.test(value) && element.setAttribute(name, origin + value);
      else if (ATTRIBUTES.test(name)) element.setAttribute(name, value);
    }
    children.forEach((child) => element.append(build(child)));
    return element;
  };

  const hide = () => {
    clearTimeout(timer);
    shown?.removeAttribute('aria-describedby');
    current = shown = undefined;
    if (host) box.hidden = true;
  };

  const show = async (link: HTMLAnchorElement) => {
    clearTimeout(timer);
    if (current === link) return;
    current = link;
    const slug = link.dataset.glossaryTerm!;
    if (!cards.has(slug)) cards.set(slug, get(cardPath(slug)));
    let tree: CardNode;
    try {
      tree = await cards.get(slug)!;
    } catch {
      cards.delete(slug);
      if (current === link) current = undefined;
      return;
    }
    if (current !== link) return;
    if (!host) {
      host = document.createElement('div');
      host.id = 'outsourcing-glossary-popover';
      host.style.cssText = 'all:initial!important;position:fixed!important';
      const shadow = host.attachShadow({ mode: 'open' });
      box = document.createElement('div');
      box.className = 'b';
      box.setAttribute('role', 'tooltip');
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(manifest.css);
      shadow.adoptedStyleSheets = [sheet];
      shadow.append(box);
      document.body.append(host);
    }
    shown?.removeAttribute('aria-describedby');
    box.replaceChildren(build(tree));
    box.hidden = false;
    shown = link;
    link.setAttribute('aria-describedby', host.id);
    const r = link.getBoundingClientRect();
    const width = box.offsetWidth;
    const height = box.offsetHeight;
    box.style.left = `${Math.max(8, Math.min(r.left, innerWidth - width - 8))}px`;
    box.style.top = `${r.bottom + 8 + height < innerHeight || r.top < height + 8 ? r.bottom + 6 : r.top - height - 6}px`;
  };

  const linkOf = (target: EventTarget | null) => {
    const a = target instanceof Element ? target.closest('a') : null;
    return a && links.has(a) ? (a as HTMLAnchorElement) : undefined;
  };
  const later = (action: () => void) => {
    clearTimeout(timer);
    timer = window.setTimeout(action, 250);
  };

  addEventListener('pointerover', (e) => {
    if (e.pointerType === 'touch') return;
    const link = linkOf(e.target);
    if (link) later(() => show(link));
    else if (host && e.target === host) clearTimeout(timer);
  });
  addEventListener('pointerout', (e) => {
    if (e.pointerType !== 'touch' && (linkOf(e.target) || (host && e.target === host))) later(hide);
  });
  addEventListener('focusin', (e) => {
    const link = linkOf(e.target);
    if (link) show(link);
    else if (e.target !== host) hide();
  });
  addEventListener('pointerdown', (e) => {
    touch = e.pointerType === 'touch';
    tapShown = shown;
    if (!linkOf(e.target) && e.target !== host) hide();
  });
  // On touch, the first tap on a link shows its card; a second one follows it.
  addEventListener('click', (e) => {
    const link = linkOf(e.target);
    if (touch && link && tapShown !== link) {
      e.preventDefault();
      current = undefined;
      show(link);
    }
  });
  addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hide();
  });
  addEventListener('scroll', () => touch || hide());
}
