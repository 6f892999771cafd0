/**
 * Which gzip level and brotli quality to precompress with: compresses every text file of a built
 * site (dist/, or OUT_DIR) in memory at gzip levels 6 and 9 and brotli qualities 4, 5 and 6, one
 * file at a time on one thread, and prints the bytes and the CPU time of each, for all files and
 * for the files under 1 KB alone, the settings taking turns on each file. Writes nothing (the
 * build's own .gz and .br are not read).
 *
 *   node bench/compression-levels.ts      # or OUT_DIR=/tmp/x-dist node bench/compression-levels.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { isCompressible } from '../src/lib/deploy/index.ts';

const root = resolve(process.env.OUT_DIR || 'dist');
const SMALL = 1024;
const files = (readdirSync(root, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
  .filter((entry) => entry.isFile() && isCompressible(entry.name))
  .map((entry) => readFileSync(join(entry.parentPath, entry.name)));

const settings: [string, (data: Buffer) => Buffer][] = [
  ...[6, 9].map((level): [string, (data: Buffer) => Buffer] => [`gzip ${level}`, (data) => gzipSync(data, { level })]),
  ...[4, 5, 6].map((quality): [string, (data: Buffer) => Buffer] => [
    `brotli ${quality}`,
    (data) =>
      brotliCompressSync(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: quality,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
  ]),
];

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const ms = (micros: number) => `${(micros / 1000).toFixed(0)} ms`;
const small = files.filter((f) => f.length < SMALL);
const sum = (list: Buffer[]) => list.reduce((n, f) => n + f.length, 0);
console.log(
  `${root}: ${files.length} text files, ${kb(sum(files))}; under 1 KB: ${small.length} files, ${kb(sum(small))}\n` +
    `${'setting'.padEnd(10)} ${'all files'.padStart(12)} ${'CPU'.padStart(9)} ${'under 1 KB'.padStart(12)} ${'CPU'.padStart(9)} ${'saved <1 KB'.padStart(12)}`,
);
// Settings take turns on each file, so that a change in the machine's load weighs on all alike.
const totals = settings.map(() => ({ bytes: 0, cpu: 0, smallBytes: 0, smallCpu: 0 }));
for (const data of files) {
  settings.forEach(([, compress], i) => {
    const before = process.cpuUsage();
    const out = compress(data);
    const used = process.cpuUsage(before);
    const cpu = used.user + used.system;
    const t = totals[i]!;
    t.bytes += out.length;
    t.cpu += cpu;
    if (data.length < SMALL) {
      t.smallBytes += out.length;
      t.smallCpu += cpu;
    }
  });
}
settings.forEach(([name], i) => {
  const t = totals[i]!;
  console.log(
    `${name.padEnd(10)} ${kb(t.bytes).padStart(12)} ${ms(t.cpu).padStart(9)} ${kb(t.smallBytes).padStart(12)} ${ms(t.smallCpu).padStart(9)} ${kb(sum(small) - t.smallBytes).padStart(12)}`,
  );
});
