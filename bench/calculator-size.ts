// JavaScript weight of the calculator page, after a build:
//   npm run build && node bench/calculator-size.ts      (Node 24: `npx node ...` if the system Node is older)
// Prints the gzip bytes of every script /calculator/ loads (inline and external, with the
// modules they import), checks them against the 5 KB budget, and shows that the home page and
// a term page load none of the calculator's scripts. OUT_DIR picks another build folder.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importsOf, pageScripts } from '../test/support/weight.ts';

const BUDGET = 5 * 1024;
const dist = resolve(process.env.OUT_DIR || 'dist');

/** Every script an HTML page loads: inline ones, external ones and what they import. */
const scriptsOf = (path: string) => pageScripts(dist, path);

/** The first term page in the folder, passing over the redirect pages at alias addresses. */
function firstTermPage(): string {
  const terms = join(dist, 'terms');
  const slug = existsSync(terms)
    ? readdirSync(terms, { withFileTypes: true }).find((e) => e.isDirectory() && !readFileSync(join(terms, e.name, 'index.html'), 'utf8').includes('data-redirect-to'))?.name
    : undefined;
  if (!slug) throw new Error(`no term page under ${terms}`);
  return `/terms/${slug}/`;
}

const calculator = scriptsOf('/calculator/');
const total = calculator.reduce((sum, s) => sum + s.gzip, 0);

// The calculator's own files: every external script holding the custom element, and what it imports.
const byName = new Map(calculator.map((s) => [s.name, s]));
const own = new Set<string>();
const claim = (name: string) => {
  if (own.has(name) || !byName.has(name)) return;
  own.add(name);
  importsOf(byName.get(name)!.code, name).forEach(claim);
};
calculator.filter((s) => !s.name.startsWith('inline') && s.code.includes('worth-calculator')).forEach((s) => claim(s.name));
if (own.size === 0) throw new Error('/calculator/ loads no script defining <worth-calculator>');

console.log(`Scripts loaded by /calculator/ (${dist}):`);
for (const s of calculator) {
  const tag = own.has(s.name) ? 'calculator' : 'site-wide';
  console.log(`  ${String(s.gzip).padStart(6)} B gzip  ${String(s.code.length).padStart(6)} B raw  ${tag.padEnd(10)}  ${s.name}`);
}
console.log(`  ${String(total).padStart(6)} B gzip in all; budget ${BUDGET} B: ${total <= BUDGET ? 'within' : 'OVER'} (${BUDGET - total} B to spare)`);

let leaks = 0;
for (const path of ['/', firstTermPage()]) {
  const scripts = scriptsOf(path);
  const shared = scripts.filter((s) => own.has(s.name) || s.code.includes('worth-calculator'));
  leaks += shared.length;
  const weight = scripts.reduce((n, s) => n + s.gzip, 0);
  console.log(`${path}: ${scripts.length} script(s), ${weight} B gzip; calculator code: ${shared.length ? shared.map((s) => s.name).join(', ') : 'none'}`);
}
if (total > BUDGET || leaks > 0) process.exitCode = 1;
