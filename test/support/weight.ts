/** Transfer weight of built files: what a browser downloads for a page, raw and gzipped. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
