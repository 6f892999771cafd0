// Sizes of what a blogger's page downloads for an embedded card: the loader (/embed.js), the
// term list script it checks a slug against, and an embed view (HTML + its CSS), raw and gzipped.
// Run after a build: node bench/embed-size.ts   (or OUT_DIR=... for another output folder)
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileWeight, pageWeight } from '../test/support/weight.ts';

const dir = resolve(process.env.OUT_DIR || 'dist');
const LOADER_BUDGET = 1536;
const EMBED_PAGE_BUDGET = 6144;

const slugs = readdirSync(join(dir, 'embed'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
if (slugs.length === 0) throw new Error(`${dir}/embed/ holds no embed views: run "npm run build" first`);

const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;
const row = (label: string, bytes: number, gzip: number, budget?: number) =>
  console.log(
    `${label.padEnd(34)} ${String(bytes).padStart(7)} B  ${String(gzip).padStart(6)} B gzip (${kb(gzip)})` +
      (budget ? `  budget ${budget} B: ${gzip <= budget ? 'ok' : 'OVER'}` : ''),
  );

const loader = fileWeight(dir, '/embed.js');
row('/embed.js', loader.bytes, loader.gzip, LOADER_BUDGET);

const lists = readdirSync(join(dir, 'embed')).filter((f) => /^terms-.\.js$/.test(f));
const listWeights = lists.map((f) => fileWeight(dir, `/embed/${f}`));
const largest = listWeights.reduce((a, b) => (b.gzip > a.gzip ? b : a));
row(`largest term list (${largest.path})`, largest.bytes, largest.gzip);

const pages = slugs.map((slug) => ({ slug, ...pageWeight(dir, `/embed/${slug}/`) }));
const heaviest = pages.reduce((a, b) => (b.gzip > a.gzip ? b : a));
const sample = pages.find((p) => p.slug === 'outsourcing') ?? pages[0]!;
for (const page of sample === heaviest ? [sample] : [sample, heaviest]) {
  row(`/embed/${page.slug}/ HTML + CSS`, page.bytes, page.gzip, EMBED_PAGE_BUDGET);
  for (const f of page.files) row(`  ${f.path}`, f.bytes, f.gzip);
}
console.log(`${pages.length} embed views; ${lists.length} term list scripts; first visit to a blog with one card: ` +
  `${kb(loader.gzip + largest.gzip + heaviest.gzip)} gzip at most`);
