/**
 * Long lists (the A-Z, a topic, the comparisons) cut into pages of bounded length, each page
 * named by its "guide words": its first and last titles, shortened the way a dictionary prints
 * them at the top of a page ("Kalo – Kamir"). Pure functions; the pages pass in their items.
 */

/** The most items a list page shows (title and summary each): about 20 KB of HTML and CSS gzip. */
export const DEFAULT_LIST_PAGE_SIZE = 200;
/** Read at build time; a smaller value makes a small test glossary split like a large one. */
export const LIST_PAGE_SIZE_ENV = 'GLOSSARY_LIST_PAGE_SIZE';

/** The page size: GLOSSARY_LIST_PAGE_SIZE when set (a whole number from 2 to 10,000), else the default. */
export function listPageSize(env: Record<string, string | undefined> = process.env): number {
  const raw = env[LIST_PAGE_SIZE_ENV]?.trim();
  if (!raw) return DEFAULT_LIST_PAGE_SIZE;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 2 || value > 10_000) {
    throw new Error(`${LIST_PAGE_SIZE_ENV} must be a whole number from 2 to 10000, not "${raw}"`);
  }
  return value;
}

/**
 * Cuts a list into as few consecutive runs of at most `max` items as possible, of near-equal
 * length (earlier runs one longer where it does not divide): 201 items at 200 make 101 + 100,
 * never 200 + 1. An empty list gives no runs.
 */
export function chunkEvenly<T>(items: readonly T[], max: number): T[][] {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`a page holds at least one item, not ${max}`);
  const count = Math.ceil(items.length / max);
  const chunks: T[][] = [];
  let start = 0;
  for (let i = 0; i < count; i++) {
    const size = Math.floor(items.length / count) + (i < items.length % count ? 1 : 0);
    chunks.push(items.slice(start, start + size));
    start += size;
  }
  return chunks;
}

/** Guide words are at least this long (or the whole title)... */
export const GUIDE_WORD_MIN = 3;
/** ...and at most this long, cut at a word with an ellipsis beyond it. */
export const GUIDE_WORD_MAX = 30;
/** A cut inside a word moves to the word's end when that adds at most this many characters. */
const WORD_END_SLACK = 3;

/** Case and accents ignored, as the A-Z sorts. */
const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

function commonPrefixLength(a: string, b: string): number {
  const x = [...fold(a)];
  const y = [...fold(b)];
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

/**
 * A title as a guide word: the shortest start of it that tells it from `neighbour` (the title
 * on the other side of the page break), at least three characters, finished to the end of
 * its word when that is at most three characters away or is not the first word, and at most
 * 30 characters.
 * Without a neighbour, its first word (or three characters of it, when the word is long).
 */
export function guideWord(title: string, neighbour?: string): string {
  const chars = [...title.replace(/\s+/g, ' ').trim()];
  let cut = Math.max(GUIDE_WORD_MIN, neighbour === undefined ? 0 : commonPrefixLength(title, neighbour) + 1);
  const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  // Never end on a space or a mark: "Kalo " against "Kalo" must show the next word.
  while (cut < chars.length && !isWordChar(chars[cut - 1])) cut++;
  // Finish the word when little of it is left (or, without a neighbour, when it is short), and
  // always past the first word: "Kalom" reads as a guide word, "Business process o" does not.
  let end = cut;
  while (end < chars.length && isWordChar(chars[end])) end++;
  const inFirstWord = !chars.slice(0, cut).some((c) => c === ' ');
  if (end - cut <= WORD_END_SLACK || !inFirstWord) cut = end;
  cut = Math.min(cut, chars.length);
  let word = chars.slice(0, cut).join('').replace(/[\s,;:.(–—-]+$/u, '');
  if ([...word].length > GUIDE_WORD_MAX) {
    const kept = [...word].slice(0, GUIDE_WORD_MAX - 1).join('');
    const space = kept.lastIndexOf(' ');
    word = `${(space >= GUIDE_WORD_MIN ? kept.slice(0, space) : kept).replace(/[\s,;:.(–—-]+$/u, '')}…`;
  }
  return word || chars.join('');
}

/** The separator between a page's first and last guide words. */
export const RANGE_SEPARATOR = ' – ';

export interface ListPage<T> {
  /** 1 for the first page of the list. */
  number: number;
  /** How many pages the list has. */
  of: number;
  items: T[];
  /** Guide words of the first and last items; equal when the page holds one item. */
  from: string;
  to: string;
  /** "Kalo – Kamir", or one guide word when both ends are the same. */
  label: string;
}

/**
 * A sorted list cut into pages of at most `max` items (see chunkEvenly), each with guide words
 * for its first and last items: a first item is told from the previous page's last, a last
 * item from the next page's first (and from the page's own first). A page of one item is named
 * by its title.
 */
export function paginate<T>(items: readonly T[], titleOf: (item: T) => string, max: number): ListPage<T>[] {
  const chunks = chunkEvenly(items, max);
  return chunks.map((chunk, i) => {
    const first = titleOf(chunk[0]!);
    const last = titleOf(chunk.at(-1)!);
    const before = i > 0 ? titleOf(chunks[i - 1]!.at(-1)!) : undefined;
    const after = i < chunks.length - 1 ? titleOf(chunks[i + 1]![0]!) : undefined;
    // A page of one item is named by its whole title (within the guide word's length).
    const from = chunk.length === 1 ? guideWord(first, first) : guideWord(first, before);
    // The last item is also told from the page's first, so a page never reads "Kal – Kal".
    const to = chunk.length === 1 ? from : guideWord(last, after === undefined ? first : longerMatch(last, first, after));
    return { number: i + 1, of: chunks.length, items: chunk, from, to, label: from === to ? from : `${from}${RANGE_SEPARATOR}${to}` };
  });
}

/** Of two neighbours, the one sharing the longer start with `title` (the one it must be told from). */
function longerMatch(title: string, a: string, b: string): string {
  return commonPrefixLength(title, a) >= commonPrefixLength(title, b) ? a : b;
}

/**
 * A part's range for its page title: "Kalom to Kamir". A colon or dash inside a guide word
 * becomes a space, so fitting a long title never cuts it at that mark (fitTitle drops what
 * follows ": " or " – ") and leaves two parts with the same title.
 */
export function titleRange(page: Pick<ListPage<unknown>, 'from' | 'to'>): string {
  const plain = (word: string) => word.replace(/\s*(?::|–|—)\s+/g, ' ');
  return page.from === page.to ? plain(page.from) : `${plain(page.from)} to ${plain(page.to)}`;
}

/** The site path of page `n` of a list whose first page is `base`: `base` itself, then `<base><prefix><n>/`. */
export function pagePath(base: string, n: number, prefix = ''): string {
  if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`a list's base path starts and ends with "/": ${base}`);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`page numbers start at 1, not ${n}`);
  return n === 1 ? base : `${base}${prefix}${n}/`;
}

/** "1 term", "1,250 terms". */
export function countLabel(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
}
