/**
 * The pure logic behind site search, shared by the header search box, the search page and
 * their tests: query normalisation, the search state in the URL, history handling, ranking,
 * result view models and safe excerpt parts. No DOM and no Pagefind here; the client
 * scripts in src/scripts/ do the I/O.
 *
 * Queries are data: nothing here produces markup, and excerpts come back as a list of text
 * parts for the caller to render with text nodes.
 */

export const SEARCH_KINDS = ['term', 'guide'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const KIND_LABELS: Record<SearchKind, string> = { term: 'Term', guide: 'Guide' };

/** Longer queries are cut here (in code points): no useful search needs more. */
export const MAX_QUERY_LENGTH = 200;

/**
 * Options passed to Pagefind. Ranking: matches in the title count most, then the term's
 * aliases (so an abbreviation or another name finds its term first); the `kind` field is
 * metadata for display, not something to rank by. `noWorker`: on a glossary-sized index a
 * search takes a few milliseconds, so running it on the main thread costs nothing visible and
 * saves fetching and starting Pagefind's web worker (about 12 KB gzip and 0.3 s on the first
 * query, measured by bench/search.ts).
 */
export const PAGEFIND_OPTIONS = {
  excerptLength: 24,
  noWorker: true,
  ranking: { metaWeights: { title: 10, aliases: 8, summary: 1, kind: 0 } },
} as const;

/**
 * Weight of a guide's body text in the index (data-pagefind-weight; a term's is 1), so a term
 * outranks a guide that uses the same words as often. Set at build time, it costs the browser
 * nothing: no second, filtered search to tell terms from guides (whose filter index alone is
 * 21 KB at 10,000 terms).
 */
export const GUIDE_WEIGHT = 0.5;

/** Terms offered when a search finds nothing (only those that exist are shown). */
export const POPULAR_TERMS = [
  'outsourcing',
  'out-tasking',
  'offshoring',
  'homeshoring',
  'business-process-outsourcing',
  'virtual-assistant',
] as const;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Control characters and bidirectional embedding/override/isolate marks.
const CONTROL = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu;

/**
 * Any value to a clean query: a string, Unicode NFC, without control characters or broken
 * surrogate halves (which would make URL encoding throw), single spaces, trimmed, and at most
 * MAX_QUERY_LENGTH code points. Never throws.
 */
export function normalizeQuery(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  const cleaned = raw.replace(LONE_SURROGATE, '').normalize('NFC').replace(CONTROL, ' ').replace(/\s+/gu, ' ').trim();
  const points = Array.from(cleaned);
  return points.length > MAX_QUERY_LENGTH ? points.slice(0, MAX_QUERY_LENGTH).join('').trim() : cleaned;
}

export interface SearchState {
  q: string;
  kind: SearchKind | null;
  topic: string | null;
}

export const EMPTY_STATE: SearchState = { q: '', kind: null, topic: null };

const isKind = (value: unknown): value is SearchKind => SEARCH_KINDS.includes(value as SearchKind);

/**
 * Reads the state from a query string (`?q=...&kind=term&topic=models`). Unknown kinds and
 * topics are dropped rather than trusted; `topics` lists the valid topic keys.
 */
export function parseSearchState(search: string | URLSearchParams, topics: readonly string[]): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const kind = params.get('kind');
  const topic = params.get('topic');
  return {
    q: normalizeQuery(params.get('q') ?? ''),
    kind: isKind(kind) ? kind : null,
    topic: topic !== null && topics.includes(topic) ? topic : null,
  };
}

