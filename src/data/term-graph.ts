/**
 * The term graph for pages: the glossary built from the collections, which terms each entry
 * links to (recorded by the cross-link plugin while compiling), and backlinks.
 */
import { render } from 'astro:content';
import { buildGlossary, type Glossary } from '../lib/glossary.ts';
import { glossaryInput } from '../lib/glossary-source.ts';
import { computeBacklinks, type LinkSource } from '../lib/backlinks.ts';
import { allArticles, allTerms, type ArticleEntry, type TermEntry } from './collections.ts';

let glossaryPromise: Promise<Glossary> | undefined;
export function glossary(): Promise<Glossary> {
  glossaryPromise ??= allTerms().then((terms) =>
    buildGlossary(terms.map((t) => glossaryInput({ slug: t.id, file: t.filePath ?? t.id, data: t.data }))),
  );
  return glossaryPromise;
}

const linksCache = new Map<string, Promise<string[]>>();
/** Slugs of the terms an entry's body links to. */
export function termLinksOf(entry: TermEntry | ArticleEntry): Promise<string[]> {
  const key = `${entry.collection}/${entry.id}`;
  let links = linksCache.get(key);
  if (!links) {
    links = render(entry).then(({ remarkPluginFrontmatter }) => {
      const found = (remarkPluginFrontmatter as { termLinks?: unknown }).termLinks;
      return Array.isArray(found) ? (found as string[]) : [];
    });
    linksCache.set(key, links);
  }
  return links;
}

let backlinksPromise: Promise<Map<string, LinkSource[]>> | undefined;
/** For every term, the terms and guides whose text links to it. */
export function backlinks(): Promise<Map<string, LinkSource[]>> {
  backlinksPromise ??= (async () => {
    const [terms, articles] = await Promise.all([allTerms(), allArticles()]);
    const sources = await Promise.all([
      ...terms.map(async (t) => ({ kind: 'term' as const, slug: t.id, title: t.data.title, path: `/terms/${t.id}/`, links: await termLinksOf(t) })),
      ...articles.map(async (a) => ({ kind: 'guide' as const, slug: a.id, title: a.data.title, path: `/guides/${a.id}/`, links: await termLinksOf(a) })),
    ]);
    return computeBacklinks(sources);
  })();
  return backlinksPromise;
}
