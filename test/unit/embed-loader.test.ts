import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { buildLoader, buildStandalone, SEARCH_UI } from '../../src/integrations/standalone-scripts.ts';
import { gzipSize } from '../support/weight.ts';

describe('the embed loader build', () => {
  it('is one minified, self-contained script within 1.5 KB gzipped', async () => {
    const code = await buildLoader(pathToFileURL(`${process.cwd()}/`));
    expect(gzipSize(code)).toBeLessThanOrEqual(1536);
    expect(code.split('\n').filter(Boolean)).toHaveLength(1);
    expect(code).not.toMatch(/\bimport\b|\bexport\b|\brequire\(/);
    // It never writes markup: no HTML sinks at all.
    expect(code).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(/);
  });

  it('fails clearly when the entry is missing', async () => {
    await expect(buildLoader(pathToFileURL('/nonexistent-root/'))).rejects.toThrow(/embed-loader\.ts/);
  });
});

describe('the search suggestions build', () => {
  it('is one ES module with the suggestions code, loading Pagefind from the site at run time', async () => {
    const code = await buildStandalone(pathToFileURL(`${process.cwd()}/`), SEARCH_UI);
    expect(code).toContain('/pagefind/pagefind.js');
    expect(code).toContain('combobox');
    expect(code).not.toContain('__vitePreload');
    // Loaded on first use of search only, never at page load: the suggestions, the typo matcher
    // over the name index and the dialog's handling (4,181 B when the limit went from 4 KB to 4.5 KB).
    expect(gzipSize(code)).toBeLessThanOrEqual(4608);
  });
});
