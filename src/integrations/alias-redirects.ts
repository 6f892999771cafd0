/**
 * Writes the redirects planned by src/lib/redirects.ts at the end of the build: a static page
 * at /terms/<from>/index.html for every alias and `redirectFrom` slug. Their 301 lines in
 * `_redirects` (and nginx.conf) come from the same plan through src/lib/deploy. The plan is made
 * at config time, so a collision between terms stops the build before anything is built; a
 * redirect that would overwrite a page the build produced stops it here, naming both.
 * The pages are written after the sitemap's and the search index's inputs are settled: they
 * are in neither (and are noindex besides).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { redirectPage, RedirectError, type Redirect } from '../lib/redirects.ts';

export default function aliasRedirects(redirects: readonly Redirect[]): AstroIntegration {
  let site = 'http://localhost/';
  return {
    name: 'alias-redirects',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (config.site) site = config.site;
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
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
        logger.info(`${redirects.length} alias and old-address redirect pages under /terms/`);
      },
    },
  };
}
