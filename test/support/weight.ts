/** Transfer weight of built files: what a browser downloads for a page, raw and gzipped. */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';

export interface FileWeight {
  path: string;
  bytes: number;
  gzip: number;
}

export function gzipSize(content: string | Buffer): number {
  return gzipSync(content, { level: 9 }).length;
}

/** One built file by its site path (`/embed.js`, `/embed/x/` for its index.html). */
export function fileWeight(dir: string, path: string): FileWeight {
  const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
  const content = readFileSync(file);
  return { path, bytes: content.length, gzip: gzipSize(content) };
}

/** A page's HTML and the stylesheets it links (inline styles are part of the HTML). */
export function pageWeight(dir: string, path: string): { files: FileWeight[]; gzip: number; bytes: number } {
  const html = fileWeight(dir, path);
  const root = parse(readFileSync(join(dir, `${path}index.html`), 'utf8'));
  const css = root
    .querySelectorAll('link[rel="stylesheet"]')
    .map((link) => fileWeight(dir, new URL(link.getAttribute('href') ?? '', 'http://site' + path).pathname));
  const files = [html, ...css];
  return { files, gzip: files.reduce((n, f) => n + f.gzip, 0), bytes: files.reduce((n, f) => n + f.bytes, 0) };
}

export interface Script {
  /** Site path of an external script, or "inline #n". */
  name: string;
  code: string;
  /** gzip bytes at zlib's default level, as the JavaScript budgets are measured. */
  gzip: number;
}

/** Static imports of an ES module ("./chunk.js", "/_astro/x.js"), resolved to site paths. */
export function importsOf(code: string, from: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:\bimport|\bfrom|\bimport\s*\()\s*["'`]([^"'`]+\.m?js)["'`]/g)) {
    const spec = m[1]!;
    if (/^[a-z]+:/i.test(spec)) continue;
    found.add(spec.startsWith('/') ? spec : posix.join(posix.dirname(from), spec));
  }
  return [...found];
}

/**
 * Every script a built page loads when it opens: inline ones, external ones, module preloads
 * and what they import statically (not lazy `import()`s of a fixed address).
 */
export function pageScripts(dir: string, path: string): Script[] {
  const page = join(dir, path, 'index.html');
  if (!existsSync(page)) throw new Error(`${page} is missing: run "npm run build" first`);
  const root = parse(readFileSync(page, 'utf8'));
  const scripts: Script[] = [];
  const seen = new Set<string>();
  const gz = (code: string) => gzipSync(code).length;
  const external = (src: string) => {
    if (seen.has(src)) return;
    seen.add(src);
    const file = join(dir, src);
    if (!existsSync(file)) throw new Error(`${path} loads ${src}, which is not in ${dir}`);
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
