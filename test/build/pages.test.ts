import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, distDir } from '../support/dist.ts';

const pages = builtPages();

describe('every built page', () => {
  it('exists for every route', () => {
    const paths = new Set(pages.map((p) => p.path));
    for (const path of ['/', '/glossary/', '/guides/', '/calculator/', '/search/', '/404.html', '/terms/outsourcing/', '/terms/offshoring/', '/terms/homeshoring/', '/guides/what-outsourcing-is/', '/topics/models/', '/topics/', '/terms/', '/compare/']) {
      expect(paths, path).toContain(path);
    }
  });

  it.each(pages.map((p) => [p.path, p] as const))('%s has a title, a description, a canonical link, lang and one h1', (_path, page) => {
    expect(page.root.querySelector('html')?.getAttribute('lang')).toBe('en');
    expect(page.root.querySelector('title')?.text.trim()).toBeTruthy();
    expect(page.root.querySelector('meta[name="description"]')?.getAttribute('content')?.trim()).toBeTruthy();
    const canonical = page.root.querySelector('link[rel="canonical"]')?.getAttribute('href');
    // A noindex page (404, embeds) names no canonical URL; test/build/seo.test.ts checks the rest.
    if (!page.root.querySelector('meta[name="robots"][content*="noindex"]')) expect(canonical).toMatch(/^https?:\/\//);
    expect(page.root.querySelectorAll('h1')).toHaveLength(1);
  });

  it('sends /terms/ on to the A-Z index', () => {
    const page = pages.find((p) => p.path === '/terms/')!;
    expect(page.root.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe('0; url=/glossary/');
    expect(page.root.querySelector('main a[href="/glossary/"]')).not.toBeNull();
  });

  it('has a Pagefind index', () => {
    expect(existsSync(join(distDir(), 'pagefind', 'pagefind.js'))).toBe(true);
  });
});

describe('a guide page', () => {
  it('lists the terms of its frontmatter "terms" field, in order, with their summaries', async () => {
    const { readContentTree } = await import('../../src/lib/content-source.ts');
    const { articles, terms } = readContentTree('content');
    const titles = new Map(terms.map((t) => [t.slug, t.data.title]));
    for (const article of articles) {
      const page = pages.find((p) => p.path === `/guides/${article.slug}/`)!;
      const section = page.root.querySelector('section[aria-labelledby="guide-terms-heading"]');
      expect(section?.querySelector('h2')?.text, article.slug).toBe('Terms in this guide');
      const links = section!.querySelectorAll('li > a');
      expect(links.map((a) => a.getAttribute('href'))).toEqual(article.data.terms.map((slug) => `/terms/${slug}/`));
      expect(links.map((a) => a.text)).toEqual(article.data.terms.map((slug) => titles.get(slug)));
    }
  });
});
