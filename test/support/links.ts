/** The internal link check over a built site: every href, src, srcset and #fragment must resolve. */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, distDir, type BuiltPage } from './dist.ts';

export interface LinkReport {
  /** "<page>: <reference>" for each reference that does not resolve. */
  broken: string[];
  /** How many internal references were checked. */
  checked: number;
  pages: BuiltPage[];
}

/** Checks every page of the built site in `dir` (dist/ or OUT_DIR by default). */
export function checkInternalLinks(dir = distDir()): LinkReport {
  const pages = builtPages(dir);
  const byPath = new Map(pages.map((p) => [p.path, p]));

  /** Whether a site path exists in the build the way a static host would serve it. */
  const resolves = (pathname: string): boolean => {
    const decoded = decodeURIComponent(pathname);
    const file = join(dir, decoded);
    if (existsSync(file) && statSync(file).isFile()) return true;
    return decoded.endsWith('/') && existsSync(join(file, 'index.html'));
  };
  const ids = (path: string) => new Set(byPath.get(path)?.root.querySelectorAll('[id]').map((e) => e.getAttribute('id')) ?? []);

  const broken: string[] = [];
  let checked = 0;
  for (const page of pages) {
    const refs: string[] = [];
    for (const el of page.root.querySelectorAll('[href], [src], [srcset]')) {
      // <template> content is checked too: previews render real links.
      for (const attr of ['href', 'src']) {
        const value = el.getAttribute(attr);
        if (value) refs.push(value);
      }
      const srcset = el.getAttribute('srcset');
      if (srcset) refs.push(...srcset.split(',').map((part) => part.trim().split(/\s+/)[0]!).filter(Boolean));
    }
    for (const ref of refs) {
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(ref) && !ref.startsWith('http://x/')) continue; // other origins, mailto:, data:
      const url = new URL(ref, `http://x${page.path}`);
      checked++;
      if (!resolves(url.pathname)) {
        broken.push(`${page.path}: ${ref}`);
        continue;
      }
      if (url.hash.length > 1) {
        const target = url.pathname.endsWith('/') || url.pathname.endsWith('.html') ? url.pathname : `${url.pathname}/`;
        const id = decodeURIComponent(url.hash.slice(1));
        if (byPath.has(target) && !ids(target).has(id)) broken.push(`${page.path}: ${ref} (no element with id "${id}")`);
      }
    }
  }
  return { broken, checked, pages };
}
