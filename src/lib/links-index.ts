/**
 * The compact term index behind the glossary-links script for blogs (src/scripts/glossary-links.ts),
 * shared by the build, which writes it, and the script, which reads it. Pure, no imports but the
 * matcher's tokenizer, so the script stays small.
 *
 * A blog post must fetch only what it needs, whatever the size of the glossary. Every name of a
 * term (title and aliases) is filed under its first word, lowercased (the word a mention starts
 * with, as the matcher reads it):
 * - `/glossary-links/index.json`: a Bloom filter of those first words (a few bits per word,
 *   about 1% false positives) and the number of buckets;
 * - `/glossary-links/<n>.json`: bucket n, the names whose first word hashes to n, with their slug
 *   and topic: `[slug, topic, name, name...]` per term.
 * The script hashes each word of the post (and its singular forms), keeps those the filter may
 * contain, and fetches only their buckets: a post that mentions twenty terms fetches about twenty
 * small files and the filter, not the whole list of names.
 * - `/glossary-links/cards/<slug>.json`: one term's card (rendered by TermCard), fetched when
 *   its popover first opens.
 */
import { TOKEN } from './term-matcher.ts';

export const LINKS_DIR = '/glossary-links';

/** index.json */
export interface LinksManifest {
  /** Format version. */
  v: 1;
  /** Number of buckets (a power of two). */
  b: number;
  /** Number of hash functions of the filter. */
  k: number;
  /** The filter's bits, base64; its length in bits is 8 times its length in bytes. */
  f: string;
  /** The popover's stylesheet (src/styles/links-popover.css), for the script's shadow root. */
  css: string;
}

/** One term in a bucket: slug, topic, then the names filed under that bucket. */
export type LinksEntry = [slug: string, topic: string, ...names: string[]];

/** A DOM tree as JSON: a text, or [tag, attributes, ...children]. */
export type CardNode = string | [tag: string, attributes: Record<string, string>, ...children: CardNode[]];

export const bucketPath = (bucket: number): string => `${LINKS_DIR}/${bucket}.json`;
export const cardPath = (slug: string): string => `${LINKS_DIR}/cards/${slug}.json`;

/** FNV-1a over UTF-16 code units, 32 bits, with a seed. */
export function hash(text: string, seed: number): number {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Bit positions of a key in a filter of `bits` bits. */
function positions(key: string, k: number, bits: number): number[] {
  const a = hash(key, 0);
  const b = hash(key, 0x9e3779b9) | 1;
  const out: number[] = [];
  for (let i = 0; i < k; i++) out.push(((a + Math.imul(i, b)) >>> 0) % bits);
  return out;
}

/** Whether the filter may hold the key (false: it certainly does not). */
export function mayContain(filter: Uint8Array, k: number, key: string): boolean {
  return positions(key, k, filter.length * 8).every((p) => (filter[p >> 3]! >> (p & 7)) & 1);
}

export const bucketOf = (key: string, buckets: number): number => hash(key, 0) & (buckets - 1);

/** The key a name is filed under: its first word, lowercased, as the matcher tokenizes it. */
export function firstWord(name: string): string | undefined {
  return name.match(new RegExp(TOKEN.source, 'u'))?.[0].toLowerCase();
}

export interface LinksIndexTerm {
  slug: string;
  topic: string;
  names: readonly string[];
}

export interface LinksIndex {
  manifest: LinksManifest;
  /** Every bucket, empty ones included (so that no request for one ever fails). */
  buckets: LinksEntry[][];
}

const BITS_PER_KEY = 10;
const HASHES = 7;
const NAMES_PER_BUCKET = 8;

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function decodeFilter(manifest: LinksManifest): Uint8Array {
  return Uint8Array.from(atob(manifest.f), (c) => c.charCodeAt(0));
}

/** The index for a list of terms. */
export function buildLinksIndex(terms: readonly LinksIndexTerm[], css = ''): LinksIndex {
  const byKey = new Map<string, Map<string, string[]>>();
  const topics = new Map<string, string>();
  for (const term of terms) {
    topics.set(term.slug, term.topic);
    for (const name of term.names) {
      const key = firstWord(name);
      if (!key) continue;
      const slugs = byKey.get(key) ?? byKey.set(key, new Map()).get(key)!;
      const names = slugs.get(term.slug) ?? slugs.set(term.slug, []).get(term.slug)!;
      if (!names.includes(name)) names.push(name);
    }
  }
  const keys = [...byKey.keys()].sort();
  const nameCount = [...byKey.values()].reduce((n, slugs) => n + [...slugs.values()].reduce((m, names) => m + names.length, 0), 0);
  let b = 1;
  while (b * NAMES_PER_BUCKET < nameCount && b < 4096) b *= 2;
  const bytes = Math.max(8, Math.ceil((keys.length * BITS_PER_KEY) / 8));
  const filter = new Uint8Array(bytes);
  const buckets: Map<string, string[]>[] = Array.from({ length: b }, () => new Map());
  for (const key of keys) {
    for (const p of positions(key, HASHES, bytes * 8)) filter[p >> 3]! |= 1 << (p & 7);
    const bucket = buckets[bucketOf(key, b)]!;
    for (const [slug, names] of byKey.get(key)!) bucket.set(slug, [...(bucket.get(slug) ?? []), ...names]);
  }
  return {
    manifest: { v: 1, b, k: HASHES, f: base64(filter), css },
    buckets: buckets.map((bucket) =>
      [...bucket].sort(([a], [z]) => (a < z ? -1 : a > z ? 1 : 0)).map(([slug, names]) => [slug, topics.get(slug)!, ...names] as LinksEntry),
    ),
  };
}

/** Comments and spaces out of a stylesheet (it travels inside index.json). */
export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};:,>])\s*/g, '$1')
    .replace(/;}/g, '}')
    .trim();
}
