// JavaScript weight of the calculator page, after a build:
//   npm run build && node bench/calculator-size.ts      (Node 24: `npx node ...` if the system Node is older)
// Prints the gzip bytes of every script /calculator/ loads (inline and external, with the
// modules they import), checks them against the 5 KB budget, and shows that the home page and
// a term page load none of the calculator's scripts. OUT_DIR picks another build folder.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';

const BUDGET = 5 * 1024;
const dist = resolve(process.env.OUT_DIR || 'dist');

interface Script {
  /** Site path of an external script, or "inline #n". */
  name: string;
  code: string;
  gzip: number;
}

const gz = (text: string) => gzipSync(text).length;

function pageFile(path: string): string {
  const file = join(dist, path, 'index.html');
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first`);
  return file;
}

/** Static imports of an ES module ("./chunk.js", "/_astro/x.js"), resolved to site paths. */
function importsOf(code: string, from: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:\bimport|\bfrom|\bimport\s*\()\s*["'`]([^"'`]+\.m?js)["'`]/g)) {
    const spec = m[1]!;
    if (/^[a-z]+:/i.test(spec)) continue;
    found.add(spec.startsWith('/') ? spec : posix.join(posix.dirname(from), spec));
  }
  return [...found];
}

/** Every script an HTML page loads: inline ones, external ones and what they import. */
export function scriptsOf(path: string): Script[] {
  const root = parse(readFileSync(pageFile(path), 'utf8'));
  const scripts: Script[] = [];
  const seen = new Set<string>();
  const external = (src: string) => {
    if (seen.has(src)) return;
    seen.add(src);
    const file = join(dist, src);
    if (!existsSync(file)) throw new Error(`${path} loads ${src}, which is not in ${dist}`);
    const code = readFileSync(file, 'utf8');
    scripts.push({ name: src, code, gzip: gz(code) });
    importsOf(code, src).forEach(external);
  };
  let inline = 0;
  for (const el of root.querySelectorAll('script')) {
    const type = el.getAttribute('type');
    if (type && !/^(module|text\/javascript)$/.test(type)) continue; // JSON-LD and the like are data
    const src = el.getAttribute('src');
    if (src) external(new URL(src, 'http://site').pathname);
    else {
      const code = el.text;
      scripts.push({ name: `inline #${++inline}`, code, gzip: gz(code) });
      importsOf(code, path).forEach(external);
    }
  }
  for (const link of root.querySelectorAll('link[rel="modulepreload"]')) external(new URL(link.getAttribute('href')!, 'http://site').pathname);
  return scripts;
}

function firstTermPage(): string {
  const terms = join(dist, 'terms');
  const slug = existsSync(terms) ? readdirSync(terms, { withFileTypes: true }).find((e) => e.isDirectory())?.name : undefined;
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
