import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  articleJsonLd,
  breadcrumbJsonLd,
  breadcrumbTrail,
  DEFAULT_OG_IMAGE,
  definedTermJsonLd,
  definedTermSetJsonLd,
  feedEntries,
  fitTitle,
  hasNoindex,
  HOME_TITLE,
  isIndexablePath,
  metaDescription,
  ogImageForPath,
  ogImagePath,
  ogImagesEnabled,
  ogTypeForPath,
  pageTitle,
  robotsTxt,
  serializeJsonLd,
  shortTitle,
  siteBase,
  siteHref,
  TITLE_MAX,
  truncateAtWord,
  websiteJsonLd,
} from '../../src/lib/seo.ts';
import { sitemapFilter } from '../../src/lib/sitemap-filter.ts';

const SITE = 'https://glossary.example';

describe('page titles', () => {
  it('keeps a title that fits and appends the site name', () => {
    expect(pageTitle('Offshoring: definition and examples')).toBe('Offshoring: definition and examples | Outsourcing Glossary');
  });

  it('gives the home page its own title', () => {
    expect(pageTitle(undefined)).toBe(HOME_TITLE);
    expect(HOME_TITLE.length).toBeLessThanOrEqual(TITLE_MAX);
  });

  it('drops the subtitle of a long title before cutting words', () => {
    const title = 'Business process outsourcing (BPO) for small firms: definition and examples';
    expect(fitTitle(title)).toBe('Business process outsourcing (BPO) for small firms');
    expect(fitTitle(title).length).toBeLessThanOrEqual(TITLE_MAX);
  });

  it('cuts a title whose main part is too long as well', () => {
    const title = 'Business process outsourcing and knowledge process outsourcing: definition and examples';
    expect(fitTitle(title)).toBe('Business process outsourcing and knowledge process…');
  });

  it('cuts a long title without a short main part at a word boundary, with an ellipsis', () => {
    const title = 'A very long title about outsourcing that goes on and on without any subtitle at all';
    const fitted = fitTitle(title);
    expect(fitted).toBe('A very long title about outsourcing that goes on and on…');
    expect(fitted.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(title.startsWith(fitted.slice(0, -1))).toBe(true);
  });

  it('cuts inside a single very long word rather than returning nothing', () => {
    expect(fitTitle('x'.repeat(100))).toBe(`${'x'.repeat(59)}…`);
  });

  it('collapses whitespace and rejects an empty title', () => {
    expect(fitTitle('  Out-tasking \n  explained ')).toBe('Out-tasking explained');
    expect(() => fitTitle('   ')).toThrow(/empty/);
  });

  it('never exceeds the limit, and keeps short titles as they are (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim() !== ''), (title) => {
        const fitted = fitTitle(title);
        expect(fitted.length).toBeLessThanOrEqual(TITLE_MAX);
        expect(fitted.length).toBeGreaterThan(0);
        const clean = title.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
        if (clean.length <= TITLE_MAX) expect(fitted).toBe(clean);
      }),
    );
  });

  it('takes the main part of a title for breadcrumbs', () => {
    expect(shortTitle('Offshoring: definition and examples')).toBe('Offshoring');
    expect(shortTitle('What outsourcing is, and what it is not')).toBe('What outsourcing is, and what it is not');
  });
});

describe('descriptions and URLs', () => {
  it('keeps descriptions up to 160 characters and cuts longer ones at a word', () => {
    expect(metaDescription(' One  plain sentence. ')).toBe('One plain sentence.');
    const long = metaDescription('word '.repeat(60));
    expect(long.length).toBeLessThanOrEqual(160);
    expect(long.endsWith('word…')).toBe(true);
    expect(() => metaDescription('')).toThrow(/empty/);
  });

  it('joins the site URL and paths, keeping a base path', () => {
    expect(siteHref(SITE, '/terms/x/')).toBe('https://glossary.example/terms/x/');
    expect(siteHref('https://example.org/glossary', '/terms/x/')).toBe('https://example.org/glossary/terms/x/');
    expect(() => siteHref(SITE, 'terms/x/')).toThrow(/must start/);
    expect(siteBase(new URL('https://a.example/'))).toBe('https://a.example');
  });

  it('truncateAtWord refuses impossible lengths', () => {
    expect(() => truncateAtWord('some words here', 1)).toThrow(RangeError);
  });
});

