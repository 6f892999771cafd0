/**
 * `npm run bench`: the figures behind the budgets in DESIGN.md, as tables (no pass/fail).
 *  1. gzip sizes of HTML, CSS and JS for the home, a term, a guide, the calculator and the search page;
 *  2. cold builds of synthetic glossaries of 1,000, 10,000 and 20,000 terms (BENCH_SIZES), share images
 *     on and off (BENCH_IMAGES=on|off|both): wall time, peak memory, phases, heaviest page by kind;
 *     then what one share image costs, step by step (bench/share-image-cost.ts);
 *  3. Lighthouse mobile scores and LCP/TBT/CLS for the five page types;
 *  4. the local static server: requests/s and p99 for a term page (autocannon, 10 s, 50
 *     connections), open descriptors before and after 1,000 aborted downloads;
 *  5. the tools for bloggers: script sizes, index bytes a post fetches, scan time (bench/glossary-links.ts).
 * Builds the site first when dist/ is missing. BENCH_SKIP=scale,lighthouse,server,links skips parts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'node-html-parser';
import { fileWeight, gzipSize, pageWeight } from '../test/support/weight.ts';
import { buildScale, imageSettingsFromEnv, printScale } from './build-scale.ts';
import { printShareImageCost } from './share-image-cost.ts';
import { runLighthouse, score } from './lighthouse.ts';
import { measure } from './measure.ts';
import { abortedDownloads, printLoad, termPageLoad } from './server-load.ts';

const root = resolve(process.env.OUT_DIR || 'dist');
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const PAGES: [string, string][] = [
  ['home', '/'],
  ['term', '/terms/outsourcing/'],
  ['guide', '/guides/what-is-your-hour-worth/'],
  ['calculator', '/calculator/'],
  ['search', '/search/'],
];

if (!existsSync(join(root, 'index.html'))) {
  console.log('Building the site...');
  const built = await measure('npm', ['run', 'build'], process.env);
  if (built.code !== 0) throw new Error(built.output.slice(-3000));
}

/** JavaScript a page loads when it opens: its external and inline scripts (not lazy imports). */
function scriptWeight(path: string): number {
  const html = readFileSync(join(root, `${path}index.html`), 'utf8');
  return parse(html)
    .querySelectorAll('script')
    .filter((s) => !s.getAttribute('type') || s.getAttribute('type') === 'module')
    .reduce((sum, s) => {
      const src = s.getAttribute('src');
      return sum + (src ? fileWeight(root, new URL(src, 'http://site/').pathname).gzip : gzipSize(s.rawText));
    }, 0);
}

console.log('\n1. Page weight (gzip bytes; budgets: term HTML+CSS <= 14 KB, JS to read a term page 0 B, calculator JS <= 5 KB, embed loader <= 1.5 KB)');
console.table(
  PAGES.map(([name, path]) => {
    const weight = pageWeight(root, path);
    const html = weight.files[0]!.gzip;
    return { page: name, path, 'HTML': html, 'CSS': weight.gzip - html, 'HTML+CSS': weight.gzip, 'JS at load': scriptWeight(path) };
  }),
);
console.log(`embed loader /embed.js: ${fileWeight(root, '/embed.js').gzip} B gzip`);

if (!skip.has('scale')) {
  const sizes = (process.env.BENCH_SIZES ?? '1000,10000,20000').split(',').map(Number);
  console.log(
    '\n2. Cold builds of synthetic glossaries, share images on and off (budgets: 10,000 terms <= 60 s with images, <= 40 s without, <= 1.5 GB;' +
      ' 20,000 terms <= 120 s / 80 s, <= 2.5 GB; heaviest page <= 30 KB gzip; term page unchanged from 1,000 terms)',
  );
  printScale(await buildScale(sizes, imageSettingsFromEnv(process.env.BENCH_IMAGES)));
  console.log('');
  await printShareImageCost();
}

if (!skip.has('lighthouse')) {
  console.log('\n3. Lighthouse, mobile (budget 100 in every category)');
  const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
  const results = await runLighthouse(root, PAGES.map(([, p]) => p), categories);
  console.table(
    PAGES.map(([name, path]) => {
      const lhr = results.get(path)!;
      const metric = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
      return {
        page: name,
        performance: score(lhr, 'performance'),
        accessibility: score(lhr, 'accessibility'),
        'best practices': score(lhr, 'best-practices'),
        seo: score(lhr, 'seo'),
        'LCP (ms)': Math.round(metric('largest-contentful-paint')),
        'TBT (ms)': Math.round(metric('total-blocking-time')),
        CLS: Number(metric('cumulative-layout-shift').toFixed(3)),
      };
    }),
  );
}

if (!skip.has('server')) {
  console.log('\n4. Local static server (scripts/static-server.ts, in its own process)');
  const load = await termPageLoad(root, '/terms/outsourcing/', 10, 50);
  printLoad(load, await abortedDownloads(1000));
}

if (!skip.has('links')) {
  console.log('\n5. Tools for bloggers');
  await import('./glossary-links.ts');
}
