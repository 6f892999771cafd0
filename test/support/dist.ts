/** Reads the built site for build-output tests. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

export function distDir(): string {
  const dir = resolve(process.env.OUT_DIR || 'dist');
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir} holds no built site: run "npm run build" first`);
  return dir;
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

export interface BuiltPage {
  /** Site path such as /terms/outsourcing/ or /404.html */
  path: string;
  file: string;
  html: string;
  root: HTMLElement;
}

export function filePathToUrlPath(rel: string): string {
  const posix = rel.split(sep).join('/');
  if (posix === 'index.html') return '/';
  if (posix.endsWith('/index.html')) return `/${posix.slice(0, -'index.html'.length)}`;
  return `/${posix}`;
}

function allPages(dir: string): BuiltPage[] {
  return [...walk(dir)]
    .filter((f) => f.endsWith('.html') && !relative(dir, f).startsWith('pagefind'))
    .sort()
    .map((file) => {
      const html = readFileSync(file, 'utf8');
      return { path: filePathToUrlPath(relative(dir, file)), file, html, root: parse(html) };
    });
}

/** Whether a built page is an alias or old-address redirect (src/lib/redirects.ts), not a page to read. */
export const isRedirectPage = (page: BuiltPage): boolean => page.root.querySelector('body[data-redirect-to]') !== null;

/**
 * Every HTML page of the site, except Pagefind's own files and the redirect pages at alias
 * addresses (/terms/bpo/), which only send the browser on: see `redirectPages`.
 */
export function builtPages(dir = distDir()): BuiltPage[] {
  return allPages(dir).filter((page) => !isRedirectPage(page));
}

/** The redirect pages at alias and old term addresses. */
export function redirectPages(dir = distDir()): BuiltPage[] {
  return allPages(dir).filter(isRedirectPage);
}

/** One built page by its site path (/terms/outsourcing/, /404.html), read and parsed on its own. */
export function builtPage(path: string, dir = distDir()): BuiltPage {
  const rel = path.endsWith('/') ? `${path}index.html` : path;
  const file = join(dir, ...rel.split('/').filter(Boolean));
  if (!file.startsWith(dir + sep) || !file.endsWith('.html') || !existsSync(file)) throw new Error(`no built page at ${path}`);
  const html = readFileSync(file, 'utf8');
  return { path, file, html, root: parse(html) };
}
