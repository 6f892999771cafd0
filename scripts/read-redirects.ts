/**
 * Worker thread of scripts/build.ts: reads the content tree and sends back only the redirects
 * the build writes once Astro is done (the alias redirect pages, and every redirect for
 * _redirects and nginx.conf). At 10,000 terms the tree takes about 200 MB; when this thread
 * ends, all of it is returned to the system instead of staying in the build's main process
 * while Astro runs beside it.
 */
import { parentPort } from 'node:worker_threads';
import { contentDir } from '../src/lib/content-source.ts';
import { loadGlossary, siteRedirects } from '../src/lib/glossary-source.ts';
import type { Redirect as PageRedirect } from '../src/lib/redirects.ts';
import type { Redirect as SiteRedirect } from '../src/lib/deploy/index.ts';

export type RedirectsMessage = { pages: PageRedirect[]; site: SiteRedirect[] } | { error: string };

let message: RedirectsMessage;
try {
  const { tree } = loadGlossary(contentDir());
  message = { pages: tree.redirects, site: siteRedirects(tree) };
} catch (error) {
  message = { error: error instanceof Error ? error.message : String(error) };
}
parentPort!.postMessage(message);
