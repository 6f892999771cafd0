/**
 * Search benchmark (not a test: it prints figures and never fails on them).
 *
 *   npx node bench/search.ts            (the project's Node 24; `node` itself if that is 24)
 *   SIZES=1000,10000 npx node bench/search.ts
 *
 * For each size, generates a synthetic glossary (bench/synthetic-content.ts) in a temporary
 * folder, builds it with the project's own Astro config (CONTENT_DIR / OUT_DIR, search index
 * and name index included), serves it on 127.0.0.1 and drives Chromium to measure:
 *   - the bytes fetched for the first query typed into the header box (cold: nothing loaded),
 *     Pagefind and the name index included, and the most names any one file fetched holds
 *     (against the number of names in the glossary: no full list of terms is downloaded);
 *   - the time from a keystroke to rendered results, warm, in the header box and on /search/,
 *     for exact names, aliases, prefixes and misspelt names (a letter dropped, two swapped);
 *   - how often a misspelt name put its term first in the suggestions.
 * Environment: SIZES (default 1000; TERMS is read as one size), GUIDES (20), RUNS (queries per
 * measurement, 16), CHROME_PATH (default /usr/bin/chromium), KEEP=1 to keep the temporary folders.
 * Budgets (DESIGN.md): warm keystroke median <= 50 ms; first query <= 150 KB at 10,000 terms.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { normalizeQuery } from '../src/lib/search.ts';
import { writeSyntheticContent } from './synthetic-content.ts';
import { shardFile, type NameManifest } from '../src/lib/name-index.ts';
import { startStaticServer } from '../scripts/static-server.ts';
import { CHROMIUM_ARGS } from '../test/support/browser.ts';
import { buildContent } from '../test/support/build-site.ts';

const SIZES = (process.env.SIZES ?? process.env.TERMS ?? '1000').split(',').map(Number).filter((n) => n > 0);
const GUIDES = Number(process.env.GUIDES ?? 20);
const RUNS = Number(process.env.RUNS ?? 16);

interface SyntheticTerm {
  slug: string;
  title: string;
  alias: string;
}

/** The generated terms, read back from their files. */
function readTerms(dir: string): SyntheticTerm[] {
  return readdirSync(join(dir, 'terms'))
    .sort()
    .map((file) => {
      const { frontmatter } = parseFrontmatter(readFileSync(join(dir, 'terms', file), 'utf8'));
      const data = frontmatter as { title: string; aliases: string[] };
      return { slug: file.replace(/\.mdx$/, ''), title: String(data.title), alias: String(data.aliases[0] ?? data.title) };
    });
}

/** A misspelling of a name: a letter dropped (even runs) or two letters swapped (odd runs), past the first two letters. */
function misspell(name: string, i: number): string {
  const at = 2 + (i % Math.max(1, name.length - 4));
  return i % 2 === 0 ? name.slice(0, at) + name.slice(at + 1) : name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2);
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

