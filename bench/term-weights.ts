/**
 * HTML + CSS gzip of every built term page, heaviest first, against the 14 KB budget, and what
 * the heaviest pages spend it on: for each part of the page, the gzip bytes saved by leaving it
 * out (so the parts do not add up exactly to the total: gzip shares strings across them).
 *   npm run build && node bench/term-weights.ts        (`npx node ...` where the system Node is older)
 * TOP=n sets how many pages get the breakdown (3); OUT_DIR picks another build folder.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'node-html-parser';
import { gzipSize, pageWeight } from '../test/support/weight.ts';

const BUDGET = 14 * 1024;
const root = resolve(process.env.OUT_DIR || 'dist');
const top = Number(process.env.TOP ?? 3);

const slugs = readdirSync(join(root, 'terms'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);
const rows = slugs
  .map((slug) => {
    const path = `/terms/${slug}/`;
    const html = readFileSync(join(root, path, 'index.html'), 'utf8');
    if (html.includes('data-redirect-to')) return undefined;
    const weight = pageWeight(root, path);
    return { path, html: weight.files[0]!.gzip, css: weight.gzip - weight.files[0]!.gzip, total: weight.gzip };
  })
  .filter((r) => r !== undefined)
  .sort((a, b) => b.total - a.total);

console.log(`${rows.length} term pages, HTML+CSS gzip (budget ${BUDGET} B); over 13.5 KB:`);
console.table(rows.filter((r) => r.total > 13.5 * 1024).map((r) => ({ ...r, over: r.total > BUDGET ? r.total - BUDGET : '' })));
const over = rows.filter((r) => r.total > BUDGET);
console.log(`over budget: ${over.length ? over.map((r) => r.path).join(', ') : 'none'}; lightest ${rows.at(-1)?.total} B, median ${rows[rows.length >> 1]?.total} B`);

/** Parts of a term page, by selector; the first match is taken out to measure it. */
const PARTS: [string, string][] = [
  ['head (meta, JSON-LD, links)', 'head'],
  ['site header + search dialog', 'header.site-header'],
  ['search dialog', 'dialog'],
  ['breadcrumb', 'nav.breadcrumb'],
  ['search meta', '[data-search-meta]'],
  ['takeaways', '.takeaways'],
  ['body (.prose)', '.prose'],
  ['overlap diagram', 'figure.overlap'],
  ['related terms', '.term-list'],
  ['mentioned in', '#mentioned-heading'],
  ['sources', '#sources-heading'],
  ['pager', 'nav.pager'],
  ['embed panel', 'details.embed-panel'],
  ['preview template', 'template#term-previews'],
  ['rail', 'aside.rail'],
  ['footer', 'footer.site-footer'],
  ['scripts (body)', 'body script'],
];

for (const row of rows.slice(0, top)) {
  const html = readFileSync(join(root, row.path, 'index.html'), 'utf8');
  const full = gzipSize(html);
  console.log(`\n${row.path}: HTML ${full} B gzip (${html.length} B raw), CSS ${row.css} B`);
  console.table(
    PARTS.flatMap(([name, selector]) => {
      const doc = parse(html);
      const found = doc.querySelector(selector);
      if (!found) return [];
      // Headings stand for their whole section.
      const el = /^h[1-6]$/i.test(found.tagName) ? found.parentNode! : found;
      const raw = el.outerHTML.length;
      el.remove();
      if (selector === 'body script') doc.querySelectorAll('body script').forEach((s) => s.remove());
      return [{ part: name, 'raw B': raw, 'gzip B saved without it': full - gzipSize(doc.toString()) }];
    }),
  );
}
