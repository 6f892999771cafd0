// What search engines and link previews read from the built site: metadata on every page,
// share images on disk, JSON-LD per page type, the sitemap, robots.txt and the feed.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, distDir, type BuiltPage } from '../support/dist.ts';
import { childText, descendants, parseXml } from '../support/xml.ts';
import { siteUrl, SITE_NAME, TITLE_MAX, TITLE_SEPARATOR } from '../../src/lib/site.ts';
import { ogImagesEnabled } from '../../src/lib/seo.ts';
import { jpegDimensions } from '../../src/lib/image-size.ts';
import { contentDir, readTermFiles } from '../../src/lib/content-source.ts';

const dist = distDir();
const site = siteUrl();
const imagesOn = ogImagesEnabled();
const all = builtPages(dist);
const isNoindex = (p: BuiltPage) => Boolean(p.root.querySelector('meta[name="robots"]')?.getAttribute('content')?.includes('noindex'));
const isEmbed = (p: BuiltPage) => p.path.startsWith('/embed/');
const pages = all.filter((p) => !isEmbed(p));
const indexable = pages.filter((p) => !isNoindex(p));
const builtPaths = new Set(all.map((p) => p.path));
const termPages = indexable.filter((p) => /^\/terms\/[^/]+\/$/.test(p.path));
const guidePages = indexable.filter((p) => /^\/guides\/[^/]+\/$/.test(p.path));
const terms = readTermFiles(contentDir());

const meta = (p: BuiltPage, key: string) =>
  p.root.querySelector(`meta[property="${key}"]`)?.getAttribute('content') ?? p.root.querySelector(`meta[name="${key}"]`)?.getAttribute('content');

type Json = Record<string, any>;
function jsonLd(p: BuiltPage): Json[] {
  return p.root.querySelectorAll('script[type="application/ld+json"]').flatMap((s) => {
    const data = JSON.parse(s.textContent) as Json | Json[];
    return Array.isArray(data) ? data : [data];
  });
}
const ofType = (p: BuiltPage, type: string) => jsonLd(p).filter((d) => d['@type'] === type);

