/**
 * Builds the Pagefind search index of a built site, into `<outDir>/pagefind/`, with Pagefind's
 * Node API. `npm run build` (scripts/build.ts) runs it once `astro build` has exited, so that
 * Pagefind's memory and Astro's never add up; every build of every content tree, test fixtures
 * and benchmarks included, goes through that script and gets the same index.
 *
 * What is indexed: term pages and guide pages only, and on them only `<main>` (never the
 * header, navigation or footer) less everything that is not the page's own text: sections
 * marked `data-pagefind-ignore` (related terms, "Mentioned in", comparison links, sources, the
 * embed panel), lists of cards, and any `nav` (breadcrumbs). So a page matches only its own
 * words, and no excerpt shows those lists. Other pages (home, A-Z, topics, the calculator,
 * search itself) are lists or tools: they would only repeat the terms' own words and push the
 * terms down, so they are not indexed; nor are the alias redirect pages (no `data-search-meta`).
 *
 * Then the name index (src/lib/name-index.ts) is written beside it, into `/name-index/`: every
 * term's title and aliases, read back from Pagefind's own records so that each name carries
 * its page's Pagefind id, split into shards by key prefix with a small manifest.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { buildShards, NAME_INDEX_DIR, shardFile, type NameManifest, type TermNames } from '../lib/name-index.ts';

export const SEARCH_INDEX = {
  /** Only the pages of single terms and guides (one level below /terms/ and /guides/). */
  glob: '{terms,guides}/*/index.html',
  rootSelector: 'main',
  excludeSelectors: ['.card-list', 'nav', '.breadcrumbs'],
  forceLanguage: 'en',
  bundleDir: 'pagefind',
} as const;

export async function buildSearchIndex(siteDir: string): Promise<{ pages: number; outputPath: string }> {
  const { index, errors } = await pagefind.createIndex({
    rootSelector: SEARCH_INDEX.rootSelector,
    excludeSelectors: [...SEARCH_INDEX.excludeSelectors],
    forceLanguage: SEARCH_INDEX.forceLanguage,
  });
  try {
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir, glob: SEARCH_INDEX.glob });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(siteDir, SEARCH_INDEX.bundleDir) });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    return { pages: added.page_count, outputPath: written.outputPath };
  } finally {
    await pagefind.close();
  }
}

interface PagefindRecord {
  url: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

/** Pagefind's page records with their ids: each fragment file is gzip, a signature, then one page or a group of pages by id. */
export function readPagefindRecords(bundleDir: string): Map<string, PagefindRecord> {
  const records = new Map<string, PagefindRecord>();
  const folder = join(bundleDir, 'fragment');
  for (const file of readdirSync(folder)) {
    const bytes = gunzipSync(readFileSync(join(folder, file)));
    const json = JSON.parse(bytes.subarray(12).toString('utf8')) as PagefindRecord | Record<string, PagefindRecord>;
    if (typeof json.url === 'string') records.set(file.replace(/\.pf_fragment$/, ''), json as PagefindRecord);
    else for (const [id, record] of Object.entries(json as Record<string, PagefindRecord>)) records.set(id, record);
  }
  return records;
}

/** The names of every indexed term page, from Pagefind's records. */
export function termNamesFromRecords(records: Map<string, PagefindRecord>): TermNames[] {
  const terms: TermNames[] = [];
  for (const [id, record] of records) {
    const slug = /^\/terms\/([^/]+)\/$/.exec(record.url)?.[1];
    if (!slug || record.meta.kind !== 'term' || !record.meta.title) continue;
    const aliases = (record.meta.aliases ?? '').split(',').map((a) => a.trim()).filter(Boolean);
    terms.push({ slug, title: record.meta.title, aliases, id, topic: record.filters.topic?.[0] ?? '' });
  }
  return terms.sort((a, b) => a.slug.localeCompare(b.slug));
}

/** Writes /name-index/manifest.json and one file a shard, named by its prefix. */
export function writeNameIndex(siteDir: string, terms: readonly TermNames[]): { shards: number; names: number } {
  const folder = join(siteDir, NAME_INDEX_DIR);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const { topics, shards } = buildShards(terms);
  const hash = createHash('sha256');
  let names = 0;
  const prefixes = [...shards.keys()].sort();
  for (const prefix of prefixes) {
    const entries = shards.get(prefix)!;
    const json = JSON.stringify(entries);
    writeFileSync(join(folder, shardFile(prefix)), json);
    hash.update(`${prefix}\n${json}\n`);
    names += entries.length;
  }
  const manifest: NameManifest = { version: 1, topics, build: hash.digest('hex').slice(0, 10), prefixes };
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest));
  return { shards: shards.size, names };
}

/** Indexes the built site in `siteDir` and writes the name index beside it. */
export async function indexSite(siteDir: string, log: (line: string) => void): Promise<void> {
  const start = performance.now();
  const { pages, outputPath } = await buildSearchIndex(siteDir);
  log(`indexed ${pages} term and guide pages into ${outputPath} in ${Math.round(performance.now() - start)} ms`);
  const { shards, names } = writeNameIndex(siteDir, termNamesFromRecords(readPagefindRecords(outputPath)));
  log(`wrote ${names} term names in ${shards} shards into /${NAME_INDEX_DIR}/`);
}
