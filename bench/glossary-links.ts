/**
 * The figures behind the budgets of the tools for bloggers (DESIGN.md, issue "For bloggers"):
 *  - /glossary-links.js and /embed.js, minified and gzipped (budgets 3 KB and 1.5 KB);
 *  - the index bytes a 1,500-word post fetches from a synthetic glossary of BENCH_LINKS_TERMS
 *    terms (10,000 by default; budget 40 KB gzip), through the same index writer as the build
 *    (src/lib/links-index.ts) and the same bucket choice as the script;
 *  - the time the script spends scanning that post and linking its mentions, in Chromium, median
 *    of runs (budget 20 ms), network left out: the very functions the script runs
 *    (src/scripts/glossary-links-scan.ts), bundled the same way.
 * No build of the site is needed: node bench/glossary-links.ts
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { buildGlossaryLinks, buildLoader, GLOSSARY_LINKS } from '../src/integrations/standalone-scripts.ts';
import { buildLinksIndex, minifyCss, type LinksIndexTerm } from '../src/lib/links-index.ts';
import { singulars, TOKEN } from '../src/lib/term-matcher.ts';
import { wantedBuckets } from '../src/scripts/glossary-links-scan.ts';
import { gzipSize } from '../test/support/weight.ts';
import { writeSyntheticContent } from './synthetic-content.ts';

const TERMS = Number(process.env.BENCH_LINKS_TERMS ?? 10_000);
const WORDS = 1500;
const MENTIONS = 40;
const RUNS = 21;
const root = new URL('../', import.meta.url);

// 1. Script sizes.
const links = await buildGlossaryLinks(root);
const loader = await buildLoader(root);

// 2. A synthetic glossary and its index.
const dir = writeSyntheticContent({ terms: TERMS, guides: 0 });
const terms: LinksIndexTerm[] = [];
for (const file of readdirSync(join(dir, 'terms'))) {
  const text = readFileSync(join(dir, 'terms', file), 'utf8');
  const field = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(text)?.[1] ?? '';
  const aliases = field('aliases').replace(/^\[|\]$/g, '').split(',').map((a) => a.trim()).filter(Boolean);
  terms.push({ slug: file.replace(/\.mdx$/, ''), topic: field('topic'), names: [field('title'), ...aliases] });
}
rmSync(dir, { recursive: true, force: true });
const css = minifyCss(readFileSync(new URL('src/styles/links-popover.css', root), 'utf8'));
const index = buildLinksIndex(terms, css);

// 3. A 1,500-word post about outsourcing that mentions MENTIONS of the glossary's terms.
const PROSE = `When a small business grows, the owner usually ends up doing everything: answering email, chasing invoices,
updating the website and talking to customers. Outsourcing some of that work frees hours for the tasks that bring in
revenue. The first step is to write down how each task is done today, step by step, with the tools and passwords it
needs. Then compare what an hour of your own time is worth with what a freelancer or an agency would charge. Offshoring
can cut costs further, but time zones and language matter; nearshoring keeps the team closer. A clear statement of work,
a short trial and a weekly review make most arrangements succeed. Many owners start with bookkeeping, customer support
or social media, then move on to sales research and reporting. Contracts should say who owns the work, how quality is
checked and how either side can end the deal. Keep the knowledge in your business: ask for documentation, recordings
and checklists so that a new provider can take over without starting again.`.split(/\s+/);
const mentioned = Array.from({ length: MENTIONS }, (_, i) => terms[(i * 7919) % terms.length]!);
const words: string[] = [];
let m = 0;
for (let i = 0; words.length < WORDS; i++) {
  words.push(PROSE[i % PROSE.length]!);
  if (i % Math.floor(WORDS / MENTIONS) === 17 && m < MENTIONS) {
    const term = mentioned[m++]!;
    words.push(...(m % 5 === 0 ? term.names[1]! : term.names[0]!).split(' '));
  }
}
const paragraphs: string[] = [];
for (let i = 0; i < words.length; i += 120) paragraphs.push(words.slice(i, i + 120).join(' '));

const postWords = new Set<string>();
for (const [word] of words.join(' ').matchAll(TOKEN)) {
  const lower = word.toLowerCase();
  postWords.add(lower);
  singulars(lower).forEach((s) => postWords.add(s));
}
const buckets = wantedBuckets(index.manifest, postWords);
const manifestGzip = gzipSize(JSON.stringify(index.manifest));
const bucketsGzip = buckets.reduce((sum, b) => sum + gzipSize(JSON.stringify(index.buckets[b])), 0);
const allBucketsGzip = index.buckets.reduce((sum, b) => sum + gzipSize(JSON.stringify(b)), 0);

// 4. Scan time in Chromium.
const harness = await build({
  stdin: {
    contents: `import { readPosts, wantedBuckets, linkPosts } from './src/scripts/glossary-links-scan.ts';
window.scan = (manifest, buckets) => {
  const t0 = performance.now();
  const { posts, words } = readPosts();
  const wanted = wantedBuckets(manifest, words);
  const links = linkPosts(posts, wanted.map((b) => buckets[b] || []), location.origin, 1000);
  const t1 = performance.now();
  return { ms: t1 - t0, wanted: wanted.length, links: document.querySelectorAll('a.outsourcing-glossary-link').length };
};`,
    resolveDir: new URL('.', root).pathname,
    loader: 'ts',
  },
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  write: false,
  mangleProps: GLOSSARY_LINKS.mangleProps,
});
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const times: number[] = [];
let linked = 0;
try {
  const page = await browser.newPage();
  const post = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Post</title></head><body><article><h1>Outsourcing, one year on</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
  const wantedData = Object.fromEntries(buckets.map((b) => [b, index.buckets[b]]));
  for (let run = 0; run < RUNS; run++) {
    await page.setContent(post);
    await page.addScriptTag({ content: harness.outputFiles[0]!.text });
    const result = await page.evaluate(([manifest, data]) => (window as unknown as { scan: (m: unknown, b: unknown) => { ms: number; links: number } }).scan(manifest, data), [index.manifest, wantedData] as const);
    times.push(result.ms);
    linked = result.links;
  }
} finally {
  await browser.close();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`Tools for bloggers (glossary of ${TERMS.toLocaleString('en')} synthetic terms, post of ${words.length} words mentioning ${MENTIONS} terms)`);
console.table([
  { what: '/glossary-links.js (gzip)', value: `${gzipSize(links)} B`, budget: '<= 3072 B', ok: gzipSize(links) <= 3072 },
  { what: '/embed.js (gzip)', value: `${gzipSize(loader)} B`, budget: '<= 1536 B', ok: gzipSize(loader) <= 1536 },
  { what: 'index fetched by the post (gzip)', value: `${manifestGzip + bucketsGzip} B (${kb(manifestGzip + bucketsGzip)})`, budget: '<= 40 KB', ok: manifestGzip + bucketsGzip <= 40 * 1024 },
  { what: '  of which index.json (filter + stylesheet)', value: `${manifestGzip} B`, budget: '', ok: '' },
  { what: `  of which buckets (${buckets.length} of ${index.manifest.b} files)`, value: `${bucketsGzip} B`, budget: '', ok: '' },
  { what: 'whole index, for comparison (gzip)', value: kb(manifestGzip + allBucketsGzip), budget: '', ok: '' },
  { what: `scan + link, Chromium, median of ${RUNS} (${linked} links)`, value: `${median.toFixed(1)} ms (min ${times[0]!.toFixed(1)}, max ${times.at(-1)!.toFixed(1)})`, budget: '<= 20 ms', ok: median <= 20 },
]);
