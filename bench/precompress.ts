/**
 * What precompression costs: runs the build's precompression step again over a built site
 * (dist/, or OUT_DIR), gzip alone, brotli alone and both, and prints wall-clock and CPU time
 * (CPU counts every thread: the step compresses in worker threads). The .gz and .br files it
 * rewrites are the same as the build's; overwriting costs more than the build's first write.
 * bench/compression-levels.ts compares levels.
 *
 *   node bench/precompress.ts            # or OUT_DIR=/tmp/x/dist node bench/precompress.ts
 */
import { resolve } from 'node:path';
import { precompress, type Encoding } from '../src/integrations/deploy-files.ts';

const root = resolve(process.env.OUT_DIR || 'dist');
const kb = (n: number) => `${Math.round(n / 1024)} KB`;
const rows: string[] = [];
for (const encodings of [['gzip'], ['br'], ['gzip', 'br']] as Encoding[][]) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const c = await precompress(root, { encodings });
  const used = process.cpuUsage(cpu);
  rows.push(
    `${encodings.join('+').padEnd(8)} ${String(c.files).padStart(6)} files (${c.skipped} small ones left alone) ${kb(c.bytes).padStart(10)} -> gzip ${kb(c.gzipBytes).padStart(9)} br ${kb(c.brotliBytes).padStart(9)}` +
      `  wall ${String(Math.round(performance.now() - start)).padStart(6)} ms  CPU ${String(Math.round((used.user + used.system) / 1000)).padStart(6)} ms`,
  );
}
console.log(`precompression of ${root}\n${rows.join('\n')}`);
