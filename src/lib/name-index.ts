/**
 * The name index: every term's title and aliases, matched forgivingly (typos, missing or
 * swapped letters, prefixes) where Pagefind only matches whole words and their prefixes.
 * Pure functions shared by the build (which writes the index in shards), the search scripts
 * and the 404 page (which fetch one shard and match in it), and their tests.
 *
 * Matching works on name keys (search.ts `nameKey`: lower case, no accents, letters and digits
 * only), so "Virtual assistant", "virtual-assistant" and "virtualassistant" are one key. A query
 * key matches a name key:
 *   - exactly;
 *   - as a prefix, from PREFIX_MIN letters ("nearshor" -> Nearshoring);
 *   - within maxEdits(query) edits (Damerau-Levenshtein, optimal string alignment: a wrong,
 *     missing, extra or swapped letter is one edit), as a whole ("outsorcing" -> Outsourcing)
 *     or as the beginning of the name ("outsorc" -> Outsourcing).
 * Short queries get no edits at all, so "tax" or "cost" cannot wander off to unrelated names.
 *
 * The index is split into shards by the first letters of the keys (SHARD_MAX_ENTRIES a shard at
 * most, split one letter deeper while larger, SHARD_MAX_DEPTH letters at most), listed in a
 * small manifest. A query fetches the one shard its key falls in; when that gives nothing it may
 * also fetch the shards a swapped, extra or missing letter in the shard's prefix would point
 * to (`neighborShards`). A wrong first letter ("uutsourcing") is not found: that would mean
 * fetching every shard.
 */
import { nameKey } from './search.ts';

export { nameKey };

export const PREFIX_MIN = 4;
/** Keys longer than this are sentences, not names: no fuzzy matching. */
export const MAX_KEY_LENGTH = 48;
export const SHARD_MAX_ENTRIES = 240;
export const SHARD_MAX_DEPTH = 5;
export const NAME_INDEX_DIR = 'name-index';
export const NAME_INDEX_MANIFEST = `/${NAME_INDEX_DIR}/manifest.json`;

/** Edits allowed for a query key of this length: none below 5 letters, 1 up to 7, then 2. */
export function maxEdits(length: number): number {
  return length >= 8 ? 2 : length >= 5 ? 1 : 0;
}

/**
 * Optimal string alignment distance between `a` and `b` (or, with `prefix`, between `a` and the
 * closest beginning of `b`), or `limit + 1` as soon as it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity, prefix = false): number {
  const m = a.length;
  const n = b.length;
  if (!prefix && Math.abs(m - n) > limit) return limit + 1;
  if (m === 0) return prefix ? 0 : n;
  let before = new Array<number>(n + 1).fill(0);
  let previous = Array.from({ length: n + 1 }, (_, j) => j);
  let current = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  const result = prefix ? Math.min(...previous) : previous[n]!;
  return result > limit ? limit + 1 : result;
}

export type MatchKind = 'exact' | 'prefix' | 'fuzzy' | 'fuzzy-prefix';
const TIER: Record<MatchKind, number> = { exact: 0, prefix: 1, fuzzy: 2, 'fuzzy-prefix': 3 };

export interface KeyMatch {
  kind: MatchKind;
  edits: number;
}

/** How the query key matches one name key, or null. Both keys as made by `nameKey`. */
export function matchKey(query: string, name: string): KeyMatch | null {
  if (query.length < 2 || !name || query.length > MAX_KEY_LENGTH) return null;
  if (query === name) return { kind: 'exact', edits: 0 };
  if (query.length >= PREFIX_MIN && name.startsWith(query)) return { kind: 'prefix', edits: 0 };
  const allowed = maxEdits(query.length);
  if (allowed === 0) return null;
  const whole = editDistance(query, name, allowed);
  if (whole <= allowed) return { kind: 'fuzzy', edits: whole };
  if (name.length > query.length) {
    const start = editDistance(query, name, allowed, true);
    if (start <= allowed) return { kind: 'fuzzy-prefix', edits: start };
  }
  return null;
}

/** One name of one term, as stored in the index. */
export interface NameEntry {
  /** The name as written: a title or an alias. */
  name: string;
  slug: string;
  /** The term's title (equal to `name` for the title itself). */
  title: string;
  /** The term page's Pagefind id, to merge with Pagefind's own results. */
  id: string;
  topic: string;
}

