/**
 * Builds synthetic glossaries (bench/synthetic-content.ts) with the project's own build (Astro,
 * share images, the search index, redirect pages, deploy files) from cold: no caches, a fresh
 * output folder. For each size and each setting of share images it reports wall time, the peak
 * memory of the whole process tree, the time of each phase (bench/build-log.ts), the heaviest
 * page of each kind (HTML + CSS gzip) and a term page's weight.
 * Usage: node bench/build-scale.ts [sizes...]   (OG_IMAGES=on|off|both, default both;
 * BUILD_LOG_DIR=dir keeps each build's log there)
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeSyntheticContent } from './synthetic-content.ts';
import { measure } from './measure.ts';
import { buildPhases, type BuildPhases } from './build-log.ts';
import { heaviestByKind, pageWeights } from './page-weights.ts';
import { pageWeight } from '../test/support/weight.ts';

export interface ScaleRow {
  terms: number;
  images: boolean;
  /** The whole build: Astro, share images, the search index, redirect pages, deploy files. */
  seconds: number;
  peakMb: number;
  termPageGzip: number;
  pages: number;
  phases: BuildPhases;
  /** The heaviest HTML page of each kind: its path and HTML + CSS gzip bytes. */
  heaviest: Record<string, { path: string; gzip: number }>;
  /** What was done to the disk before the build (settleDisk). */
  disk: string;
}

/** The heaviest page of each kind (bench/page-weights.ts: HTML + CSS gzip, from the precompressed copies). */
export function heaviestPages(outDir: string): ScaleRow['heaviest'] {
  const out: ScaleRow['heaviest'] = {};
  for (const [kind, [top]] of heaviestByKind(pageWeights(outDir), 1)) if (top) out[kind] = { path: top.path, gzip: top.total };
  return out;
}

function termPageGzip(outDir: string): number {
  const first = readdirSync(join(outDir, 'terms')).sort()[0]!;
  return pageWeight(outDir, `/terms/${first}/`).gzip;
}

/**
 * Starts each build from the same state: whatever earlier builds (or the synthetic content just
 * generated) left to be written to disk is written first, and where allowed (root on Linux) the
 * page cache is emptied, so that no build pays for another's writes or reads from its cache.
 * Measured on a 2-core machine, 10,000 terms: 57-62 s after this, 70-104 s without it, because
 * the previous build's gigabyte of dirty pages was still being written during the next.
 * Returns what was done, for the printout.
 */
export function settleDisk(): string {
  execFileSync('sync');
  try {
    writeFileSync('/proc/sys/vm/drop_caches', '3');
    return 'synced, page cache dropped';
  } catch {
    return 'synced (page cache kept: not allowed here)';
  }
}

function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
}

export async function buildScale(sizes: number[], imageSettings: boolean[] = [true, false]): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  for (const terms of sizes) {
    for (const images of imageSettings) {
      const content = writeSyntheticContent({ terms });
      const outDir = `${content}-dist`;
      const cache = `${content}-og-cache`;
      const env = { ...process.env, CONTENT_DIR: content, OUT_DIR: outDir, OG_IMAGES: images ? 'on' : 'off', OG_CACHE_DIR: cache };
      const disk = settleDisk();
      const astro = await measure(process.execPath, [resolve('scripts/build.ts')], env);
      if (process.env.BUILD_LOG_DIR) writeFileSync(join(process.env.BUILD_LOG_DIR, `build-${terms}-${images ? 'images' : 'no-images'}.log`), astro.output);
      if (astro.code !== 0) throw new Error(`the build of ${terms} terms failed:\n${astro.output.slice(-3000)}`);
      rows.push({
        terms,
        images,
        seconds: astro.seconds,
        peakMb: astro.peakMb,
        termPageGzip: termPageGzip(outDir),
        pages: countPages(outDir),
        phases: buildPhases(astro.output),
        heaviest: heaviestPages(outDir),
        disk,
      });
      for (const dir of [content, outDir, `${outDir}-cache`, cache]) rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

const round = (n: number) => Number(n.toFixed(1));

/** Prints the budget table, the phases and the heaviest pages. */
export function printScale(rows: ScaleRow[]): void {
  console.table(
    rows.map((r) => ({
      terms: r.terms,
      'share images': r.images ? 'on' : 'off',
      pages: r.pages,
      'build (s)': round(r.seconds),
      'peak memory (MB)': Math.round(r.peakMb),
      'heaviest page (B gzip)': Math.max(...Object.values(r.heaviest).map((h) => h.gzip)),
      'term page (B gzip)': r.termPageGzip,
    })),
  );
  console.log(`Before each build: ${[...new Set(rows.map((r) => r.disk))].join('; ')}.`);
  console.log('Phases (s); "routes" is page generation, split below by kind; share images are drawn in parallel with it:');
  console.table(rows.map((r) => ({ size: r.terms, images: r.images ? 'on' : 'off', ...Object.fromEntries(Object.entries(r.phases.phases).map(([k, v]) => [k, round(v)])) })));
  // Astro renders several pages at a time (build.concurrency): each page's own time overlaps the
  // others', so the phase is shared out in proportion to them.
  console.log('Route generation by kind (s, the routes phase shared out by the time Astro reports for each page):');
  console.table(
    rows.map((r) => {
      const reported = r.phases.routes.reduce((sum, [, v]) => sum + v.seconds, 0);
      const scale = reported > 0 ? (r.phases.phases['routes'] ?? reported) / reported : 1;
      return { size: r.terms, images: r.images ? 'on' : 'off', ...Object.fromEntries(r.phases.routes.slice(0, 8).map(([k, v]) => [k, round(v.seconds * scale)])) };
    }),
  );
  console.log('Heaviest page of each kind (HTML + CSS, bytes gzip):');
  console.table(rows.filter((r) => !r.images).map((r) => ({ size: r.terms, ...Object.fromEntries(Object.entries(r.heaviest).map(([k, v]) => [k, v.gzip])) })));
  for (const r of rows.filter((x) => !x.images)) {
    const worst = Object.entries(r.heaviest).sort((a, b) => b[1].gzip - a[1].gzip)[0]!;
    console.log(`${r.terms} terms: heaviest page ${worst[1].path} (${worst[1].gzip} B)`);
  }
}

export function imageSettingsFromEnv(value = process.env.OG_IMAGES): boolean[] {
  const v = (value ?? 'both').toLowerCase();
  return v === 'both' ? [true, false] : [!['off', '0', 'false', 'no'].includes(v)];
}

if (import.meta.main) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  printScale(await buildScale(sizes.length ? sizes : [1000, 10000], imageSettingsFromEnv()));
}
