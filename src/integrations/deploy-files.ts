/**
 * Writes the deployment files once the site is built, after the search index, the redirect pages
 * and the sitemap (the last step of scripts/build.ts):
 *  - dist/_headers, dist/_redirects and dist/nginx.conf, from the response rules in
 *    src/lib/deploy/rules.ts, with the hashes of the inline scripts of the pages just built;
 *  - a .gz and a .br beside every text file (HTML, CSS, JS, JSON, XML, SVG, TXT) of 1 KB or
 *    more (MIN_PRECOMPRESS_BYTES), so that nginx (gzip_static), the local server and other hosts
 *    serve them without compressing on each request. Pagefind's index files are compressed
 *    already; of them, only the WebAssembly module and the metadata get copies of their content
 *    (PAGEFIND_RECOMPRESSED_EXTENSIONS in src/lib/deploy/mime.ts).
 */
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  HEADER_RULES,
  MIN_PRECOMPRESS_BYTES,
  headersFile,
  inlineScripts,
  isCompressible,
  isPagefindRecompressed,
  nginxConfig,
  redirectsFile,
  resolveRules,
  type HeaderRule,
  type PageScripts,
  type Redirect,
} from '../lib/deploy/index.ts';
import type { PrecompressJob, PrecompressTotals } from './precompress-worker.ts';

/**
 * gzip level 9, brotli quality 5. Measured with bench/compression-levels.ts over the text files of
 * a 10,000-term synthetic build (69,461 files, 306 MB), one thread, settings taking turns on each
 * file, on a busy 2-core machine (CPU times vary by about 10 % from run to run):
 *
 *   setting     output      CPU
 *   gzip 6      84,904 KB   4.4 s
 *   gzip 9      84,804 KB   4.0 s   no dearer than 6 on these pages (within the noise), 0.1 % smaller
 *   brotli 4    81,872 KB   5.9 s   a third cheaper than 6, but 7.5 % larger than 5
 *   brotli 5    76,181 KB   7.9 s
 *   brotli 6    76,055 KB   8.6 s   0.2 % smaller than 5 for 8 % more time
 *
 * Of those bytes, files under 1 KB were 25,054 KB raw (44,149 files). Brotli 9 or 11 cost 17
 * and 35 times quality 6 for at most 13 % smaller files (measured on the real site).
 * The compression itself was never the slow part: writing the copies was (see
 * MIN_PRECOMPRESS_BYTES), and one promise and thread-pool hop per file and step.
 */
export const GZIP_LEVEL = 9;
export const BROTLI_QUALITY = 5;

/**
 * Every file under `dir` (symbolic links aside), in one synchronous listing: a build's output
 * has a folder per page, and one asynchronous readdir per folder cost seconds at 10,000 terms.
 */
export function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const sitePath = (dir: string, file: string) => {
  const rel = relative(dir, file).split(sep).join('/');
  return rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
};

/**
 * The inline scripts of every built HTML page (Pagefind's own files aside). Read synchronously:
 * the files are small and many, and the regex of inlineScripts() costs little next to reading them.
 */
export async function pageScripts(dir: string, files: readonly string[] = listFiles(dir)): Promise<PageScripts[]> {
  const pages: PageScripts[] = [];
  for (const file of files) {
    if (!file.endsWith('.html') || relative(dir, file).startsWith(`pagefind${sep}`)) continue;
    pages.push({ path: sitePath(dir, file), scripts: inlineScripts(readFileSync(file, 'utf8')) });
  }
  return pages.sort((a, b) => (a.path < b.path ? -1 : 1));
}

export interface DeployFiles {
  '_headers': string;
  '_redirects': string;
  'nginx.conf': string;
}

/** The three files for a built site in `dir`: what the build writes, and what its test expects. */
export async function deployFiles(
  dir: string,
  redirects: readonly Redirect[],
  rules: readonly HeaderRule[] = HEADER_RULES,
  files: readonly string[] = listFiles(dir),
): Promise<DeployFiles> {
  const resolved = resolveRules(rules, await pageScripts(dir, files));
  return { _headers: headersFile(resolved), _redirects: redirectsFile(redirects), 'nginx.conf': nginxConfig(resolved, redirects) };
}

export type Encoding = 'gzip' | 'br';

const NO_FILES: PrecompressTotals = { files: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0, pagefindFiles: 0, pagefindBytes: 0, pagefindBrotliBytes: 0, pagefindGzipCopies: 0, cpuMicros: 0 };

/** Adds each count of `more` to `into`. */
function addTotals<T extends PrecompressTotals>(into: T, more: PrecompressTotals): T {
  for (const key of Object.keys(NO_FILES) as (keyof PrecompressTotals)[]) into[key] += more[key];
  return into;
}