describe('share images', () => {
  it('is on unless OG_IMAGES turns it off', () => {
    expect(ogImagesEnabled({})).toBe(true);
    expect(ogImagesEnabled({ OG_IMAGES: 'on' })).toBe(true);
    for (const off of ['off', 'OFF', '0', 'false', 'no']) expect(ogImagesEnabled({ OG_IMAGES: off })).toBe(false);
  });

  it('maps pages with images to /og/<kind>/<slug>.jpg and others to the default', () => {
    expect(ogImageForPath('/terms/offshoring/', true)).toBe('/og/terms/offshoring.jpg');
    expect(ogImageForPath('/guides/what-outsourcing-is/', true)).toBe('/og/guides/what-outsourcing-is.jpg');
    expect(ogImageForPath('/terms/offshoring/', false)).toBe(DEFAULT_OG_IMAGE);
    expect(ogImageForPath('/glossary/', true)).toBe(DEFAULT_OG_IMAGE);
    expect(ogImageForPath('/', true)).toBe(DEFAULT_OG_IMAGE);
    expect(ogImageForPath('/topics/models/', true)).toBe(DEFAULT_OG_IMAGE);
    // Comparison pages have their own image; a kind without an endpoint falls back to the default.
    expect(ogImageForPath('/compare/a-vs-b/', true)).toBe('/og/compare/a-vs-b.jpg');
    expect(ogImageForPath('/compare/a-vs-b/', true, ['terms'])).toBe(DEFAULT_OG_IMAGE);
    expect(ogImageForPath('/compare/a-vs-b/', false)).toBe(DEFAULT_OG_IMAGE);
  });

  it('rejects a slug that is not one', () => {
    expect(() => ogImagePath('terms', '../etc')).toThrow(/not a slug/);
  });

  it('types single pieces of content as articles', () => {
    expect(ogTypeForPath('/terms/offshoring/')).toBe('article');
    expect(ogTypeForPath('/guides/what-outsourcing-is/')).toBe('article');
    expect(ogTypeForPath('/glossary/')).toBe('website');
    expect(ogTypeForPath('/')).toBe('website');
  });
});

describe('breadcrumbs', () => {
  it('places terms under the glossary and guides under the guides', () => {
    expect(breadcrumbTrail('/terms/offshoring/', 'Offshoring')).toEqual([
      { name: 'Home', path: '/' },
      { name: 'Glossary', path: '/glossary/' },
      { name: 'Offshoring', path: '/terms/offshoring/' },
    ]);
    expect(breadcrumbTrail('/guides/x/', 'X').map((c) => c.path)).toEqual(['/', '/guides/', '/guides/x/']);
    expect(breadcrumbTrail('/topics/models/', 'Sourcing models').map((c) => c.path)).toEqual(['/', '/topics/', '/topics/models/']);
    expect(breadcrumbTrail('/compare/a-vs-b/', 'A vs B').map((c) => c.path)).toEqual(['/', '/compare/', '/compare/a-vs-b/']);
  });

  it('puts top-level pages right under home, and home alone', () => {
    expect(breadcrumbTrail('/guides/', 'Guides').map((c) => c.path)).toEqual(['/', '/guides/']);
    expect(breadcrumbTrail('/calculator/', 'Worth calculator').map((c) => c.path)).toEqual(['/', '/calculator/']);
    expect(breadcrumbTrail('/', 'Home')).toHaveLength(1);
  });

  it('numbers the list items and makes their URLs absolute', () => {
    const list = breadcrumbJsonLd(breadcrumbTrail('/terms/offshoring/', 'Offshoring'), SITE);
    expect(list['@type']).toBe('BreadcrumbList');
    expect(list.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Home', item: `${SITE}/` },
      { '@type': 'ListItem', position: 2, name: 'Glossary', item: `${SITE}/glossary/` },
      { '@type': 'ListItem', position: 3, name: 'Offshoring', item: `${SITE}/terms/offshoring/` },
    ]);
    expect(() => breadcrumbJsonLd([{ name: 'Home', path: '/' }], SITE)).toThrow(/two pages/);
  });
});

