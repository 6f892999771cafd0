// Looks names up in the sharded name index (/name-index/): the manifest once, then only the
// shard a query falls in (and, when that has nothing, a few neighbouring shards). Shared by the
// header box, the search page and the 404 page; the loaded shards are shared through a global
// symbol, since the header box and the search page each bundle this module.
import { findNames, fromWire, nameKey, neighborShards, shardFor, MAX_KEY_LENGTH, NAME_INDEX_MANIFEST, type NameEntry, type NameHit, type NameManifest, type WireEntry } from '../lib/name-index.ts';

type Entries = (NameEntry & { key: string })[];
interface Cache {
  manifest?: Promise<NameManifest>;
  shards: Map<string, Promise<Entries>>;
}

const SHARED = Symbol.for('outsourcing-glossary.names');
const store = globalThis as unknown as Record<symbol, Cache | undefined>;
const cache: Cache = (store[SHARED] ??= { shards: new Map() });
const base = NAME_INDEX_MANIFEST.slice(0, NAME_INDEX_MANIFEST.lastIndexOf('/') + 1);

async function json<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

function manifest(): Promise<NameManifest> {
  if (!cache.manifest) {
    const loading = json<NameManifest>(NAME_INDEX_MANIFEST);
    cache.manifest = loading;
    loading.catch(() => cache.manifest === loading && (cache.manifest = undefined));
  }
  return cache.manifest;
}

function shard(m: NameManifest, prefix: string): Promise<Entries> {
  let loading = cache.shards.get(prefix);
  if (!loading) {
    const file = m.shards[prefix]!;
    const attempt = json<WireEntry[]>(base + file).then((wires) => wires.map((w) => fromWire(w, m.topics)));
    loading = attempt;
    cache.shards.set(prefix, attempt);
    attempt.catch(() => cache.shards.get(prefix) === attempt && cache.shards.delete(prefix));
  }
  return loading;
}

/** Loads the manifest ahead of the first query. */
export function preloadNames(): void {
  manifest().catch(() => {});
}

/** The terms whose title or alias the query names, best first (see findNames). */
export async function lookupNames(query: string, limit = 8): Promise<NameHit[]> {
  const key = nameKey(query);
  if (key.length < 2 || key.length > MAX_KEY_LENGTH) return [];
  const m = await manifest();
  const prefixes = Object.keys(m.shards);
  const own = shardFor(prefixes, key);
  const hits = own ? findNames(await shard(m, own), query, limit) : [];
  if (hits.length) return hits;
  const near = neighborShards(prefixes, key);
  if (!near.length) return [];
  return findNames((await Promise.all(near.map((p) => shard(m, p)))).flat(), query, limit);
}
