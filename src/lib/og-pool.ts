/**
 * Draws share images in a pool of worker threads, one a core, while the rest of the build goes
 * on: each worker draws a contiguous share of the cards into the content-addressed cache
 * (og-cache.ts), and `place` then links (or copies) every image to its address in the built site.
 * Without a cache folder (OG_CACHE_DIR=off) the images go to a temporary folder, removed after.
 */
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { OgCard } from './og-image.ts';

export interface ShareImageJob {
  /** Site path of the image, such as /og/terms/offshoring.jpg. */
  path: string;
  card: OgCard;
}

export interface DrawnImages {
  /** Cache file of each job, in job order. */
  files: string[];
  drawn: number;
  reused: number;
  threads: number;
  ms: number;
  /** Links (or copies) every image into `siteDir`, then drops a temporary cache. */
  place(siteDir: string): void;
}

/** Contiguous slices of `items`, as even as possible, at most `parts` of them and none empty. */
export function slices<T>(items: readonly T[], parts: number): T[][] {
  const count = Math.max(1, Math.min(parts, items.length));
  const out: T[][] = [];
  for (let i = 0; i < count; i++) out.push(items.slice(Math.floor((i * items.length) / count), Math.floor(((i + 1) * items.length) / count)));
  return out.filter((s) => s.length > 0);
}

/** At least this many images a worker, so that a small site does not pay for starting threads. */
const MIN_PER_THREAD = 64;

export function poolSize(jobs: number, env: Record<string, string | undefined> = process.env): number {
  const asked = Number(env.OG_THREADS);
  const cores = Number.isInteger(asked) && asked > 0 ? asked : availableParallelism();
  return Math.max(1, Math.min(cores, Math.ceil(jobs / MIN_PER_THREAD)));
}

const WORKER = new URL('./og-worker.ts', import.meta.url);

export async function drawShareImages(jobs: readonly ShareImageJob[], cacheDir: string | undefined, threads = poolSize(jobs.length)): Promise<DrawnImages> {
  const start = performance.now();
  const dir = cacheDir ?? mkdtempSync(join(tmpdir(), 'og-images-'));
  const parts = slices(jobs, threads);
  const results = await Promise.all(
    parts.map(
      (part) =>
        new Promise<{ files: string[]; drawn: number }>((resolve, reject) => {
          const worker = new Worker(WORKER, { workerData: { cards: part.map((j) => j.card), cacheDir: dir } });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`a share image worker stopped with code ${code}`)));
        }),
    ),
  );
  const files = results.flatMap((r) => r.files);
  const drawn = results.reduce((sum, r) => sum + r.drawn, 0);
  return {
    files,
    drawn,
    reused: jobs.length - drawn,
    threads: parts.length,
    ms: performance.now() - start,
    place(siteDir) {
      jobs.forEach((job, i) => {
        const target = join(siteDir, job.path);
        mkdirSync(dirname(target), { recursive: true });
        rmSync(target, { force: true });
        try {
          linkSync(files[i]!, target);
        } catch {
          copyFileSync(files[i]!, target);
        }
      });
      if (!cacheDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