describe('structured data', () => {
  const term = { slug: 'offshoring', title: 'Offshoring', summary: 'Moving work abroad.', aliases: ['off-shoring'] };

  it('describes a term as a DefinedTerm in the glossary set, aliases as alternate names', () => {
    const data = definedTermJsonLd(term, SITE) as Record<string, any>;
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('DefinedTerm');
    expect(data.name).toBe('Offshoring');
    expect(data.description).toBe('Moving work abroad.');
    expect(data.url).toBe(`${SITE}/terms/offshoring/`);
    expect(data.alternateName).toEqual(['off-shoring']);
    expect(data.inDefinedTermSet['@type']).toBe('DefinedTermSet');
    expect(data.inDefinedTermSet['@id']).toBe(`${SITE}/glossary/#terms`);
    expect(definedTermJsonLd({ ...term, aliases: [] }, SITE)).not.toHaveProperty('alternateName');
  });

  it('lists every term in the DefinedTermSet', () => {
    const set = definedTermSetJsonLd([term, { slug: 'homeshoring', title: 'Homeshoring', summary: 'Work from home.', aliases: [] }], SITE) as Record<string, any>;
    expect(set['@type']).toBe('DefinedTermSet');
    expect(set.url).toBe(`${SITE}/glossary/`);
    expect(set.hasDefinedTerm.map((t: { url: string }) => t.url)).toEqual([`${SITE}/terms/offshoring/`, `${SITE}/terms/homeshoring/`]);
    expect(set.hasDefinedTerm[0]).toEqual({ '@type': 'DefinedTerm', '@id': `${SITE}/terms/offshoring/#term`, name: 'Offshoring', url: `${SITE}/terms/offshoring/` });
  });

  it('describes a guide as an Article by the site organisation', () => {
    const guide = { slug: 'g', title: 'A guide', summary: 'About things.', updated: new Date('2026-11-22') };
    const data = articleJsonLd(guide, SITE, '/og/guides/g.png') as Record<string, any>;
    expect(data['@type']).toBe('Article');
    expect(data.headline).toBe('A guide');
    expect(data.dateModified).toBe('2026-11-22');
    expect(data.image).toBe(`${SITE}/og/guides/g.png`);
    expect(data.author).toEqual(data.publisher);
    expect(data.author['@type']).toBe('Organization');
    expect(data.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': `${SITE}/guides/g/` });
    expect(() => articleJsonLd({ ...guide, updated: new Date('nope') }, SITE, '/x.png')).toThrow(/invalid date/);
  });

  it('gives the site a WebSite with a search action on /search/', () => {
    const site = websiteJsonLd(SITE) as Record<string, any>;
    expect(site['@type']).toBe('WebSite');
    expect(site.potentialAction['@type']).toBe('SearchAction');
    expect(site.potentialAction.target.urlTemplate).toBe(`${SITE}/search/?q={search_term_string}`);
    expect(site.potentialAction['query-input']).toBe('required name=search_term_string');
  });

  it('serialises so that content cannot close the script element', () => {
    const data = definedTermJsonLd({ ...term, summary: 'Bad </script><script>alert(1)</script> & <!-- x' }, SITE);
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(json)).toEqual(data);
  });

  it('serialises any text to JSON that parses back to it, without "<" (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const data = definedTermJsonLd({ ...term, summary: text, title: text || 'x' }, SITE);
        const json = serializeJsonLd(data);
        expect(json.includes('<')).toBe(false);
        expect(JSON.parse(json)).toEqual(data);
      }),
    );
  });
});

