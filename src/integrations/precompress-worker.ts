/**
 * One of the build's precompression threads (see precompress() in deploy-files.ts): takes the
 * next file from the shared list until none is left, and writes FILE.gz and FILE.br beside it
 * (for Pagefind's wasm and metadata files, copies of their content: see PAGEFIND_RECOMPRESSED_EXTENSIONS), with
 * synchronous calls (no promise or thread-pool hop per file). Node builtins and the project's
 * builtin-only modules, so that Node runs it as it is, types stripped.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { hasPagefindCopies } from '../lib/deploy/mime.ts';
import { pagefindCopies } from '../lib/deploy/pagefind-copies.ts';

export interface PrecompressJob {
  files: string[];
  /** Int32Array over a SharedArrayBuffer: [0] is the index of the next file to take. */
  next: SharedArrayBuffer;
  gzipLevel?: number;
  brotliQuality?: number;
  /** Files smaller than this many bytes get no copies. */
  minBytes: number;
}

export interface PrecompressTotals {
  files: number;
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
  /** Pagefind's files given a .br of their content, their size as stored (gzip) and of that .br. */
  pagefindFiles: number;
  pagefindBytes: number;
  pagefindBrotliBytes: number;
  /** Of those, how many also got a .gz (smaller than the file as stored). */
  pagefindGzipCopies: number;
  /** CPU time of the thread(s), in microseconds. */
  cpuMicros: number;
}

const job = workerData as PrecompressJob;
const next = new Int32Array(job.next);
const totals: PrecompressTotals = { files: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0, pagefindFiles: 0, pagefindBytes: 0, pagefindBrotliBytes: 0, pagefindGzipCopies: 0, cpuMicros: 0 };
for (let i = Atomics.add(next, 0, 1); i < job.files.length; i = Atomics.add(next, 0, 1)) {
  const file = job.files[i]!;
  const data = readFileSync(file);
  if (data.length < job.minBytes) continue;
  if (hasPagefindCopies(file, data.length)) {
    const { br, gz } = pagefindCopies(data, file);
    writeFileSync(`${file}.br`, br);
    if (gz) writeFileSync(`${file}.gz`, gz);
    totals.pagefindFiles += 1;
    totals.pagefindBytes += data.length;
    totals.pagefindBrotliBytes += br.length;
    totals.pagefindGzipCopies += gz ? 1 : 0;
    continue;
  }
  totals.files += 1;
  totals.bytes += data.length;
  if (job.gzipLevel !== undefined) {
    const gz = gzipSync(data, { level: job.gzipLevel });
    writeFileSync(`${file}.gz`, gz);
    totals.gzipBytes += gz.length;
  }
  if (job.brotliQuality !== undefined) {
    const br = brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: job.brotliQuality,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    });
    writeFileSync(`${file}.br`, br);
    totals.brotliBytes += br.length;
  }
}
const cpu = process.threadCpuUsage();
totals.cpuMicros = cpu.user + cpu.system;
parentPort!.postMessage(totals);
