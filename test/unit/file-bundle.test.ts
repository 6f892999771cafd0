import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleFiles, bundleLine, checkBundlePath, unbundleFiles } from '../../src/lib/file-bundle.ts';
import { splitBundle } from '../../src/integrations/file-bundles.ts';

/** What a route answering `Response.json(value)` wrote into the file. */
const routeText = (value: unknown) => Response.json(value).text();

describe('file bundles', () => {
  it('give back each file as the text Response.json sends, whatever the strings hold', async () => {
    const values: [string, unknown][] = [
      ['/api/terms/a.json', { slug: 'a', definition: 'One line.\n\nTwo\tlines, "quoted", back\\slash' }],
      ['/oembed/a.json', { html: '<blockquote>\n  <p>x</p>\n</blockquote>\r\n<script async src="/embed.js"></script>', width: 600 }],
      ['/glossary-links/cards/a.json', ['article', { class: 'term-card' }, ['p', {}, 'Line\u2028and paragraph\u2029separators, é, 😀, a lone \ud800']]],
      ['/x/empty.json', {}],
      ['/x/null.json', null],
      ['/x/numbers.json', [0, -0, 1.5, 1e21, 2 ** 53]],
    ];
    const files = unbundleFiles(bundleFiles(values));
    expect(files.map(([path]) => path)).toEqual(values.map(([path]) => path));
    for (const [i, [, text]] of files.entries()) expect(text).toBe(await routeText(values[i]![1]));
  });

  it('round-trip any JSON value byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue(), { maxLength: 5 }), async (values) => {
        const files = unbundleFiles(bundleFiles(values.map((value, i): [string, unknown] => [`/f/${i}.json`, value])));
        expect(files).toHaveLength(values.length);
        for (const [i, [path, text]] of files.entries()) {
          expect(path).toBe(`/f/${i}.json`);
          expect(Buffer.from(text)).toEqual(Buffer.from(await routeText(values[i])));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('are one line per file', () => {
    expect(bundleLine('/a/b.json', { x: 'y\nz' })).toBe('/a/b.json\t{"x":"y\\nz"}\n');
    expect(bundleFiles([])).toBe('');
    expect(unbundleFiles('')).toEqual([]);
  });

  it('carry only plain site paths to .json files', () => {
    for (const path of ['/a.json', '/api/terms/out-tasking.json', '/glossary-links/cards/a_b~c.d.json', '/x/..json']) expect(() => checkBundlePath(path), path).not.toThrow();
    for (const path of ['a.json', '/a.txt', '/a/', '/../a.json', '/a/../b.json', '/./a.json', '//a.json', '/a b.json', '/a\tb.json', '/a\n.json', '/é.json', '/a.json/', '']) {
      expect(() => checkBundlePath(path), JSON.stringify(path)).toThrow(/not a plain site path/);
    }
    expect(() => bundleLine('/../etc/passwd.json', 1)).toThrow(/not a plain site path/);
  });

  it('refuse a path given twice, a value JSON cannot write, and a damaged bundle', () => {
    expect(() => bundleFiles([['/a.json', 1], ['/a.json', 2]])).toThrow(/given twice/);
    expect(() => bundleLine('/a.json', undefined)).toThrow(/no JSON value/);
    expect(() => unbundleFiles('/a.json\t1\n/a.json\t2\n')).toThrow(/given twice/);
    expect(() => unbundleFiles('/a.json\t1\n/b.json\t2')).toThrow(/cut short/);
    expect(() => unbundleFiles('/a.json 1\n')).toThrow(/no tab/);
    expect(() => unbundleFiles('/a.json\t1\n\n')).toThrow(/no tab/);
    expect(() => unbundleFiles('/../a.json\t1\n')).toThrow(/not a plain site path/);
  });
});

describe('splitBundle', () => {
  const site = () => mkdtempSync(join(tmpdir(), 'file-bundle-'));

  it('writes every file of the bundle under the site folder and deletes the bundle', async () => {
    const root = site();
    try {
      const values: [string, unknown][] = [
        ['/api/terms/a.json', { a: 1 }],
        ['/glossary-links/cards/a.json', ['article', {}, 'é']],
        ['/top.json', [1, 2]],
      ];
      writeFileSync(join(root, 'bundle.txt'), bundleFiles(values));
      expect(await splitBundle(root, '/bundle.txt')).toBe(3);
      expect(existsSync(join(root, 'bundle.txt'))).toBe(false);
      for (const [path, value] of values) expect(readFileSync(join(root, path))).toEqual(Buffer.from(await routeText(value)));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('never overwrites a file a route wrote', async () => {
    const root = site();
    try {
      mkdirSync(join(root, 'api'));
      writeFileSync(join(root, 'api', 'a.json'), 'from a route');
      writeFileSync(join(root, 'bundle.txt'), bundleFiles([['/api/a.json', 1]]));
      await expect(splitBundle(root, '/bundle.txt')).rejects.toThrow(/EEXIST/);
      expect(readFileSync(join(root, 'api', 'a.json'), 'utf8')).toBe('from a route');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