export interface NameHit extends NameEntry, KeyMatch {
  /** True when the name that matched is an alias, not the title. */
  alias: boolean;
}

/** Order of hits: exact, prefix, whole-name typo, beginning-of-name typo; fewer edits; titles before aliases; closer length. */
export function compareHits(a: NameHit, b: NameHit, queryLength = 0): number {
  const lengthGap = (h: NameHit) => Math.abs(nameKey(h.name).length - queryLength);
  return (
    TIER[a.kind] - TIER[b.kind] ||
    a.edits - b.edits ||
    Number(a.alias) - Number(b.alias) ||
    lengthGap(a) - lengthGap(b) ||
    a.title.localeCompare(b.title)
  );
}

/**
 * The best hit of each term for the query among `entries`, best first, at most `limit`.
 * Fuzzy hits are kept only at the smallest number of edits any fuzzy hit has.
 */
export function findNames(entries: Iterable<NameEntry & { key?: string }>, query: string, limit = 8): NameHit[] {
  const q = nameKey(query);
  const best = new Map<string, NameHit>();
  for (const entry of entries) {
    const match = matchKey(q, entry.key ?? nameKey(entry.name));
    if (!match) continue;
    const hit: NameHit = { ...entry, ...match, alias: entry.name !== entry.title };
    const seen = best.get(entry.slug);
    if (!seen || compareHits(hit, seen, q.length) < 0) best.set(entry.slug, hit);
  }
  const hits = [...best.values()].sort((a, b) => compareHits(a, b, q.length));
  const fewestFuzzy = Math.min(...hits.filter((h) => h.edits > 0).map((h) => h.edits));
  return hits.filter((h) => h.edits === 0 || h.edits === fewestFuzzy).slice(0, limit);
}

// ---------------------------------------------------------------- shards

/** A shard on the wire: [name, slug, title (0 when it is the name), Pagefind id, topic number]. */
export type WireEntry = [string, string, string | 0, string, number];

export interface NameManifest {
  version: 1;
  topics: string[];
  /** A hash of every shard, added to shard addresses so that a new build is never mixed with an old one in a cache. */
  build: string;
  /** The key prefix of every shard; its file is `shardFile(prefix)`. */
  prefixes: string[];
}

/** A shard's file name under /name-index/ ("pel.json"; a prefix in another script is written as it is, and percent-encoded in its address). */
export const shardFile = (prefix: string): string => `${prefix}.json`;

export interface TermNames {
  slug: string;
  title: string;
  aliases: readonly string[];
  id: string;
  topic: string;
}

/**
 * Splits the names of all terms into shards by key prefix: one letter, and one more while a
 * shard holds more than `maxEntries` names (up to `maxDepth` letters). A name whose key is no
 * longer than its shard's depth stays in the parent's own shard, named by its whole key.
 */
export function buildShards(terms: readonly TermNames[], maxEntries = SHARD_MAX_ENTRIES, maxDepth = SHARD_MAX_DEPTH): { topics: string[]; shards: Map<string, WireEntry[]> } {
  const topics = [...new Set(terms.map((t) => t.topic))].sort();
  const all: { key: string; wire: WireEntry }[] = [];
  for (const term of terms) {
    const seen = new Set<string>();
    for (const name of [term.title, ...term.aliases]) {
      const key = nameKey(name);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      all.push({ key, wire: [name, term.slug, name === term.title ? 0 : term.title, term.id, topics.indexOf(term.topic)] });
    }
  }
  const shards = new Map<string, WireEntry[]>();
  const place = (items: typeof all, depth: number) => {
    const groups = new Map<string, typeof all>();
    for (const item of items) {
      const prefix = item.key.slice(0, depth);
      if (!groups.has(prefix)) groups.set(prefix, []);
      groups.get(prefix)!.push(item);
    }
    for (const [prefix, group] of groups) {
      if (group.length <= maxEntries || depth >= maxDepth) {
        shards.set(prefix, group.map((g) => g.wire));
        continue;
      }
      const ending = group.filter((g) => g.key.length <= depth);
      if (ending.length) shards.set(prefix, ending.map((g) => g.wire));
      place(group.filter((g) => g.key.length > depth), depth + 1);
    }
  };
  place(all, 1);
  return { topics, shards };
}

export function fromWire(wire: WireEntry, topics: readonly string[]): NameEntry & { key: string } {
  const [name, slug, title, id, topic] = wire;
  return { name, slug, title: title === 0 ? name : title, id, topic: topics[topic] ?? '', key: nameKey(name) };
}

