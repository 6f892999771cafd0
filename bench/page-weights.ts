/**
 * The heaviest HTML pages of a built site, by kind (A-Z index, letter page, topic page,
 * comparisons index...), as HTML + the stylesheets each links, gzip (the budget: <= 30 KB for
 * any page at any glossary size). Reads the precompressed .gz beside each file when the build
 * wrote one, so a 25,000-page site takes seconds.
 * Usage: node bench/page-weights.ts [dist] [how many per kind, 5]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeightRow {
  kind: string;
  path: string;
  html: number;
  css: number;
  total: number;
}

/** The kind of page a site path is, for grouping. */
export function pageKind(path: string): string {
  if (path === '/glossary/') return 'A-Z index';
  if (path.startsWith('/glossary/')) return 'A-Z letter page';
  if (path === '/topics/') return 'topics index';
  if (/^\/topics\/[^/]+\/(\d+\/)?$/.test(path)) return 'topic page';
  if (path === '/compare/' || /^\/compare\/page\/\d+\/$/.test(path)) return 'comparisons index';
  if (path.startsWith('/compare/')) return 'comparison';
  if (path.startsWith('/terms/')) return 'term';
  if (path.startsWith('/guides/')) return path === '/guides/' ? 'guides index' : 'guide';
  if (path.startsWith('/embed/')) return 'embed view';
  if (path === '/') return 'home';
  return 'other';
}

function gzipOf(file: string, cache: Map<string, number>): number {
  let size = cache.get(file);
  if (size === undefined) {
    size = existsSync(`${file}.gz`) ? statSync(`${file}.gz`).size : gzipSync(readFileSync(file), { level: 9 }).length;
    cache.set(file, size);
  }
  return size;
}

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'pagefind' && entry.name !== '_astro') yield* htmlFiles(path);
    } else if (entry.name === 'index.html') yield path;
  }
}

/** Every page's weight, the alias redirect pages left out (they only send the browser on). */
export function pageWeights(dir: string): PageWeightRow[] {
  const cache = new Map<string, number>();
  const rows: PageWeightRow[] = [];
  for (const file of htmlFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    if (/<body[^>]*data-redirect-to/.test(text)) continue;
    const rel = relative(dir, file).split(sep).join('/');
    const path = `/${rel.slice(0, -'index.html'.length)}`;
    const css = [...text.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].reduce(
      (n, m) => n + gzipOf(join(dir, new URL(m[1]!, `http://site${path}`).pathname), cache),
      0,
    );
    const html = gzipOf(file, cache);
    rows.push({ kind: pageKind(path), path, html, css, total: html + css });
  }
  return rows;
}

/** The `n` heaviest pages of each kind, heaviest first; kinds by their heaviest page. */
export function heaviestByKind(rows: PageWeightRow[], n = 5): Map<string, PageWeightRow[]> {
  const byKind = new Map<string, PageWeightRow[]>();
  for (const row of rows) byKind.set(row.kind, [...(byKind.get(row.kind) ?? []), row]);
  const sorted = [...byKind.entries()].map(([kind, list]) => [kind, list.sort((a, b) => b.total - a.total)] as const);
  sorted.sort((a, b) => b[1][0]!.total - a[1][0]!.total);
  return new Map(sorted.map(([kind, list]) => [kind, list.slice(0, n)]));
}

if (import.meta.main) {
  const dir = resolve(process.argv[2] ?? process.env.OUT_DIR ?? 'dist');
  const n = Number(process.argv[3] ?? 5);
  const rows = pageWeights(dir);
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.kind, (counts.get(row.kind) ?? 0) + 1);
  console.log(`${rows.length} pages in ${dir}; HTML + CSS, gzip bytes (budget 30,720 for any page)`);
  for (const [kind, list] of heaviestByKind(rows, n)) {
    console.log(`\n${kind} (${counts.get(kind)} pages)`);
    console.table(list.map((r) => ({ path: r.path, HTML: r.html, CSS: r.css, 'HTML+CSS': r.total })));
  }
}