/** The built file a URL on our site points at, or undefined when it is off-site or missing. */
function fileForUrl(url: string): string | undefined {
  if (!url.startsWith(`${site}/`)) return undefined;
  const path = decodeURIComponent(new URL(url).pathname.slice(new URL(site).pathname.replace(/\/$/, '').length));
  const file = path.endsWith('/') ? join(dist, path, 'index.html') : join(dist, path);
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

describe('the built site', () => {
  it(`was built for the configured site URL (${site})`, () => {
    const home = all.find((p) => p.path === '/')!;
    expect(home.root.querySelector('link[rel="canonical"]')?.getAttribute('href'), 'rebuild with the same SITE_URL').toBe(`${site}/`);
  });

  it('has term and guide pages to check', () => {
    expect(termPages.length).toBeGreaterThan(0);
    expect(guidePages.length).toBeGreaterThan(0);
  });
});

describe('titles', () => {
  it('are unique across pages', () => {
    const titles = pages.map((p) => p.root.querySelector('title')?.text ?? '');
    const duplicates = titles.filter((t, i) => titles.indexOf(t) !== i);
    expect(duplicates).toEqual([]);
  });

  it.each(pages.map((p) => [p.path, p] as const))('%s: title of at most 60 characters before the site name', (path, page) => {
    const title = page.root.querySelector('title')!.text;
    if (path === '/') {
      expect(title.startsWith(SITE_NAME)).toBe(true);
      expect(title.length).toBeLessThanOrEqual(TITLE_MAX);
    } else {
      expect(title.endsWith(`${TITLE_SEPARATOR}${SITE_NAME}`)).toBe(true);
      const own = title.slice(0, -`${TITLE_SEPARATOR}${SITE_NAME}`.length);
      expect(own.length).toBeGreaterThan(0);
      expect(own.length).toBeLessThanOrEqual(TITLE_MAX);
    }
  });
});

describe.each(indexable.map((p) => [p.path, p] as const))('%s', (path, page) => {
  const canonical = `${site}${path}`;

  it('has a description, a canonical URL for its own path, and lang', () => {
    expect(page.root.querySelector('html')?.getAttribute('lang')).toBe('en');
    const description = meta(page, 'description') ?? '';
    expect(description.length).toBeGreaterThanOrEqual(20);
    expect(description.length).toBeLessThanOrEqual(160);
    expect(page.root.querySelectorAll('link[rel="canonical"]')).toHaveLength(1);
    expect(page.root.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(canonical);
  });

  it('has Open Graph and Twitter card tags', () => {
    const title = page.root.querySelector('title')!.text;
    expect(title.startsWith(meta(page, 'og:title') ?? '\0')).toBe(true);
    expect(meta(page, 'og:description')).toBe(meta(page, 'description'));
    expect(meta(page, 'og:url')).toBe(canonical);
    expect(meta(page, 'og:type')).toBe(/^\/(terms|guides|compare)\/[^/]+\/$/.test(path) ? 'article' : 'website');
    expect(meta(page, 'og:site_name')).toBe(SITE_NAME);
    expect(meta(page, 'og:locale')).toMatch(/^en_[A-Z]{2}$/);
    expect(meta(page, 'og:image:width')).toBe('1200');
    expect(meta(page, 'og:image:height')).toBe('630');
    expect(meta(page, 'og:image:alt')?.length).toBeGreaterThan(10);
    expect(meta(page, 'twitter:card')).toBe('summary_large_image');
    expect(meta(page, 'twitter:image')).toBe(meta(page, 'og:image'));
  });

  it('shares a 1200x630 PNG that exists in the build', () => {
    const image = meta(page, 'og:image') ?? '';
    expect(image.startsWith(`${site}/og/`)).toBe(true);
    const file = fileForUrl(image);
    expect(file, `${image} is not in dist/`).toBeDefined();
    expect(jpegDimensions(readFileSync(file!))).toEqual({ width: 1200, height: 630 });
    const own = /^\/(terms|guides)\/([^/]+)\/$/.exec(path);
    if (own) expect(image).toBe(imagesOn ? `${site}/og/${own[1]}/${own[2]}.jpg` : `${site}/og/default.jpg`);
  });

  it('links the feed', () => {
    const link = page.root.querySelector('link[rel="alternate"][type="application/rss+xml"]');
    expect(link?.getAttribute('href')).toBe(`${site}/rss.xml`);
  });

  it('has JSON-LD that parses, with breadcrumbs below home', () => {
    const data = jsonLd(page);
    expect(data.length).toBeGreaterThan(0);
    for (const item of data) expect(item['@context']).toBe('https://schema.org');
    // No raw "<" inside the JSON, so content cannot end the script element.
    for (const script of page.root.querySelectorAll('script[type="application/ld+json"]')) expect(script.textContent).not.toContain('<');
    const crumbs = ofType(page, 'BreadcrumbList');
    if (path === '/') {
      expect(crumbs).toEqual([]);
      return;
    }
    expect(crumbs).toHaveLength(1);
    const items = crumbs[0]!.itemListElement as Json[];
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.map((i) => i.position)).toEqual(items.map((_, k) => k + 1));
    expect(items[0]!.item).toBe(`${site}/`);
    expect(items.at(-1)!.item).toBe(canonical);
    for (const item of items) {
      expect(item.name, JSON.stringify(item)).toBeTruthy();
      expect(fileForUrl(item.item), `${item.item} is not a built page`).toBeDefined();
    }
  });
});

describe('structured data per page type', () => {
  it('home: a WebSite with a search action on /search/', () => {
    const home = all.find((p) => p.path === '/')!;
    const [website] = ofType(home, 'WebSite');
    expect(website?.url).toBe(`${site}/`);
    expect(website?.name).toBe(SITE_NAME);
    const action = website!.potentialAction as Json;
    expect(action['@type']).toBe('SearchAction');
    expect(action.target.urlTemplate).toBe(`${site}/search/?q={search_term_string}`);
    expect(action['query-input']).toBe('required name=search_term_string');
    expect(builtPaths.has('/search/')).toBe(true);
  });

  it.each(termPages.map((p) => [p.path, p] as const))('%s: a DefinedTerm in the glossary set, with its aliases', (path, page) => {
    const [term] = ofType(page, 'DefinedTerm');
    expect(term).toBeDefined();
    const slug = path.split('/')[2]!;
    const source = terms.find((t) => t.slug === slug)!;
    expect(term!.name).toBe(source.data.title);
    expect(term!.name).toBe(page.root.querySelector('h1')?.text.trim());
    expect(term!.description).toBe(source.data.summary);
    expect(term!.url).toBe(`${site}${path}`);
    expect(term!.inDefinedTermSet['@id']).toBe(`${site}/glossary/#terms`);
    expect(term!.inDefinedTermSet.url).toBe(`${site}/glossary/`);
    if (source.data.aliases.length > 0) expect(term!.alternateName).toEqual(source.data.aliases);
    else expect(term!.alternateName).toBeUndefined();
  });

  it('/glossary/ (and its letter pages, when the A-Z is split): one DefinedTermSet naming every term page once', () => {
    // A one-page A-Z names every term itself; a split one names them on its letter pages.
    const azPages = all.filter((p) => p.path.startsWith('/glossary/'));
    const sets = azPages.flatMap((p) => ofType(p, 'DefinedTermSet'));
    expect(ofType(all.find((p) => p.path === '/glossary/')!, 'DefinedTermSet')).toHaveLength(1);
    for (const set of sets) expect(set['@id']).toBe(`${site}/glossary/#terms`);
    const listed = sets.flatMap((set) => (set.hasDefinedTerm ?? []) as Json[]);
    const urls = listed.map((t) => t.url as string).sort();
    expect(urls).toEqual(termPages.map((p) => `${site}${p.path}`).sort());
    for (const t of listed) {
      expect(t['@type']).toBe('DefinedTerm');
      const source = terms.find((s) => `${site}/terms/${s.slug}/` === t.url);
      expect(t.name).toBe(source?.data.title);
    }
  });

  it.each(guidePages.map((p) => [p.path, p] as const))('%s: an Article by the site organisation', (path, page) => {
    const [article] = ofType(page, 'Article');
    expect(article).toBeDefined();
    expect(article!.headline).toBe(page.root.querySelector('h1')?.text.trim());
    expect(article!.description).toBe(meta(page, 'description'));
    expect(article!.dateModified).toBe(page.root.querySelector('time[datetime]')?.getAttribute('datetime'));
    for (const role of ['author', 'publisher']) {
      expect(article![role]['@type']).toBe('Organization');
      expect(article![role].name).toBe(SITE_NAME);
    }
    expect(article!.image).toBe(meta(page, 'og:image'));
    expect(article!.mainEntityOfPage['@id']).toBe(`${site}${path}`);
  });
});

describe('noindex pages', () => {
  const hidden = pages.filter(isNoindex);

  it('include the 404 page', () => {
    expect(hidden.map((p) => p.path)).toContain('/404.html');
  });

  it.each(hidden.map((p) => [p.path, p] as const))('%s names no canonical URL and offers search and the A-Z index', (_path, page) => {
    expect(page.root.querySelector('link[rel="canonical"]')).toBeNull();
    if (page.path === '/404.html') {
      expect(page.root.querySelector('main form[role="search"][action="/search/"] input[name="q"]')).not.toBeNull();
      expect(page.root.querySelector('main a[href="/glossary/"]')).not.toBeNull();
    }
  });
});

describe('sitemap and robots.txt', () => {
  /** Every URL of every sitemap the index names. */
  function sitemapListing(): string[] {
    const index = parseXml(readFileSync(join(dist, 'sitemap-index.xml'), 'utf8'));
    return descendants(index, 'loc').flatMap((loc) => {
      const file = fileForUrl(loc.text.trim());
      if (!file) throw new Error(`the sitemap index lists ${loc.text}, which is not in dist/`);
      return descendants(parseXml(readFileSync(file, 'utf8')), 'url').map((u) => childText(u, 'loc')!);
    });
  }

  it('lists exactly the indexable pages, each once', () => {
    const listed = sitemapListing();
    expect(listed.length).toBe(new Set(listed).size);
    expect([...listed].sort()).toEqual(indexable.map((p) => `${site}${p.path}`).sort());
  });

  it('lists no embed, image, feed, JSON or error page', () => {
    for (const url of sitemapListing()) expect(url).not.toMatch(/\/(embed|og)\/|\.(xml|json|png|jpg|txt|html)$|\/404/);
  });

  it('is named by robots.txt under the site URL', () => {
    const robots = readFileSync(join(dist, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).not.toMatch(/^Disallow: \/\s*$/m);
    expect(robots).toContain(`Sitemap: ${site}/sitemap-index.xml`);
    expect(fileForUrl(`${site}/sitemap-index.xml`)).toBeDefined();
  });
});

describe('feed', () => {
  const rss = parseXml(readFileSync(join(dist, 'rss.xml'), 'utf8'));
  const channel = rss.children.find((c) => c.name === 'channel')!;
  const items = descendants(channel, 'item');
  const links = items.map((item) => childText(item, 'link') ?? '');

  it('is RSS 2.0 with a title and a link to the site', () => {
    expect(rss.name).toBe('rss');
    expect(rss.attributes.version).toBe('2.0');
    expect(childText(channel, 'title')).toBe(SITE_NAME);
    expect(childText(channel, 'link')).toBe(`${site}/`);
  });

  it('has an item for every guide', () => {
    for (const guide of guidePages) expect(links).toContain(`${site}${guide.path}`);
  });

  it('has the newest terms, up to 20', () => {
    const termLinks = links.filter((l) => l.startsWith(`${site}/terms/`));
    expect(termLinks.length).toBe(Math.min(20, termPages.length));
    const newest = Math.max(...terms.map((t) => t.data.updated.getTime()));
    const newestSlugs = terms.filter((t) => t.data.updated.getTime() === newest).map((t) => `${site}/terms/${t.slug}/`);
    expect(newestSlugs.some((url) => termLinks.includes(url))).toBe(true);
  });

  it('links only to built pages, with a title, description and date on every item', () => {
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const link = childText(item, 'link')!;
      expect(fileForUrl(link), `${link} is not a built page`).toBeDefined();
      expect(childText(item, 'title')).toBeTruthy();
      expect(childText(item, 'description')).toBeTruthy();
      expect(Number.isNaN(Date.parse(childText(item, 'pubDate') ?? ''))).toBe(false);
    }
  });
});

describe('share images on disk', () => {
  const ogDir = join(dist, 'og');
  const images = existsSync(ogDir)
    ? readdirSync(ogDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.jpg'))
    : [];

  it('include the default image and, unless OG_IMAGES=off, one per term and guide', () => {
    expect(images).toContain('default.jpg');
    const inKind = (kind: string) => images.filter((f) => f.startsWith(`${kind}/`)).length;
    expect(inKind('terms')).toBe(imagesOn ? termPages.length : 0);
    expect(inKind('guides')).toBe(imagesOn ? guidePages.length : 0);
  });

  it.each(images.map((f) => [f] as const))('og/%s is a 1200x630 JPEG', (file) => {
    expect(jpegDimensions(readFileSync(join(ogDir, file)))).toEqual({ width: 1200, height: 630 });
  });
});