async function benchSize(size: number) {
  const contentDir = writeSyntheticContent({ terms: size, guides: GUIDES });
  const work = contentDir;
  console.log(`Generated ${size} terms and ${GUIDES} guides in ${contentDir}; building ...`);
  const terms = readTerms(contentDir);

  const started = performance.now();
  const build = buildContent(contentDir, { OG_IMAGES: 'off' });
  const buildSeconds = (performance.now() - started) / 1000;
  if (!build.ok) {
    console.error(build.output.slice(-4000));
    throw new Error('the synthetic site did not build');
  }
  const indexBytes = folderSize(join(build.outDir, 'pagefind'));
  const nameIndexBytes = folderSize(join(build.outDir, 'name-index'));
  const manifest = JSON.parse(readFileSync(join(build.outDir, 'name-index', 'manifest.json'), 'utf8')) as NameManifest;
  const shardCount = manifest.prefixes.length;
  const namesInFile = new Map<string, number>(
    manifest.prefixes.map(shardFile).map((file) => [file, (JSON.parse(readFileSync(join(build.outDir, 'name-index', file), 'utf8')) as unknown[]).length]),
  );
  const totalNames = [...namesInFile.values()].reduce((a, b) => a + b, 0);

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
    const fetched: { path: string; bytes: number; gzip: number; wire: number }[] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      pending.push(
        Promise.all([response.body(), response.request().sizes()]).then(
          ([body, sizes]) => {
            const path = new URL(response.url()).pathname;
            // Pagefind's own files are stored as gzip; the body the browser holds is their content
            // when the server sent the build's .br copy of it (the wasm module and the metadata).
            const file = join(build.outDir, decodeURIComponent(path));
            const stored = /\.(pf_\w+|pagefind)$/.test(path) ? statSync(file).size : undefined;
            // What a host with gzip only would send: for Pagefind's files, the build's .gz copy
            // where there is one (nginx's gzip_static), else the file as stored.
            const gz =
              stored !== undefined
                ? Math.min(stored, existsSync(`${file}.gz`) ? statSync(`${file}.gz`).size : stored)
                : /\.(js|css|json|html)$/.test(path)
                  ? gzipSync(body).length
                  : body.length;
            // What this server sent: the precompressed .br copy when the browser accepts it.
            fetched.push({ path, bytes: stored ?? body.length, gzip: Math.min(gz, body.length), wire: sizes.responseBodySize });
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
      const choices = [t.title.split(' ')[0]!.toLowerCase(), t.title.toLowerCase(), t.alias.toLowerCase(), t.title.toLowerCase().slice(0, 6)];
      return choices[i % choices.length]!;
    }).filter((q) => q.length >= 3);
    // Misspelt names: the keystroke completes the misspelling; the intended term should come first.
    const typoTerms = Array.from({ length: RUNS }, (_, i) => terms[(i * 97 + 11) % terms.length]!).filter((t) => t.title.length >= 8);
    const typos = typoTerms.map((t, i) => misspell(t.title.toLowerCase(), i));
    const typoHeader: number[] = [];
    let typoFirst = 0;
    for (const [i, q] of typos.entries()) {
      typoHeader.push(await keystrokeToResults(page, '#header-search-input', '.header-search [role="status"]', q.slice(0, -1), q.slice(-1)));
      const top = await page.locator('.search-popup__option .search-popup__title').first().textContent();
      if (top === typoTerms[i]!.title) typoFirst++;
    }
    const header: number[] = [];
    for (const q of queries) header.push(await keystrokeToResults(page, '#header-search-input', '.header-search [role="status"]', q.slice(0, -1), q.slice(-1)));

    await page.goto(`/search/?q=${encodeURIComponent(firstQuery)}`);
    await page.waitForFunction(() => (document.querySelector('#search-status')?.textContent ?? '') !== '');
    const searchPage: number[] = [];
    for (const q of queries) searchPage.push(await keystrokeToResults(page, '#search-q', '#search-status', q.slice(0, -1), q.slice(-1)));

    // Report.
    const namesFetched = fetched.filter((f) => f.path.startsWith('/name-index/') && !f.path.endsWith('manifest.json'));
    const mostNames = Math.max(0, ...namesFetched.map((f) => namesInFile.get(f.path.split('/').pop()!) ?? 0));
    const total = fetched.reduce((s, f) => s + f.bytes, 0);
    const totalGz = fetched.reduce((s, f) => s + f.gzip, 0);
    const totalWire = fetched.reduce((s, f) => s + f.wire, 0);
    console.log(`\nSearch benchmark: ${terms.length} terms + ${GUIDES} guides, built in ${buildSeconds.toFixed(1)} s; Pagefind index ${kb(indexBytes)}, name index ${kb(nameIndexBytes)} (${totalNames} names in ${shardCount} shards) on disk\n`);
    console.log('| measure | value |');
    console.log('| --- | --- |');
    console.log(`| first query, cold ("${firstQuery}" into the header box): focus to rendered suggestions | ${ms(coldMs)} |`);
    console.log(`| bytes fetched for the first query (${fetched.length} requests) | ${kb(totalWire)} on the wire (the server's .br copies), ${kb(totalGz)} from a host with gzip only, ${kb(total)} as stored |`);
    const range = (v: number[]) => `${ms(median(v))} (min ${ms(Math.min(...v))}, max ${ms(Math.max(...v))})`;
    console.log(`| keystroke to rendered results, warm, header box, median of ${header.length} | ${range(header)} |`);
    console.log(`| keystroke to rendered results, warm, search page, median of ${searchPage.length} | ${range(searchPage)} |`);
    console.log(`| keystroke to rendered suggestions, warm, misspelt names, median of ${typoHeader.length} | ${range(typoHeader)} |`);
    console.log(`| misspelt names with the intended term first in the suggestions | ${typoFirst} of ${typos.length} |`);
    console.log(`| name-index files in the first query: ${namesFetched.length} shard(s), at most ${mostNames} of ${totalNames} names in one | ${kb(namesFetched.reduce((s, f) => s + f.bytes, 0))} |`);
    console.log(`| page errors | ${errors.length} |`);
    console.log('\nFirst-query requests:\n');
    console.log('| path | as stored | gzip only | on the wire |');
    console.log('| --- | ---: | ---: | ---: |');
    const groups = new Map<string, { n: number; bytes: number; gzip: number; wire: number }>();
    for (const f of fetched) {
      const key = f.path.replace(/\/(index|fragment|filter)\/[^/]+$/, '/$1/*').replace(/\/_astro\/[^/]+$/, '/_astro/*.js');
      const g = groups.get(key) ?? { n: 0, bytes: 0, gzip: 0, wire: 0 };
      groups.set(key, { n: g.n + 1, bytes: g.bytes + f.bytes, gzip: g.gzip + f.gzip, wire: g.wire + f.wire });
    }
    for (const [path, g] of [...groups].sort((a, b) => b[1].bytes - a[1].bytes)) {
      console.log(`| ${path}${g.n > 1 ? ` (${g.n} files)` : ''} | ${kb(g.bytes)} | ${kb(g.gzip)} | ${kb(g.wire)} |`);
    }
    console.log('\nQueries (warm):', queries.join(', '));
    console.log('Misspelt queries:', typos.join(', '));
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

for (const size of SIZES) await benchSize(size);
