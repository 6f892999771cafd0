/**
 * Search benchmark (not a test: it prints figures and never fails on them).
 *
 *   npx node bench/search.ts            (the project's Node 24; `node` itself if that is 24)
 *
 * Generates a synthetic glossary of 1,000 terms and 20 guides in a temporary folder, builds it
 * with the project's own Astro config (CONTENT_DIR / OUT_DIR, search index included), serves
 * it on 127.0.0.1 and drives Chromium to measure:
 *   - the bytes fetched for the first query typed into the header box (cold: nothing loaded),
 *   - the time from a keystroke to rendered results, warm, in the header box and on /search/.
 * Environment: TERMS (default 1000), GUIDES (20), RUNS (queries per measurement, 15),
 * CHROME_PATH (default /usr/bin/chromium), KEEP=1 to keep the temporary folders.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { TOPICS } from '../src/lib/content-schema.ts';
import { normalizeQuery } from '../src/lib/search.ts';
import { startStaticServer } from '../scripts/static-server.ts';
import { CHROMIUM_ARGS } from '../test/support/browser.ts';
import { buildContent } from '../test/support/build-site.ts';

const TERMS = Number(process.env.TERMS ?? 1000);
const GUIDES = Number(process.env.GUIDES ?? 20);
const RUNS = Number(process.env.RUNS ?? 15);

// ---------------------------------------------------------------- synthetic content

/** A small seeded generator, so every run builds the same corpus. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(20261122);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

const COMMON = (
  'work team client provider contract invoice hour week month price cost fee budget payroll ledger ' +
  'support call centre remote home office country staff employee freelancer agency vendor supplier ' +
  'service process task project deadline quality report tool software schedule customer order shipping ' +
  'design writing research data entry bookkeeping marketing sales hiring training review payment tax ' +
  'risk control security agreement scope change delivery measure target saving value time skill'
).split(' ');
const SYLLABLES = 'ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu'.split(' ');
// Invented words give the index a realistic number of distinct words.
const INVENTED = Array.from({ length: 4000 }, () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(SYLLABLES)).join(''));
const word = () => (rand() < 0.6 ? pick(COMMON) : pick(INVENTED));
const words = (n: number) => Array.from({ length: n }, word).join(' ');
const sentence = (n: number) => {
  const text = words(n);
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
};
const paragraph = (sentences: number) => Array.from({ length: sentences }, () => sentence(8 + Math.floor(rand() * 10))).join(' ');
const yamlString = (s: string) => JSON.stringify(s);

interface SyntheticTerm {
  slug: string;
  title: string;
  alias: string;
}

function generate(dir: string): SyntheticTerm[] {
  mkdirSync(join(dir, 'terms'), { recursive: true });
  mkdirSync(join(dir, 'articles'), { recursive: true });
  const terms: SyntheticTerm[] = [];
  const seen = new Set<string>();
  while (terms.length < TERMS) {
    const parts = [pick(INVENTED), rand() < 0.5 ? pick(COMMON) : pick(INVENTED)];
    const title = `${parts[0]![0]!.toUpperCase()}${parts[0]!.slice(1)} ${parts[1]}`;
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    if (seen.has(slug)) continue;
    seen.add(slug);
    const alias = `${parts.map((p) => p[0]!.toUpperCase()).join('')}X${terms.length + 1}`;
    terms.push({ slug, title, alias });
  }
  terms.forEach((term, i) => {
    const related = [terms[(i + 1) % terms.length]!.slug, terms[(i + 7) % terms.length]!.slug];
    const summary = sentence(14).slice(0, 150).replace(/\s+\S*$/, '.').replace(/\.\.$/, '.');
    const file = [
      '---',
      `title: ${yamlString(term.title)}`,
      `aliases: [${yamlString(term.alias)}]`,
      `summary: ${yamlString(summary.length >= 20 ? summary : `${summary} ${words(6)}.`)}`,
      `topic: ${TOPICS[i % TOPICS.length]}`,
      `related: [${related.join(', ')}]`,
      'sources:',
      '  - title: "Synthetic benchmark source"',
      '    publication: "Benchmark corpus"',
      'updated: 2026-11-22',
      '---',
      '',
      `${term.title} ${paragraph(3)}`,
      '',
      paragraph(3),
      '',
      '## In practice',
      '',
      paragraph(4),
      '',
      '## Not to be confused with',
      '',
      paragraph(2),
      '',
    ].join('\n');
    writeFileSync(join(dir, 'terms', `${term.slug}.mdx`), file);
  });
  for (let g = 1; g <= GUIDES; g++) {
    const file = [
      '---',
      `title: ${yamlString(`Guide ${g}: ${words(4)}`)}`,
      `summary: ${yamlString(sentence(12).slice(0, 150))}`,
      `order: ${g}`,
      `terms: [${[0, 1, 2].map((k) => terms[(g * 37 + k) % terms.length]!.slug).join(', ')}]`,
      'updated: 2026-11-22',
      '---',
      '',
      ...Array.from({ length: 6 }, (_, k) => `## Part ${k + 1}\n\n${paragraph(5)}\n`),
    ].join('\n');
    writeFileSync(join(dir, 'articles', `guide-${g}.mdx`), file);
  }
  return terms;
}

// ---------------------------------------------------------------- measuring

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

function folderSize(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? folderSize(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
}

/**
 * Sets the field to `prefix`, waits for its results, then presses `key` and returns the time
 * from that keydown to the first frame after the results for prefix+key are in the page
 * (the live region is updated last, after the list).
 */
