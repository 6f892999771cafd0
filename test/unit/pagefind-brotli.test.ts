import { describe, expect, it } from 'vitest';
import { brotliDecompressSync, gzipSync } from 'node:zlib';
import { hasPagefindBrotli, MIN_PRECOMPRESS_BYTES, PAGEFIND_SIGNATURE } from '../../src/lib/deploy/mime.ts';
import { pagefindBrotli } from '../../src/lib/deploy/pagefind-brotli.ts';

/** Bytes that compress, unlike random ones, and differ from one call to the next. */
const sample = (seed: number) => Buffer.from(Array.from({ length: 4000 }, (_, i) => `term-${(i * seed) % 97} `).join(''));

describe('the brotli copy of a Pagefind index file', () => {
  it('holds the gzip file’s content, signature first, in fewer bytes than the gzip file', () => {
    const content = Buffer.concat([Buffer.from(PAGEFIND_SIGNATURE), sample(7)]);
    const stored = gzipSync(content, { level: 6 });
    const br = pagefindBrotli(stored, 'wasm.en.pagefind');
    expect(brotliDecompressSync(br).equals(content)).toBe(true);
    expect(br.length).toBeLessThan(stored.length);
  });

  it('refuses data that is not gzip, naming the file', () => {
    expect(() => pagefindBrotli(Buffer.from('pagefind_dcd plain'), 'pagefind/x.pf_meta')).toThrow(/pagefind\/x\.pf_meta: not a gzip file/);
  });

  it('refuses gzip content without the signature, naming the file', () => {
    expect(() => pagefindBrotli(gzipSync(sample(3)), 'pagefind/y.pf_meta')).toThrow(/pagefind\/y\.pf_meta: .*signature "pagefind_dcd"/);
  });

  it('is written for the wasm module and the metadata of 1 KB or more, not for index chunks, fragments or filters', () => {
    expect(hasPagefindBrotli('/d/pagefind/wasm.en.pagefind', MIN_PRECOMPRESS_BYTES)).toBe(true);
    expect(hasPagefindBrotli('/d/pagefind/pagefind.en_1a2b.pf_meta', 50_000)).toBe(true);
    expect(hasPagefindBrotli('/d/pagefind/pagefind.en_1a2b.pf_meta', MIN_PRECOMPRESS_BYTES - 1)).toBe(false);
    for (const path of ['/d/pagefind/index/en_1.pf_index', '/d/pagefind/fragment/en_1.pf_fragment', '/d/pagefind/filter/en_1.pf_filter', '/d/pagefind/pagefind.js', '/d/x.pagefind/a.txt']) {
      expect(hasPagefindBrotli(path, 50_000), path).toBe(false);
    }
  });
});
