import { describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { hasPagefindCopies, MIN_PRECOMPRESS_BYTES, PAGEFIND_SIGNATURE } from '../../src/lib/deploy/mime.ts';
import { pagefindCopies } from '../../src/lib/deploy/pagefind-copies.ts';

/** Bytes that compress, unlike random ones, and differ with the seed. */
const sample = (seed: number) => Buffer.from(Array.from({ length: 4000 }, (_, i) => `term-${(i * seed) % 97} `).join(''));
const content = Buffer.concat([Buffer.from(PAGEFIND_SIGNATURE), sample(7)]);

describe('the copies of a Pagefind index file', () => {
  it('hold the gzip file’s content, signature first, in fewer bytes than the file as stored', () => {
    const stored = gzipSync(content, { level: 1 });
    const { br, gz } = pagefindCopies(stored, 'pagefind/x.pf_meta');
    expect(brotliDecompressSync(br).equals(content)).toBe(true);
    expect(br.length).toBeLessThan(stored.length);
    expect(gz).toBeDefined();
    expect(gunzipSync(gz!).equals(content)).toBe(true);
    expect(gz!.length).toBeLessThan(stored.length);
  });

  it('has no gzip copy where level 9 is no smaller than the file as stored', () => {
    const stored = gzipSync(content, { level: 9 });
    const { br, gz } = pagefindCopies(stored, 'pagefind/wasm.en.pagefind');
    expect(gz).toBeUndefined();
    expect(brotliDecompressSync(br).equals(content)).toBe(true);
  });

  it('refuses data that is not gzip, naming the file', () => {
    expect(() => pagefindCopies(Buffer.from('pagefind_dcd plain'), 'pagefind/x.pf_meta')).toThrow(/pagefind\/x\.pf_meta: not a gzip file/);
  });

  it('refuses gzip content without the signature, naming the file', () => {
    expect(() => pagefindCopies(gzipSync(sample(3)), 'pagefind/y.pf_meta')).toThrow(/pagefind\/y\.pf_meta: .*signature "pagefind_dcd"/);
  });

  it('are written for the wasm module and the metadata of 1 KB or more, not for index chunks, fragments or filters', () => {
    expect(hasPagefindCopies('/d/pagefind/wasm.en.pagefind', MIN_PRECOMPRESS_BYTES)).toBe(true);
    expect(hasPagefindCopies('/d/pagefind/pagefind.en_1a2b.pf_meta', 50_000)).toBe(true);
    expect(hasPagefindCopies('/d/pagefind/pagefind.en_1a2b.pf_meta', MIN_PRECOMPRESS_BYTES - 1)).toBe(false);
    for (const path of ['/d/pagefind/index/en_1.pf_index', '/d/pagefind/fragment/en_1.pf_fragment', '/d/pagefind/filter/en_1.pf_filter', '/d/pagefind/pagefind.js', '/d/x.pagefind/a.txt']) {
      expect(hasPagefindCopies(path, 50_000), path).toBe(false);
    }
  });
});