/** The state as a query string for /search/, empty parts left out: "?q=bpo&kind=term" or "". */
export function searchStateToQuery(state: SearchState): string {
  const params = new URLSearchParams();
  const q = normalizeQuery(state.q);
  if (q) params.set('q', q);
  if (state.kind) params.set('kind', state.kind);
  if (state.topic) params.set('topic', state.topic);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export function sameState(a: SearchState, b: SearchState): boolean {
  return normalizeQuery(a.q) === normalizeQuery(b.q) && a.kind === b.kind && a.topic === b.topic;
}

/** Pagefind filters for a state: `{ kind: 'term', topic: 'models' }`, empty ones left out. */
export function pagefindFilters(state: SearchState): Record<string, string> {
  const filters: Record<string, string> = {};
  if (state.kind) filters.kind = state.kind;
  if (state.topic) filters.topic = state.topic;
  return filters;
}

export type HistoryMode = 'push' | 'replace' | 'none';

/**
 * How a change of search state goes into the browser history, so that Back and Forward move
 * between searches rather than between keystrokes. A submitted search or a filter change
 * ('commit') gets its own entry. Typing gets one new entry for the run of keystrokes, which
 * later keystrokes of the same run replace (`typingEntry` says the current entry is one).
 */
export function historyMode(current: SearchState, next: SearchState, cause: 'typing' | 'commit', typingEntry: boolean): HistoryMode {
  if (sameState(current, next)) return 'none';
  if (cause === 'typing' && typingEntry) return 'replace';
  return 'push';
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * Splits a Pagefind excerpt into plain text parts and highlighted parts. Pagefind turns `<`
 * and `>` in page text into `&lt;` and `&gt;` (and nothing else) and wraps matched words in
 * `<mark>`, the only tag it produces; so this undoes exactly that, and anything else that
 * looks like markup stays text. The caller renders each part as
 * a text node (inside a <mark> element when `mark` is true), never as HTML.
 */
export function excerptParts(excerpt: unknown): ExcerptPart[] {
  if (typeof excerpt !== 'string' || excerpt === '') return [];
  const parts: ExcerptPart[] = [];
  let mark = false;
  for (const piece of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') mark = true;
    else if (piece === '</mark>') mark = false;
    else if (piece !== '') {
      const text = piece.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
      const last = parts[parts.length - 1];
      if (last && last.mark === mark) last.text += text;
      else parts.push({ text, mark });
    }
  }
  return parts;
}

/** A result URL we are willing to link to: a path on this site, or null. */
export function safeResultUrl(url: unknown): string | null {
  if (typeof url !== 'string' || !url.startsWith('/') || url.startsWith('//') || url.includes('\\')) return null;
  try {
    const parsed = new URL(url, 'https://site.invalid');
    if (parsed.origin !== 'https://site.invalid') return null;
    return parsed.pathname + parsed.search + parsed.hash;
  } catch {
    return null;
  }
}

export interface ResultView {
  url: string;
  title: string;
  kind: SearchKind;
  kindLabel: string;
  topic: string | null;
  summary: string;
  excerpt: ExcerptPart[];
  /** Title and aliases, for exact-match promotion. */
  names: string[];
  /** The alias the query matched, when it was not the title: "also called homesourcing". */
  alsoCalled?: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '');
const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : undefined);

/**
 * Turns the data Pagefind returns for one result into what the page shows. Returns null for
 * anything malformed (no usable URL or title), so one bad record cannot break a result list.
 */
export function toResultView(data: unknown): ResultView | null {
  if (typeof data !== 'object' || data === null) return null;
  const record = data as { url?: unknown; excerpt?: unknown; meta?: Record<string, unknown>; filters?: Record<string, unknown> };
  const meta = typeof record.meta === 'object' && record.meta !== null ? record.meta : {};
  const filters = typeof record.filters === 'object' && record.filters !== null ? record.filters : {};
  const url = safeResultUrl(record.url);
  const title = text(meta.title);
  if (!url || !title) return null;
  const rawKind = isKind(meta.kind) ? meta.kind : first(filters.kind);
  const kind: SearchKind = isKind(rawKind) ? rawKind : 'guide';
  const topic = text(first(filters.topic)) || null;
  const aliases = text(meta.aliases).split(',').map((a) => a.trim()).filter(Boolean);
  return {
    url,
    title,
    kind,
    kindLabel: KIND_LABELS[kind],
    topic,
    summary: text(meta.summary),
    excerpt: excerptParts(record.excerpt),
    names: [title, ...aliases],
  };
}

/** A comparison key for names: lower case, no accents, letters and digits only. */
export function nameKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Moves the results whose title or alias is exactly the query (ignoring case, accents, spaces
 * and hyphens) to the front, keeping the order otherwise: "outsourcing" puts the term
 * Outsourcing ahead of "Business process outsourcing".
 */
export function promoteExactMatches<T extends { names: readonly string[] }>(views: readonly T[], query: string): T[] {
  const key = nameKey(query);
  if (!key) return [...views];
  const exact = (view: T) => view.names.some((name) => nameKey(name) === key);
  return [...views.filter(exact), ...views.filter((view) => !exact(view))];
}

/** The sentence for the live region: "3 results for “bpo”". */
export function resultCountText(count: number, query: string): string {
  const q = normalizeQuery(query);
  if (!q) return '';
  if (count === 0) return `No results for “${q}”.`;
  return `${count} ${count === 1 ? 'result' : 'results'} for “${q}”.`;
}
