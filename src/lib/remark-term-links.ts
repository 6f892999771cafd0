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
  /** The name's words as written. */
  words: string[];
  /** Whether any word is an abbreviation (BPO, IT), which matches its exact case only. */
  exact: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Names that end at this node. */
  ends: Candidate[];
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

const newNode = (): TrieNode => ({ next: new Map(), ends: [] });

/** "contractors" -> ["contractor"], "businesses" -> ["businesse", "business"] */
const singulars = (word: string): string[] =>
  word.endsWith('es') ? [word.slice(0, -1), word.slice(0, -2)] : word.endsWith('s') ? [word.slice(0, -1)] : [];

/**
 * A word trie of every name: matching walks the words of the text, so its cost grows with the
 * text and the length of names, not with the size of the glossary.
 */
export function createTermMatcher(terms: readonly LinkableTerm[]): TermMatcher {
  const root = newNode();
  for (const term of terms) {
    for (const name of term.names) {
      const words = tokenize(name).map((t) => t.text);
      if (words.length === 0) continue;
      let node = root;
      for (const word of words) {
        const key = word.toLowerCase();
        let child = node.next.get(key);
        if (!child) node.next.set(key, (child = newNode()));
        node = child;
      }
      node.ends.push({ slug: term.slug, words, exact: words.some(isAbbreviation) });
    }
  }

  /** Whether a candidate accepts the tokens it was reached by (exact case for abbreviations). */
  const accepts = (c: Candidate, tokens: Token[], from: number, plural: boolean): boolean => {
    if (!c.exact) return true;
    return c.words.every((word, k) => {
      if (!isAbbreviation(word)) return true;
      const text = tokens[from + k]!.text;
      return k === c.words.length - 1 && plural ? singulars(text).includes(word) : text === word;
    });
  };

  return {
    find(text) {
      const tokens = tokenize(text);
      const out: TermMatch[] = [];
      for (let i = 0; i < tokens.length; i++) {
        const first = tokens[i]!;
        // The second half of a hyphenated word ("non-outsourcing") is not a mention.
        if (HYPHEN.test(text.charAt(first.start - 1)) && /[\p{L}\p{N}]/u.test(text.charAt(first.start - 2))) continue;
        let node: TrieNode | undefined = root;
        let best: { last: number; slug: string } | undefined;
        for (let j = i; j < tokens.length && node; j++) {
          const token = tokens[j]!;
          if (j > i && !JOINER.test(text.slice(tokens[j - 1]!.end, token.start))) break;
          for (const stem of singulars(token.lower)) {
            const ends = node.next.get(stem)?.ends ?? [];
            const c = ends.find((e) => accepts(e, tokens, i, true));
            if (c) best = { last: j, slug: c.slug };
          }
          node = node.next.get(token.lower);
          const c = node?.ends.find((e) => accepts(e, tokens, i, false));
          if (c) best = { last: j, slug: c.slug };
        }
        if (!best) continue;
        let end = tokens[best.last]!.end;
        // The first half of a hyphenated word ("outsourcing-friendly") is not a mention either.
        if (HYPHEN.test(text.charAt(end)) && /[\p{L}\p{N}]/u.test(text.charAt(end + 1))) continue;
        const possessive = POSSESSIVE.exec(text.slice(end));
        if (possessive) end += possessive[0].length;
        out.push({ index: first.start, length: end - first.start, slug: best.slug });
        i = best.last;
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