async function keystrokeToResults(page: Page, field: string, status: string, prefix: string, key: string): Promise<number> {
  const settle = async (q: string) =>
    page.waitForFunction(([sel, expected]) => (document.querySelector(sel!)?.textContent ?? '').endsWith(expected!), [status, `“${normalizeQuery(q)}”.`] as const);
  await page.locator(field).fill(prefix);
  await settle(prefix);
  await page.evaluate(
    ([fieldSel, statusSel, expected]) => {
      const w = window as unknown as { __keydown: number; __rendered: Promise<number> };
      const input = document.querySelector(fieldSel!)!;
      input.addEventListener('keydown', (e) => (w.__keydown = e.timeStamp), { once: true });
      const node = document.querySelector(statusSel!)!;
      w.__rendered = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if ((node.textContent ?? '').endsWith(expected!)) {
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now()));
          }
        });
        observer.observe(node, { childList: true, characterData: true, subtree: true });
      });
    },
    [field, status, `“${normalizeQuery(prefix + key)}”.`] as const,
  );
  await page.keyboard.press(key);
  return page.evaluate(async () => {
    const w = window as unknown as { __keydown: number; __rendered: Promise<number> };
    return (await w.__rendered) - w.__keydown;
  });
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'glossary-search-bench-'));
  const contentDir = join(work, 'content');
  console.log(`Generating ${TERMS} terms and ${GUIDES} guides in ${contentDir} ...`);
  const terms = generate(contentDir);

  console.log('Building (astro build + search index) ...');
  const started = performance.now();
  const build = buildContent(contentDir);
  const buildSeconds = (performance.now() - started) / 1000;
  if (!build.ok) {
    console.error(build.output.slice(-4000));
    throw new Error('the synthetic site did not build');
  }
  const indexBytes = folderSize(join(build.outDir, 'pagefind'));

  const server = await startStaticServer({ root: build.outDir });
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // Cold: a term page, then the first query typed into the header box.
    const sample = terms[Math.floor(terms.length / 2)]!;
    await page.goto(`/terms/${terms[0]!.slug}/`);
    await page.waitForLoadState('networkidle');
    const fetched: { path: string; bytes: number; gzip: number }[] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      pending.push(
        response.body().then(
          (body) => {
            const path = new URL(response.url()).pathname;
            // What a host that compresses text would send; Pagefind's own files are gzip already.
            const gz = /\.(js|css|json|html)$/.test(path) ? gzipSync(body).length : body.length;
            fetched.push({ path, bytes: body.length, gzip: Math.min(gz, body.length) });
          },
          () => {},
        ),
      );
    });
    const firstQuery = sample.title.split(' ')[0]!.toLowerCase();
    const coldStart = performance.now();
    await page.keyboard.press('/');
    await page.locator('#header-search-input').fill(firstQuery);
    await page.waitForFunction((expected) => (document.querySelector('.header-search [role="status"]')?.textContent ?? '').endsWith(expected), `“${firstQuery}”.`);
    const coldMs = performance.now() - coldStart;
    await Promise.all(pending);
    page.removeAllListeners('response');

    // Warm: keystrokes that complete a query, in the header box and on the search page.
    const queries = Array.from({ length: RUNS }, (_, i) => {
      const t = terms[(i * 61 + 5) % terms.length]!;
      const choices = [t.title.split(' ')[0]!.toLowerCase(), t.title.toLowerCase(), t.alias.toLowerCase(), pick(COMMON)];
      return choices[i % choices.length]!;
    }).filter((q) => q.length >= 3);
    const header: number[] = [];
    for (const q of queries) header.push(await keystrokeToResults(page, '#header-search-input', '.header-search [role="status"]', q.slice(0, -1), q.slice(-1)));

    await page.goto(`/search/?q=${encodeURIComponent(firstQuery)}`);
    await page.waitForFunction(() => (document.querySelector('#search-status')?.textContent ?? '') !== '');
    const searchPage: number[] = [];
    for (const q of queries) searchPage.push(await keystrokeToResults(page, '#search-q', '#search-status', q.slice(0, -1), q.slice(-1)));

    // Report.
    const total = fetched.reduce((s, f) => s + f.bytes, 0);
    const totalGz = fetched.reduce((s, f) => s + f.gzip, 0);
    console.log(`\nSearch benchmark: ${terms.length} terms + ${GUIDES} guides, built in ${buildSeconds.toFixed(1)} s, index ${kb(indexBytes)} on disk\n`);
    console.log('| measure | value |');
    console.log('| --- | --- |');
    console.log(`| first query, cold ("${firstQuery}" into the header box): focus to rendered suggestions | ${ms(coldMs)} |`);
    console.log(`| bytes fetched for the first query (${fetched.length} requests) | ${kb(total)} as served, ${kb(totalGz)} with gzip for text |`);
    const range = (v: number[]) => `${ms(median(v))} (min ${ms(Math.min(...v))}, max ${ms(Math.max(...v))})`;
    console.log(`| keystroke to rendered results, warm, header box, median of ${header.length} | ${range(header)} |`);
    console.log(`| keystroke to rendered results, warm, search page, median of ${searchPage.length} | ${range(searchPage)} |`);
    console.log(`| page errors | ${errors.length} |`);
    console.log('\nFirst-query requests:\n');
    console.log('| path | bytes | gzip |');
    console.log('| --- | ---: | ---: |');
    const groups = new Map<string, { n: number; bytes: number; gzip: number }>();
    for (const f of fetched) {
      const key = f.path.replace(/\/(index|fragment|filter)\/[^/]+$/, '/$1/*').replace(/\/_astro\/[^/]+$/, '/_astro/*.js');
      const g = groups.get(key) ?? { n: 0, bytes: 0, gzip: 0 };
      groups.set(key, { n: g.n + 1, bytes: g.bytes + f.bytes, gzip: g.gzip + f.gzip });
    }
    for (const [path, g] of [...groups].sort((a, b) => b[1].bytes - a[1].bytes)) {
      console.log(`| ${path}${g.n > 1 ? ` (${g.n} files)` : ''} | ${kb(g.bytes)} | ${kb(g.gzip)} |`);
    }
    console.log('\nQueries (warm):', queries.join(', '));
    if (errors.length) console.log('Page errors:', errors);
  } finally {
    await browser.close();
    await server.close();
    if (process.env.KEEP) console.log(`Kept ${work} and ${build.outDir}`);
    else {
      build.cleanup();
      rmSync(work, { recursive: true, force: true });
    }
  }
}

await main();