/**
 * Writes FILE.gz and FILE.br beside every compressible file under `dir` of at least
 * MIN_PRECOMPRESS_BYTES, and copies of Pagefind's wasm and metadata files' content; returns the
 * counts. Worker threads (one a core, at most four) share the list, each compressing and writing
 * one file at a time synchronously (precompress-worker.ts). Pagefind's files come first: brotli
 * at its best quality is the longest single job, best started early.
 */
export async function precompress(
  dir: string,
  {
    encodings = ['gzip', 'br'] as readonly Encoding[],
    files = listFiles(dir),
    threads = Math.min(4, availableParallelism()),
    minBytes = MIN_PRECOMPRESS_BYTES,
  }: { encodings?: readonly Encoding[]; files?: readonly string[]; threads?: number; minBytes?: number } = {},
): Promise<PrecompressTotals & { skipped: number }> {
  const pagefind = encodings.includes('br') ? files.filter((file) => isPagefindRecompressed(file)) : [];
  const text = [...pagefind, ...files.filter((file) => isCompressible(file))];
  const job: PrecompressJob = {
    files: text,
    next: new SharedArrayBuffer(4),
    gzipLevel: encodings.includes('gzip') ? GZIP_LEVEL : undefined,
    brotliQuality: encodings.includes('br') ? BROTLI_QUALITY : undefined,
    minBytes,
  };
  const results = await Promise.all(
    Array.from(
      { length: Math.max(1, Math.min(threads, text.length)) },
      () =>
        new Promise<PrecompressTotals>((resolve, reject) => {
          const worker = new Worker(new URL('./precompress-worker.ts', import.meta.url), { workerData: job });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => reject(new Error(`a precompression thread stopped (exit code ${code})`)));
        }),
    ),
  );
  const totals = { ...NO_FILES, skipped: 0 };
  for (const r of results) addTotals(totals, r);
  totals.skipped = text.length - totals.files - totals.pagefindFiles;
  return totals;
}

/** Precompression under way on files that no later step changes (see startPrecompression). */
export interface EarlyPrecompression {
  files: readonly string[];
  startedAt: number;
  totals: Promise<PrecompressTotals & { skipped: number }>;
}

/**
 * Starts precompressing `files` (by default every file under `root` now) in worker threads, for
 * writeDeployFiles to finish: the build calls it as soon as Astro has written the site, so that
 * the copies of Astro's files are made while the search index (Pagefind works in its own process)
 * and the redirect pages are written, neither of which changes those files.
 */
export function startPrecompression(root: string, files: readonly string[] = listFiles(root)): EarlyPrecompression {
  const totals = precompress(root, { files });
  // Awaited by writeDeployFiles, which reports a failure; until then it must not count as unhandled.
  totals.catch(() => {});
  return { files, startedAt: performance.now(), totals };
}

/**
 * Writes _headers, _redirects and nginx.conf into the built site in `root`, then precompresses it:
 * every file not already handed to an early precompression, once that one is done.
 */
export async function writeDeployFiles(root: string, redirects: readonly Redirect[], log: (line: string) => void, early?: EarlyPrecompression): Promise<void> {
  let start = performance.now();
  // One listing for both steps: the three files written here are not compressible.
  const listing = listFiles(root);
  const files = await deployFiles(root, redirects, HEADER_RULES, listing);
  for (const [name, text] of Object.entries(files)) await writeFile(join(root, name), text);
  log(`wrote _headers, _redirects (${redirects.length} redirects) and nginx.conf in ${Math.round(performance.now() - start)} ms`);
  start = early?.startedAt ?? performance.now();
  const handed = new Set(early?.files);
  const parts = [...(early ? [await early.totals] : []), await precompress(root, { files: listing.filter((file) => !handed.has(file)) })];
  const c = { ...NO_FILES, skipped: 0 };
  for (const part of parts) addTotals(c, part).skipped += part.skipped;
  const kb = (n: number) => `${Math.round(n / 1024)} KB`;
  log(
    `precompressed ${c.files} files (${kb(c.bytes)} -> gzip ${kb(c.gzipBytes)}, brotli ${kb(c.brotliBytes)}; ${c.skipped} under ${MIN_PRECOMPRESS_BYTES} bytes left alone) ` +
      `and ${c.pagefindFiles} of Pagefind's (${kb(c.pagefindBytes)} gzip -> brotli ${kb(c.pagefindBrotliBytes)}; ${c.pagefindGzipCopies} with a smaller gzip) ` +
      `in ${Math.round(performance.now() - start)} ms (${Math.round(c.cpuMicros / 1000)} ms CPU in its threads)` +
      (early ? `, started on Astro's ${early.files.length} files alongside the search index and the redirect pages` : ''),
  );
}
