/**
 * The sitemap's filter: a URL is listed only when it is an indexable path (no embeds, images,
 * feeds or error pages) and its built page does not ask to stay out of search engines.
 * Runs after the build, so it reads the page from the output folder.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hasNoindex, isIndexablePath } from './seo.ts';

export function sitemapFilter(outDir: string, site: string): (url: string) => boolean {
  const root = resolve(outDir);
  const basePath = new URL(site).pathname.replace(/\/+$/, '');
  return (url: string) => {
    let pathname = decodeURIComponent(new URL(url).pathname);
    if (basePath && pathname.startsWith(basePath)) pathname = pathname.slice(basePath.length) || '/';
    if (!isIndexablePath(pathname)) return false;
    const file = join(root, pathname, 'index.html');
    if (!existsSync(file)) return false;
    return !hasNoindex(readFileSync(file, 'utf8'));
  };
}
