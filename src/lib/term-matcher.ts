/**
 * The word-trie matcher that finds mentions of terms in text: whole words, any case
 * (abbreviations such as "BPO" match their exact case), simple plurals and possessives
 * included, the longest name wins. Pure and dependency-free: the cross-link plugin
 * (remark-term-links.ts) uses it at build time, and the glossary-links script for blogs
 * (src/scripts/glossary-links.ts) bundles it to find the same mentions in a blogger's post.
 */

export interface LinkableTerm {
  slug: string;
  names: readonly string[];
}

const isAbbreviation = (name: string) => /\p{Lu}.*\p{Lu}/u.test(name) && !/\p{Ll}/u.test(name);

export const TOKEN = /[\p{L}\p{N}&]+/gu;
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
export const singulars = (word: string): string[] =>
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