/** The shard a key falls in: the longest listed prefix of the key, or null. */
export function shardFor(prefixes: readonly string[], key: string): string | null {
  let found: string | null = null;
  for (const p of prefixes) if (key.startsWith(p) && (found === null || p.length > found.length)) found = p;
  return found;
}

/**
 * Other shards worth a look when the key's own shard has no match: those a swapped pair, an
 * extra letter or a missing letter (not the first) within the shard prefix would have sent the
 * key to. Keys shorter than 5 letters get none (they allow no edits anyway).
 */
export function neighborShards(prefixes: readonly string[], key: string, limit = 4): string[] {
  if (maxEdits(key.length) === 0) return [];
  const own = shardFor(prefixes, key);
  const variants = new Set<string>();
  const depth = Math.min(SHARD_MAX_DEPTH, key.length - 1);
  for (let i = 0; i < depth; i++) {
    variants.add(key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2)); // swapped pair
    variants.add(key.slice(0, i) + key.slice(i + 1)); // extra letter in the query
  }
  const found = new Set<string>();
  for (const variant of variants) {
    const shard = shardFor(prefixes, variant);
    if (shard !== null && shard !== own) found.add(shard);
  }
  // A letter missing from the query inside a shard prefix: the prefix less that letter starts the key.
  for (const p of prefixes) {
    if (p === own || p.length < 2) continue;
    for (let i = 1; i < p.length; i++) if (key.startsWith(p.slice(0, i) + p.slice(i + 1))) found.add(p);
  }
  return [...found].slice(0, limit);
}

// ---------------------------------------------------------------- merging with Pagefind

/** Name hits put ahead of Pagefind's results, at most. */
export const NAME_HITS_MAX = 3;
/** Pagefind finding this many results or fewer counts as "little" for a correction. */
export const FEW_RESULTS = 3;

export type Merged<R> = { hit: NameHit; result: R | undefined } | { hit: undefined; result: R };

/**
 * The name hits (at most NAME_HITS_MAX, those that pass `keep`) first, each with Pagefind's own
 * result for its page when Pagefind found it; then Pagefind's other results in their order.
 * Nothing twice: a page is matched to its name hit by its Pagefind id.
 */
export function mergeResults<R extends { id: string }>(hits: readonly NameHit[], results: readonly R[], keep: (hit: NameHit) => boolean = () => true): Merged<R>[] {
  const chosen = hits.filter(keep).slice(0, NAME_HITS_MAX);
  const byId = new Map(results.map((r) => [r.id, r]));
  const ids = new Set(chosen.map((h) => h.id));
  return [
    ...chosen.map((hit) => ({ hit, result: byId.get(hit.id) })),
    ...results.filter((r) => !ids.has(r.id)).map((result) => ({ hit: undefined, result })),
  ];
}

/**
 * "Did you mean ...?": the best hit, when the query is a misspelling of a name (no name matches
 * it exactly or as a prefix) and Pagefind found little for the query itself, or the whole
 * query is one or two letters off a whole name.
 */
export function correction(hits: readonly NameHit[], pagefindTotal: number): NameHit | null {
  const best = hits[0];
  if (!best || best.edits === 0) return null;
  return best.kind === 'fuzzy' || pagefindTotal <= FEW_RESULTS ? best : null;
}

/** The alias a query matched among a page's names (title first), when it matched an alias rather than the title. */
export function matchedAlias(names: readonly string[], query: string): string | null {
  const [title, ...aliases] = names;
  if (!title || aliases.length === 0) return null;
  const entries = names.map((name) => ({ name, slug: '-', title, id: '', topic: '' }));
  const best = findNames(entries, query, 1)[0];
  return best?.alias ? best.name : null;
}

/**
 * What a reader probably meant by an address that does not exist: its last part as words
 * ("/terms/call-centr/" -> "call centr", "/homshoring.html" -> "homshoring"), or "".
 */
export function queryFromPath(pathname: string): string {
  let last = pathname.split('/').filter(Boolean).pop() ?? '';
  try {
    last = decodeURIComponent(last);
  } catch {
    // A broken escape: keep the raw text.
  }
  return last
    .replace(/\.html?$/i, '')
    .replace(/[-_+.\s]+/g, ' ')
    .trim()
    .slice(0, 80);
}
