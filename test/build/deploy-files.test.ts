/**
 * dist/_headers, dist/_redirects and dist/nginx.conf are generated: each must be exactly what
 * the response rules (src/lib/deploy/rules.ts) produce now for the pages in dist/. A rule changed
 * without a rebuild, or a build that stopped writing them, fails here. And every text file of
 * 1 KB or more has its precompressed copies (smaller ones have none: the servers compress them
 * on the fly or send them as they are).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { deployFiles } from '../../src/integrations/deploy-files.ts';
import { contentDir, readContentTree } from '../../src/lib/content-source.ts';
import { hasPagefindCopies, isCompressible, isPrecompressed, MIN_PRECOMPRESS_BYTES } from '../../src/lib/deploy/index.ts';
import { siteRedirects } from '../../src/lib/glossary-source.ts';
import { distDir } from '../support/dist.ts';

const dir = distDir();

describe('generated deployment files', () => {
  it.each(['_headers', '_redirects', 'nginx.conf'] as const)('dist/%s is what the rules produce now', async (name) => {
    const expected = await deployFiles(dir, siteRedirects(readContentTree(contentDir())));
    expect(readFileSync(join(dir, name), 'utf8')).toBe(expected[name]);
  });
});

describe('precompressed files', () => {
  const files = (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

  it('has a .gz and a .br holding the same bytes beside every HTML, CSS, JS, JSON, XML, SVG and TXT file of 1 KB or more', () => {
    const text = files.filter((file) => isPrecompressed(file, statSync(file).size));
    expect(text.length).toBeGreaterThan(250);
    const problems: string[] = [];
    for (const file of text) {
      const original = readFileSync(file);
      if (!existsSync(`${file}.gz`) || !gunzipSync(readFileSync(`${file}.gz`)).equals(original)) problems.push(`${relative(dir, file)}.gz`);
      if (!existsSync(`${file}.br`) || !brotliDecompressSync(readFileSync(`${file}.br`)).equals(original)) problems.push(`${relative(dir, file)}.br`);
    }
    expect(problems).toEqual([]);
  });

  it('leaves smaller text files without copies', () => {
    const small = files.filter((file) => isCompressible(file) && statSync(file).size < MIN_PRECOMPRESS_BYTES);
    expect(small.length).toBeGreaterThan(10);
    expect(small.filter((file) => existsSync(`${file}.gz`) || existsSync(`${file}.br`)).map((file) => relative(dir, file))).toEqual([]);
  });

  it('leaves Pagefind’s index chunks, fragments and filters and the images alone', () => {
    const binary = files.filter((file) => /\.(pf_(?!meta$)\w+|png|jpg)$/.test(file));
    expect(binary.length).toBeGreaterThan(10);
    expect(binary.filter((file) => existsSync(`${file}.gz`) || existsSync(`${file}.br`))).toEqual([]);
  });

  it('gives Pagefind’s wasm and metadata files a .br of their content, and a .gz of it only where smaller than the file', () => {
    const pagefind = files.filter((file) => /\.(pf_meta|pagefind)$/.test(file));
    expect(pagefind.map((file) => relative(dir, file)).sort()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^pagefind\/wasm\.en\.pagefind$/), expect.stringMatching(/^pagefind\/pagefind\.en_\w+\.pf_meta$/)]),
    );
    for (const file of pagefind) {
      const name = relative(dir, file);
      const stored = readFileSync(file);
      const content = gunzipSync(stored);
      expect(hasPagefindCopies(file, stored.length), name).toBe(true);
      expect(content.subarray(0, 12).toString(), name).toBe('pagefind_dcd');
      expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(content), `${name}.br`).toBe(true);
      expect(statSync(`${file}.br`).size, `${name}.br`).toBeLessThan(stored.length);
      if (existsSync(`${file}.gz`)) {
        expect(gunzipSync(readFileSync(`${file}.gz`)).equals(content), `${name}.gz`).toBe(true);
        expect(statSync(`${file}.gz`).size, `${name}.gz`).toBeLessThan(stored.length);
      }
    }
  });
});
