/** Inverts "page links to terms" into "term is mentioned in pages". */
export interface LinkSource {
  kind: 'term' | 'guide';
  slug: string;
  title: string;
  path: string;
}

export function computeBacklinks(pages: readonly (LinkSource & { links: readonly string[] })[]): Map<string, LinkSource[]> {
  const out = new Map<string, LinkSource[]>();
  for (const { links, ...page } of pages) {
    for (const slug of new Set(links)) {
      if (page.kind === 'term' && page.slug === slug) continue;
      const list = out.get(slug);
      if (list) list.push(page);
      else out.set(slug, [page]);
    }
  }
  // Guides first (they tell the longer story), then terms, each alphabetically.
  for (const list of out.values()) {
    list.sort((a, b) => (a.kind === b.kind ? a.title.localeCompare(b.title, 'en') : a.kind === 'guide' ? -1 : 1));
  }
  return out;
}
