/**
 * The per-term JSON files: /api/terms/<slug>.json, /oembed/<slug>.json and
 * /glossary-links/cards/<slug>.json. The build writes them all from one route
 * (src/pages/json-files.bundle.txt.ts, split by src/integrations/file-bundles.ts); the dev
 * server answers each address from its own route (src/pages/api/terms/[slug].json.ts ...).
 * Both take the records from here, so they send the same bytes.
 */
import { apiTermDetail, apiTermPath, oembed, oembedPath, siteBase } from '../lib/embed.ts';
import { cardPath } from '../lib/links-index.ts';
import { termCardData } from '../lib/term-card.ts';
import type { TermEntry } from './collections.ts';
import { linkCardTree, linkCardTrees } from './links-index.ts';

/**
 * Whether each of these files gets its own route: on the dev server only. Vite's mode, not
 * `import.meta.env.DEV`, which follows NODE_ENV and is true in a build run with NODE_ENV=test.
 */
export const routePerFile = (): boolean => import.meta.env.MODE === 'development';

export const apiTermFile = (term: TermEntry, site: URL | string | undefined) => apiTermDetail(term, siteBase(site));
export const oembedFile = (term: TermEntry, site: URL | string | undefined) => oembed(termCardData(term), siteBase(site));
export const cardFile = (term: TermEntry) => linkCardTree(term);

/** Every per-term JSON file of the site, as [site path, value], term by term. */
export async function termJsonFiles(terms: readonly TermEntry[], site: URL | string | undefined): Promise<[string, unknown][]> {
  // Every card in one rendering (TermCard through PopoverCards), a few times cheaper than one call a card.
  const cards = await linkCardTrees(terms);
  return terms.flatMap((term, i): [string, unknown][] => [
    [apiTermPath(term.id), apiTermFile(term, site)],
    [oembedPath(term.id), oembedFile(term, site)],
    [cardPath(term.id), cards[i]],
  ]);
}
