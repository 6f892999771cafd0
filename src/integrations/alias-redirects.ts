/**
 * Writes the redirects planned by src/lib/redirects.ts after the pages are built: a static page
 * at /terms/<from>/index.html for every alias and `redirectFrom` slug. Their 301 lines in
 * `_redirects` (and nginx.conf) come from the same plan through src/lib/deploy. The plan is made
 * at config time, so a collision between terms stops the build before anything is built; a
 * redirect that would overwrite a page the build produced stops it here, naming both.
 * The pages are written after the sitemap's and the search index's inputs are settled: they
 * are in neither (and are noindex besides).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { redirectPage, RedirectError, type Redirect } from '../lib/redirects.ts';

/** Writes a redirect page for each of `redirects` into the built site in `root`, for a site at `site`. */
export function writeRedirectPages(root: string, redirects: readonly Redirect[], site: string, log: (line: string) => void): void {
  const start = performance.now();
  const problems: string[] = [];
  for (const r of redirects) {
    const file = join(root, 'terms', r.from, 'index.html');
    if (existsSync(file)) problems.push(`/terms/${r.from}/: ${r.reason} of /terms/${r.to}/ would overwrite the built page ${file}`);
  }
  if (problems.length > 0) throw new RedirectError(problems);
  for (const r of redirects) {
    const file = join(root, 'terms', r.from, 'index.html');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, redirectPage(r, site));
  }
  log(`${redirects.length} alias and old-address redirect pages under /terms/ in ${Math.round(performance.now() - start)} ms`);
}
