import { describe, expect, it } from 'vitest';
import type { HTMLElement } from 'node-html-parser';
import { builtPages } from '../support/dist.ts';

// Reads the built site. A term counts as linked when another term's page or a guide links to
// it from its text or from its related-terms list. The site-wide lists (A-Z, topics, search,
// home) and the "Mentioned in" backlinks do not count: they link every term by construction.
const pages = builtPages();
const termPages = pages.filter((p) => /^\/terms\/[^/]+\/$/.test(p.path));
const guidePages = pages.filter((p) => /^\/guides\/[^/]+\/$/.test(p.path));
const slugOf = (path: string) => /^\/terms\/([^/]+)\/$/.exec(path)?.[1];

function linkedTerms(root: HTMLElement, selectors: string[]): Set<string> {
  const slugs = new Set<string>();
  for (const selector of selectors) {
    for (const a of root.querySelectorAll(`${selector} a[href^="/terms/"]`)) {
      const slug = slugOf(a.getAttribute('href') ?? '');
      if (slug) slugs.add(slug);
    }
  }
  return slugs;
}

describe('links between terms and guides', () => {
  it('finds the term and guide pages', () => {
    expect(termPages.length).toBeGreaterThanOrEqual(40);
    expect(guidePages.length).toBeGreaterThanOrEqual(6);
  });

  it('leaves no orphan term: every term is linked from another term or a guide', () => {
    const linked = new Set<string>();
    for (const page of [...termPages, ...guidePages]) {
      const own = slugOf(page.path);
      for (const slug of linkedTerms(page.root, ['.prose', '#related-heading ~ ul'])) if (slug !== own) linked.add(slug);
    }
    const orphans = termPages.map((p) => slugOf(p.path)!).filter((slug) => !linked.has(slug));
    expect(orphans, `terms no other page links to: ${orphans.join(', ')}`).toEqual([]);
  });

  it.each(guidePages.map((p) => [p.path, p] as const))('%s links at least 10 distinct terms', (_path, page) => {
    const terms = [...linkedTerms(page.root, ['.prose'])].sort();
    expect(terms.length, `${page.path} links ${terms.length} terms: ${terms.join(', ')}`).toBeGreaterThanOrEqual(10);
  });
});
