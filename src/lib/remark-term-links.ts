/**
 * The cross-link plugin.
 *
 * - Automatic links: in every section (the stretch between two headings) the first mention of a
 *   term, by title or alias, becomes a link to the term. Whole words only, any case (abbreviations
 *   such as "BPO" match their exact case), simple plurals and possessives included, the longest
 *   name wins. Never inside headings, links, code, HTML or MDX components, and never on the
 *   term's own page.
 * - Explicit links: `[any text](term:<slug>)` becomes a link to the term; an unknown slug fails
 *   the build with the file and line.
 * - Every term link gets the class `term-link` and `data-term="<slug>"` for previews, and the
 *   slugs a file links to are recorded in its frontmatter as `termLinks`.
 */
import type { Link, Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { termPath } from './term-card.ts';

export interface LinkableTerm {
  slug: string;
  names: readonly string[];
}

export interface TermLinksOptions {
  terms: readonly LinkableTerm[];
  /** The slug of the term a file defines, if it is a term file (for the own-page rule). */
  slugOfFile?: (path: string) => string | undefined;
}

export const TERM_LINK_CLASS = 'term-link';
export const EXPLICIT_LINK_PREFIX = 'term:';

/** Nodes whose text is never auto-linked. */
const SKIP = new Set([
  'heading', 'link', 'linkReference', 'inlineCode', 'code', 'html', 'definition', 'image', 'imageReference',
  'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'yaml', 'toml',
  'footnoteDefinition',
]);

const isAbbreviation = (name: string) => /\p{Lu}.*\p{Lu}/u.test(name) && !/\p{Ll}/u.test(name);

const TOKEN = /[\p{L}\p{N}&]+/gu;
/** Between two words of one name: spaces or a single hyphen. */
const JOINER = /^(?:\s+|\s*[-\u2010\u2011]\s*)$/u;
const HYPHEN = /[-\u2010\u2011]/u;
const POSSESSIVE = /^['\u2019]s?(?![\p{L}\p{N}])/u;

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
}

interface Candidate {
  slug: string;
  words: string[];
  /** Abbreviations (BPO, SLA) match their exact case only. */
  exact: boolean;
  length: number;
}

export interface TermMatch {
  index: number;
  length: number;
  slug: string;
}

export interface TermMatcher {
  /** Every non-overlapping mention in a text, the longest name winning at each position. */
  find(text: string): TermMatch[];
}

/**
 * A word-indexed matcher: names are looked up by their first word, so the cost grows with the
 * text, not with the size of the glossary.
 */
export function createTermMatcher(terms: readonly LinkableTerm[]): TermMatcher {
  const byFirstWord = new Map<string, Candidate[]>();
  for (const term of terms) {
    for (const name of term.names) {
      const words = tokenize(name).map((t) => t.text);
      if (words.length === 0) continue;
      const exact = isAbbreviation(name);
      const candidate = { slug: term.slug, words: exact ? words : words.map((w) => w.toLowerCase()), exact, length: name.length };
      const key = words[0]!.toLowerCase();
      const list = byFirstWord.get(key);
      if (list) list.push(candidate);
      else byFirstWord.set(key, [candidate]);
    }
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length || b.length - a.length);

  const wordMatches = (token: Token, word: string, exact: boolean, last: boolean): boolean => {
    const text = exact ? token.text : token.lower;
    if (text === word) return true;
    return last && (text === `${word}s` || text === `${word}es` || (exact && text === `${word}s`));
  };

  return {
    find(text) {
      const tokens = tokenize(text);
      const out: TermMatch[] = [];
      for (let i = 0; i < tokens.length; i++) {
        const first = tokens[i]!;
        const before = text.slice(0, first.start);
        if (i > 0 && HYPHEN.test(before.slice(-1)) && before.slice(-2, -1).trim() !== '') continue;
        const candidates =
          byFirstWord.get(first.lower) ??
          (first.lower.endsWith('s') ? byFirstWord.get(first.lower.slice(0, -1)) ?? byFirstWord.get(first.lower.replace(/es$/, '')) : undefined);
        if (!candidates) continue;
        for (const c of candidates) {
          const lastIndex = i + c.words.length - 1;
          if (lastIndex >= tokens.length) continue;
          let ok = true;
          for (let k = 0; k < c.words.length && ok; k++) {
            const token = tokens[i + k]!;
            ok = wordMatches(token, c.words[k]!, c.exact, k === c.words.length - 1);
            if (ok && k > 0) ok = JOINER.test(text.slice(tokens[i + k - 1]!.end, token.start));
          }
          if (!ok) continue;
          let end = tokens[lastIndex]!.end;
          // Part of a longer hyphenated word ("outsourcing-friendly")? Then it is not a mention.
          if (HYPHEN.test(text.charAt(end)) && /[\p{L}\p{N}]/u.test(text.charAt(end + 1))) continue;
          const possessive = POSSESSIVE.exec(text.slice(end));
          if (possessive) end += possessive[0].length;
          out.push({ index: first.start, length: end - first.start, slug: c.slug });
          i = lastIndex;
          break;
        }
      }
      return out;
    },
  };
}

function termLink(slug: string, children: PhrasingContent[]): Link {
  return {
    type: 'link',
    url: termPath(slug),
    children,
    data: { hProperties: { className: [TERM_LINK_CLASS], 'data-term': slug } },
  };
}

export class UnknownTermLinkError extends Error {
  override name = 'UnknownTermLinkError';
}

/** The remark plugin. */
export default function remarkTermLinks(options: TermLinksOptions) {
  const known = new Set(options.terms.map((t) => t.slug));
  const matcher = createTermMatcher(options.terms);

  return function transform(tree: Root, file: VFile) {
    const path = file.path ?? '';
    const self = path ? options.slugOfFile?.(path) : undefined;
    const linked = new Set<string>();
    let section = new Set<string>();
    const problems: string[] = [];

    const visit = (node: Nodes, parent: Parent | undefined, inSkipped: boolean): void => {
      if (node.type === 'heading') section = new Set();
      if (node.type === 'link' && node.url.startsWith(EXPLICIT_LINK_PREFIX)) {
        const slug = node.url.slice(EXPLICIT_LINK_PREFIX.length).replace(/\/$/, '');
        const pos = node.position?.start;
        if (!known.has(slug)) {
          problems.push(`${path || '(unknown file)'}:${pos?.line ?? '?'}:${pos?.column ?? '?'}: unknown term "${slug}" in link (term:${slug})`);
          return;
        }
        Object.assign(node, termLink(slug, node.children));
        linked.add(slug);
        section.add(slug);
        return;
      }
      const skipHere = inSkipped || SKIP.has(node.type);
      if (node.type === 'text' && !skipHere && parent) {
        const replacement = linkText(node, self, section, linked);
        if (replacement) {
          const index = parent.children.indexOf(node as never);
          parent.children.splice(index, 1, ...(replacement as never[]));
        }
        return;
      }
      if ('children' in node) {
        // Copy: text nodes are replaced in place while walking.
        for (const child of [...node.children]) visit(child as Nodes, node as Parent, skipHere);
      }
    };

    const linkText = (node: Text, selfSlug: string | undefined, inSection: Set<string>, all: Set<string>): PhrasingContent[] | undefined => {
      const matches = matcher.find(node.value).filter((m) => m.slug !== selfSlug);
      const out: PhrasingContent[] = [];
      let cursor = 0;
      for (const m of matches) {
        if (inSection.has(m.slug)) continue;
        inSection.add(m.slug);
        all.add(m.slug);
        if (m.index > cursor) out.push({ type: 'text', value: node.value.slice(cursor, m.index) });
        out.push(termLink(m.slug, [{ type: 'text', value: node.value.slice(m.index, m.index + m.length) }]));
        cursor = m.index + m.length;
      }
      if (out.length === 0) return undefined;
      if (cursor < node.value.length) out.push({ type: 'text', value: node.value.slice(cursor) });
      return out;
    };

    visit(tree, undefined, false);
    if (problems.length > 0) throw new UnknownTermLinkError(problems.join('\n'));

    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.termLinks = [...linked].sort();
  };
}
