/**
 * `npm run build`: the whole build, in two steps whose memory never adds up.
 *  1. `astro build` in its own process: the pages, the share images (drawn by worker threads
 *     meanwhile) and the sitemap;
 *  2. once Astro has exited and released its memory, the steps that read the built site: the
 *     search index and the name index, the alias redirect pages, then _headers, _redirects,
 *     nginx.conf and the precompressed copies of every text file. The copies of Astro's own
 *     files are made in worker threads from the start of this step, while Pagefind indexes (in
 *     its own process) and the redirect pages are written: neither changes those files.
 * While Astro works, a worker thread reads the content tree (on the other core) and hands back
 * the redirects only (scripts/read-redirects.ts), so that the tree's memory is not held beside
 * Astro's.
 * CONTENT_DIR and OUT_DIR work as for astro build; other arguments are passed to astro build.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { siteUrl } from '../src/lib/site.ts';
import { indexSite } from '../src/integrations/search-index.ts';
import { writeRedirectPages } from '../src/integrations/alias-redirects.ts';
import type { RedirectsMessage } from './read-redirects.ts';
import { startPrecompression, writeDeployFiles } from '../src/integrations/deploy-files.ts';

const outDir = resolve(process.env.OUT_DIR || 'dist');
const time = () => new Date().toTimeString().slice(0, 8);
const logger = (name: string) => (line: string) => console.log(`${time()} [${name}] ${line}`);

const astro = spawn(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)], { stdio: 'inherit' });
const exited = new Promise<number | null>((done) => astro.on('close', (code) => done(code)));
// Astro reads and checks the same tree at config time and stops on any problem; these redirects
// are only used once Astro has succeeded.
const redirects = new Promise<RedirectsMessage>((done) => {
  const worker = new Worker(new URL('./read-redirects.ts', import.meta.url));
  worker.once('message', done);
  worker.once('error', (error) => done({ error: error.message }));
});
const code = await exited;
if (code !== 0) process.exit(code ?? 1);
const read = await redirects;
if ('error' in read) throw new Error(`the content tree could not be read after a successful astro build: ${read.error}`);

const start = performance.now();
const precompressing = startPrecompression(outDir);
await indexSite(outDir, logger('search-index'));
writeRedirectPages(outDir, read.pages, siteUrl(), logger('alias-redirects'));
await writeDeployFiles(outDir, read.site, logger('deploy-files'), precompressing);
console.log(`${time()} [build] search index, redirect pages and deploy files in ${((performance.now() - start) / 1000).toFixed(1)} s`);