describe('feed', () => {
  const day = (d: string) => new Date(`2026-${d}T00:00:00Z`);
  const terms = Array.from({ length: 25 }, (_, i) => ({
    slug: `term-${i}`,
    title: `Term ${String(i).padStart(2, '0')}`,
    summary: `Summary ${i}`,
    aliases: [],
    updated: day(`01-${String(1 + i).padStart(2, '0')}`),
  }));
  const guides = [{ slug: 'old-guide', title: 'Old guide', summary: 'Old.', updated: day('01-01') }];

  it('holds every guide and the 20 newest terms, newest first', () => {
    const entries = feedEntries(guides, terms);
    expect(entries).toHaveLength(21);
    expect(entries[0]!.link).toBe('/terms/term-24/');
    expect(entries.some((e) => e.link === '/guides/old-guide/')).toBe(true);
    expect(entries.some((e) => e.link === '/terms/term-4/')).toBe(false);
    expect(entries.some((e) => e.link === '/terms/term-5/')).toBe(true);
    const times = entries.map((e) => e.pubDate.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('honours another term limit', () => {
    expect(feedEntries([], terms, 3).map((e) => e.link)).toEqual(['/terms/term-24/', '/terms/term-23/', '/terms/term-22/']);
  });
});

describe('robots.txt and the sitemap rules', () => {
  it('points at the sitemap index under the site URL', () => {
    expect(robotsTxt(SITE)).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
    expect(robotsTxt(SITE)).toMatch(/^User-agent: \*\nAllow: \//);
  });

  it('keeps embeds, images, feeds and error pages out', () => {
    for (const path of ['/', '/terms/offshoring/', '/glossary/']) expect(isIndexablePath(path), path).toBe(true);
    for (const path of ['/embed/offshoring/', '/og/terms/x.png', '/rss.xml', '/api/terms/x.json', '/404/', '/404.html', '/robots.txt']) {
      expect(isIndexablePath(path), path).toBe(false);
    }
  });

  it('finds a robots noindex in any attribute order', () => {
    expect(hasNoindex('<meta name="robots" content="noindex">')).toBe(true);
    expect(hasNoindex('<meta content="noindex, follow" name="robots" />')).toBe(true);
    expect(hasNoindex('<meta name=robots content="NOINDEX">')).toBe(true);
    expect(hasNoindex('<meta name="description" content="noindex is a word">')).toBe(false);
    expect(hasNoindex('<meta name="robots" content="index, follow">')).toBe(false);
  });

  it('filters sitemap URLs by path and by the built page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitemap-filter-'));
    try {
      for (const [path, html] of [
        ['terms/a', '<meta name="robots" content="index">'],
        ['terms/hidden', '<meta name="robots" content="noindex">'],
        ['embed/a', ''],
      ] as const) {
        mkdirSync(join(dir, path), { recursive: true });
        writeFileSync(join(dir, path, 'index.html'), `<html><head>${html}</head></html>`);
      }
      const filter = sitemapFilter(dir, SITE);
      expect(filter(`${SITE}/terms/a/`)).toBe(true);
      expect(filter(`${SITE}/terms/hidden/`)).toBe(false);
      expect(filter(`${SITE}/embed/a/`)).toBe(false);
      expect(filter(`${SITE}/terms/missing/`)).toBe(false);
      expect(filter(`${SITE}/rss.xml`)).toBe(false);
      // Under a base path, the path inside the site is what counts.
      expect(sitemapFilter(dir, `${SITE}/base`)(`${SITE}/base/terms/a/`)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
