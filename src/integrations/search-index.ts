/**
 * Builds the Pagefind search index at the end of every `astro build`, into `<outDir>/pagefind/`,
 * with Pagefind's Node API. Doing it here (rather than as a second command after the build)
 * means every build of every content tree, including test fixtures and benchmarks, gets the
 * same index with the same settings.
 *
 * What is indexed: term pages and guide pages only, and on them only `<main>` (never the
 * header, navigation or footer). Lists of other terms' cards are left out, so a term page
 * does not match words that belong to its neighbors. Other pages (home, A-Z, topics, the
 * calculator, search itself) are lists or tools: they would only repeat the terms' own words
 * and push the terms down, so they are not indexed.
 */
import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

export const SEARCH_INDEX = {
  /** Only the pages of single terms and guides (one level below /terms/ and /guides/). */
  glob: '{terms,guides}/*/index.html',
  rootSelector: 'main',
  excludeSelectors: ['.card-list'],
  forceLanguage: 'en',
  bundleDir: 'pagefind',
} as const;

export async function buildSearchIndex(siteDir: string): Promise<{ pages: number; outputPath: string }> {
  const { index, errors } = await pagefind.createIndex({
    rootSelector: SEARCH_INDEX.rootSelector,
    excludeSelectors: [...SEARCH_INDEX.excludeSelectors],
    forceLanguage: SEARCH_INDEX.forceLanguage,
  });
  try {
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir, glob: SEARCH_INDEX.glob });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(siteDir, SEARCH_INDEX.bundleDir) });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join('; ')}`);
    return { pages: added.page_count, outputPath: written.outputPath };
  } finally {
    await pagefind.close();
  }
}

export default function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { pages, outputPath } = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`indexed ${pages} term and guide pages into ${outputPath}`);
      },
    },
  };
}
