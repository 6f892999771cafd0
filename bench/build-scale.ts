/**
 * Builds synthetic glossaries (default 1,000 and 10,000 terms) with the project's own build
 * (Astro, then the Pagefind index) and prints build time, peak memory, the size of a term page and
 * the heaviest page of any kind (bench/page-weights.ts lists the heaviest of each kind).
 * Usage: node bench/build-scale.ts [sizes...]
 */
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeSyntheticContent } from './synthetic-content.ts';
import { measure } from './measure.ts';
import { pageWeights } from './page-weights.ts';

export interface ScaleRow {
  terms: number;
  /** The whole build: Astro, then the Pagefind index (built by an integration). */
  seconds: number;
  peakMb: number;
  termPageGzip: number;
  /** The heaviest page of any kind, HTML + CSS gzip (budget 30 KB). */
  heaviest: { path: string; gzip: number };
  pages: number;
}

function termPageGzip(outDir: string): number {
  const termsDir = join(outDir, 'terms');
  const first = readdirSync(termsDir).sort()[0]!;
  const html = readFileSync(join(termsDir, first, 'index.html'));
  const css = [...html.toString().matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => readFileSync(join(outDir, m[1]!)));
  return gzipSync(Buffer.concat([html, ...css])).length;
}

function countPages(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile() && e.name.endsWith('.html')) n++;
  return n;
}

export async function buildScale(sizes: number[]): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  for (const terms of sizes) {
    const content = writeSyntheticContent({ terms });
    const outDir = `${content}-dist`;
    const env = { ...process.env, CONTENT_DIR: content, OUT_DIR: outDir, OG_IMAGES: process.env.OG_IMAGES ?? 'on' };
    const astro = await measure(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build'], env);
    if (astro.code !== 0) throw new Error(`astro build of ${terms} terms failed:\n${astro.output.slice(-3000)}`);
    const heaviest = pageWeights(outDir).reduce((a, b) => (b.total > a.total ? b : a));
    rows.push({
      terms,
      seconds: astro.seconds,
      peakMb: astro.peakMb,
      termPageGzip: termPageGzip(outDir),
      heaviest: { path: heaviest.path, gzip: heaviest.total },
      pages: countPages(outDir),
    });
    rmSync(content, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
    rmSync(`${outDir}-cache`, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.main) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const rows = await buildScale(sizes.length ? sizes : [1000, 10000]);
  console.table(
    rows.map((r) => ({
      terms: r.terms,
      pages: r.pages,
      'build incl. search index (s)': r.seconds.toFixed(1),
      'peak memory (MB)': Math.round(r.peakMb),
      'term page HTML+CSS gzip (B)': r.termPageGzip,
      'heaviest page HTML+CSS gzip (B)': `${r.heaviest.gzip} ${r.heaviest.path}`,
    })),
  );
}
