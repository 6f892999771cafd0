// Looks names up in the sharded name index (/name-index/): the manifest once, then only the
// shard a query falls in (and, when that has nothing, a few neighbouring shards). Shared by the
// header box, the search page and the 404 page; the loaded shards are shared through a global
// symbol, since the header box and the search page each bundle this module.
import { findNames, fromWire, nameKey, neighborShards, shardFile, shardFor, MAX_KEY_LENGTH, NAME_INDEX_DIR, NAME_INDEX_MANIFEST, type NameEntry, type NameHit, type NameManifest, type WireEntry } from '../lib/name-index.ts';

type Entries = (NameEntry & { key: string })[];

const SHARED = Symbol.for('outsourcing-glossary.names');
const store = globalThis as unknown as Record<symbol, Map<string, Promise<unknown>> | undefined>;
/** Loaded files by address (the manifest, and shards already turned into entries). */
const cache = (store[SHARED] ??= new Map());
const base = `/${NAME_INDEX_DIR}/`;

/** Fetches a JSON file once per page; a failed fetch is forgotten, so a later query tries again. */
function load<T>(url: string, shape: (json: any) => T = (json) => json): Promise<T> {
  let loading = cache.get(url) as Promise<T> | undefined;
  if (!loading) {
    const attempt = fetch(url).then(async (response) => {
      if (!response.ok) throw new Error(url);
      return shape(await response.json());
    });
    cache.set(url, (loading = attempt));
    attempt.catch(() => cache.get(url) === attempt && cache.delete(url));
  }
  return loading;
}

const manifest = () => load<NameManifest>(NAME_INDEX_MANIFEST);
// Keys hold letters and digits only; the URL parser percent-encodes any that are not ASCII.
const shard = (m: NameManifest, prefix: string) => load<Entries>(`${base}${shardFile(prefix)}?v=${m.build}`, (wires: WireEntry[]) => wires.map((w) => fromWire(w, m.topics)));

/** Loads the manifest ahead of the first query. */
export function preloadNames(): void {
  manifest().catch(() => {});
}

/** The terms whose title or alias the query names, best first (see findNames). */
export async function lookupNames(query: string, limit = 8): Promise<NameHit[]> {
  const key = nameKey(query);
  if (key.length < 2 || key.length > MAX_KEY_LENGTH) return [];
  const m = await manifest();
  const prefixes = m.prefixes;
  const own = shardFor(prefixes, key);
  const hits = own ? findNames(await shard(m, own), query, limit) : [];
  if (hits.length) return hits;
  const near = neighborShards(prefixes, key);
  if (!near.length) return [];
  return findNames((await Promise.all(near.map((p) => shard(m, p)))).flat(), query, limit);
}
