import { describe, expect, it } from 'vitest';
import { builtPages } from '../support/dist.ts';

const pages = builtPages();
const paths = new Set(pages.map((p) => p.path));
const termPages = pages.filter((p) => /^\/terms\/[a-z0-9-]+\/$/.test(p.path));
/** Pages that list every term by construction (the A-Z and its letter pages, topics), so a link from them proves nothing. */
const isIndex = (path: string) => path.startsWith('/glossary/') || path.startsWith('/topics/') || path === '/search/' || path === '/404.html';

const linksFrom = (page: (typeof pages)[number]) =>
  page.root.querySelectorAll('main a[href]').map((a) => new URL(a.getAttribute('href')!, 'http://x' + page.path).pathname);

describe('term links in the built site', () => {
  it('has term pages', () => {
    expect(termPages.length).toBeGreaterThanOrEqual(3);
  });

  it('links every term page from at least one page other than the indexes and itself', () => {
    const linkedFrom = new Map<string, Set<string>>();
    for (const page of pages) {
      if (isIndex(page.path)) continue;
      for (const target of linksFrom(page)) {
        if (target === page.path) continue;
        if (!linkedFrom.has(target)) linkedFrom.set(target, new Set());
        linkedFrom.get(target)!.add(page.path);
      }
    }
    const orphans = termPages.map((p) => p.path).filter((path) => !linkedFrom.has(path));
    expect(orphans).toEqual([]);
  });

  it('points every term link at an existing term page, with a matching data-term', () => {
    const broken: string[] = [];
    let count = 0;
    for (const page of pages) {
      for (const a of page.root.querySelectorAll('a.term-link')) {
        count++;
        const href = a.getAttribute('href')!;
        const slug = a.getAttribute('data-term');
        if (!paths.has(href) || href !== `/terms/${slug}/`) broken.push(`${page.path} -> ${href} (data-term=${slug})`);
      }
    }
    expect(count).toBeGreaterThan(termPages.length);
    expect(broken).toEqual([]);
  });

  it('never links a term page to itself from its body', () => {
    for (const page of termPages) {
      const self = page.root.querySelectorAll('.prose a.term-link').filter((a) => a.getAttribute('href') === page.path);
      expect(self, page.path).toEqual([]);
    }
  });

  it('renders a preview card for every term link on the page, and no other', () => {
    for (const page of pages.filter((p) => p.root.querySelector('a.term-link'))) {
      const linked = new Set(page.root.querySelectorAll('a.term-link').map((a) => a.getAttribute('data-term')));
      const template = page.root.querySelector('template#term-previews');
      expect(template, page.path).not.toBeNull();
      const previews = new Set(template!.querySelectorAll('[data-term-card]').map((d) => d.getAttribute('data-term-card')));
      expect([...previews].sort(), page.path).toEqual([...linked].sort());
    }
  });

  it('builds a comparison page for every contrast and links it from both terms', () => {
    const comparePages = pages.filter((p) => /^\/compare\/[^/]+-vs-[^/]+\/$/.test(p.path));
    // The comparisons index, and its further pages when it does not fit one (/compare/page/2/).
    const indexPages = pages.filter((p) => p.path === '/compare/' || /^\/compare\/page\/\d+\/$/.test(p.path));
    expect(comparePages.length + indexPages.length).toBe(pages.filter((p) => p.path.startsWith('/compare/')).length);
    for (const page of comparePages) {
      const [, a, b] = /^\/compare\/([a-z0-9-]+)-vs-([a-z0-9-]+)\/$/.exec(page.path) ?? [];
      expect(a && b && a < b, page.path).toBe(true);
      for (const slug of [a, b]) {
        const termPage = termPages.find((t) => t.path === `/terms/${slug}/`);
        expect(termPage, `${slug} of ${page.path}`).toBeDefined();
        expect(linksFrom(termPage!), `${slug} links ${page.path}`).toContain(page.path);
      }
      expect(page.root.querySelectorAll('.compare-table tbody tr')).toHaveLength(4);
      // Below 480 px the same figures show as one block per term.
      expect(page.root.querySelectorAll('.compare-blocks section')).toHaveLength(2);
      expect(page.root.querySelectorAll('.compare-blocks dd')).toHaveLength(8);
    }
    // The comparisons index (all its pages together) lists every comparison page, once.
    const listed = indexPages.flatMap((index) => [...new Set(linksFrom(index).filter((t) => /-vs-/.test(t)))]);
    expect(listed.sort()).toEqual(comparePages.map((p) => p.path).sort());
    for (const page of termPages) {
      for (const target of linksFrom(page).filter((t) => t.startsWith('/compare/'))) expect(paths, page.path).toContain(target);
    }
  });

  it('lists, under "Mentioned in", pages that really link to the term', () => {
    for (const page of termPages) {
      for (const a of page.root.querySelectorAll('.mentioned-in a')) {
        const source = pages.find((p) => p.path === a.getAttribute('href'));
        expect(source, `${page.path} mentioned in ${a.getAttribute('href')}`).toBeDefined();
        const links = source!.root.querySelectorAll('a.term-link').map((l) => l.getAttribute('href'));
        expect(links, `${source!.path} links ${page.path}`).toContain(page.path);
      }
    }
  });
});
