/**
 * What each page tells search engines and link previews: its title, description, canonical
 * URL, share image, breadcrumbs and structured data (JSON-LD typed with schema-dts), plus the
 * feed, robots.txt and sitemap rules. Pure functions: pages and endpoints pass in the site URL
 * and the content they have.
 */
import type {
  Article,
  BreadcrumbList,
  DefinedTerm,
  DefinedTermSet,
  Organization,
  SearchAction,
  Thing,
  WebSite,
  WithActionConstraints,
  WithContext,
} from 'schema-dts';
import { cleanText, SITE_NAME, SITE_TAGLINE, siteUrl, truncateAtWord } from './site.ts';

export { cleanText, fitTitle, HOME_TITLE, pageTitle, shortTitle, TITLE_MAX, TITLE_SEPARATOR, truncateAtWord } from './site.ts';

/** Meta descriptions longer than this are cut in results. Summaries are at most 160 already. */
export const DESCRIPTION_MAX = 160;
export const LOCALE = 'en_US';


export function metaDescription(text: string): string {
  const clean = cleanText(text);
  if (!clean) throw new Error('a page description cannot be empty');
  return truncateAtWord(clean, DESCRIPTION_MAX);
}

/** The site's base URL without a trailing slash: Astro's configured `site`, else SITE_URL or the default. */
export function siteBase(site: URL | string | undefined): string {
  return site ? String(site).replace(/\/+$/, '') : siteUrl();
}

/** Joins the site origin (no trailing slash, possibly with a path) and a site path. */
export function siteHref(site: string, path: string): string {
  if (!path.startsWith('/')) throw new Error(`site path must start with "/": ${path}`);
  return `${site.replace(/\/+$/, '')}${path}`;
}

/** What a page may tell BaseLayout (and its SeoHead) about itself. All but the description are optional. */
export interface SeoProps {
  /** The page's own title; the site name is appended. Omit on the home page. */
  title?: string;
  description: string;
  /** Keep the page out of search engines (404, embeds) and out of the sitemap. */
  noindex?: boolean;
  /** Site path of a 1200x630 JPEG share image; by default the page kind's own image or the default one. */
  ogImage?: string;
  ogImageAlt?: string;
  ogType?: 'website' | 'article';
  /** Structured data about the page's main subject. */
  jsonLd?: JsonLd | JsonLd[];
  /** The breadcrumb trail, home first; by default derived from the path and the title. */
  breadcrumbs?: Crumb[];
}

// ---------------------------------------------------------------------------------------------
// Share images

export const OG_IMAGE_WIDTH = 1200;
export const OG_IMAGE_HEIGHT = 630;
export const DEFAULT_OG_IMAGE = '/og/default.jpg';
export const OG_IMAGE_TYPE = 'image/jpeg';

/**
 * Kinds of page with their own share image at /og/<kind>/<slug>.jpg, each listed by
 * src/lib/share-image-jobs.ts. The page path /<kind>/<slug>/ picks its image.
 */
export const OG_IMAGE_KINDS = {
  terms: 'Glossary term',
  guides: 'Guide',
  compare: 'Comparison',
} as const;
export type OgImageKind = keyof typeof OG_IMAGE_KINDS;

/** Kinds whose images the build draws; a page of another kind uses the default image. */
export const OG_IMAGE_KINDS_BUILT: readonly OgImageKind[] = ['terms', 'guides', 'compare'];

/** Share images are rendered unless OG_IMAGES is off (or 0, false, no), for fast benchmark builds. */
export function ogImagesEnabled(env: Record<string, string | undefined> = process.env): boolean {
  const value = env.OG_IMAGES?.trim().toLowerCase();
  return !(value === 'off' || value === '0' || value === 'false' || value === 'no');
}

export function ogImagePath(kind: OgImageKind, slug: string): string {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug)) throw new Error(`not a slug for a share image: "${slug}"`);
  return `/og/${kind}/${slug}.jpg`;
}

/** The share image for a page path: its own when its kind has images and they are enabled, else the default. */
export function ogImageForPath(pathname: string, enabled: boolean, kinds: readonly OgImageKind[] = OG_IMAGE_KINDS_BUILT): string {
  const match = /^\/([a-z]+)\/([a-z0-9]+(?:-[a-z0-9]+)*)\/$/.exec(pathname);
  if (!enabled || !match) return DEFAULT_OG_IMAGE;
  const kind = match[1] as OgImageKind;
  return kinds.includes(kind) ? ogImagePath(kind, match[2]!) : DEFAULT_OG_IMAGE;
}

/** Open Graph type: an article for single pieces of content, a website for everything else. */
export function ogTypeForPath(pathname: string): 'article' | 'website' {
  return /^\/(terms|guides|compare)\/[^/]+\/$/.test(pathname) ? 'article' : 'website';
}

// ---------------------------------------------------------------------------------------------
// Breadcrumbs

export interface Crumb {
  name: string;
  /** Site path of the page. */
  path: string;
}

/** Where a page in each section sits: terms under the A-Z index (their pages name their topic instead), topics and comparisons under their own indexes. */
const SECTION_PARENTS: Record<string, Crumb> = {
  terms: { name: 'Glossary', path: '/glossary/' },
  topics: { name: 'Topics', path: '/topics/' },
  compare: { name: 'Comparisons', path: '/compare/' },
  guides: { name: 'Guides', path: '/guides/' },
};

/** The trail from the home page to this page; just the home page for the home page itself. */
export function breadcrumbTrail(pathname: string, name: string): Crumb[] {
  const home: Crumb = { name: 'Home', path: '/' };
  if (pathname === '/') return [home];
  const segments = pathname.split('/').filter(Boolean);
  const parent = segments.length > 1 ? SECTION_PARENTS[segments[0]!] : undefined;
  const trail = [home];
  if (parent && parent.path !== pathname) trail.push(parent);
  trail.push({ name: cleanText(name), path: pathname });
  return trail;
}

// ---------------------------------------------------------------------------------------------
// Structured data

export type JsonLd = WithContext<Thing>;

export function organizationId(site: string): string {
  return siteHref(site, '/#organization');
}

export function glossarySetId(site: string): string {
  return siteHref(site, '/glossary/#terms');
}

function organization(site: string): Organization {
  return { '@type': 'Organization', '@id': organizationId(site), name: SITE_NAME, url: siteHref(site, '/') };
}

export function websiteJsonLd(site: string): WithContext<WebSite> {
  const search: WithActionConstraints<SearchAction> = {
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: siteHref(site, '/search/?q={search_term_string}') },
    'query-input': 'required name=search_term_string',
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    '@id': siteHref(site, '/#website'),
    name: SITE_NAME,
    description: SITE_TAGLINE,
    url: siteHref(site, '/'),
    inLanguage: 'en',
    publisher: organization(site),
    potentialAction: search,
  };
}

export function breadcrumbJsonLd(trail: Crumb[], site: string): WithContext<BreadcrumbList> {
  if (trail.length < 2) throw new Error('a breadcrumb trail needs at least two pages');
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.name,
      item: siteHref(site, crumb.path),
    })),
  };
}

export interface TermSeoInput {
  slug: string;
  title: string;
  summary: string;
  aliases: readonly string[];
}

export const termPagePath = (slug: string): string => `/terms/${slug}/`;
export const guidePagePath = (slug: string): string => `/guides/${slug}/`;

export function definedTermJsonLd(term: TermSeoInput, site: string): WithContext<DefinedTerm> {
  const url = siteHref(site, termPagePath(term.slug));
  return {
    '@context': 'https://schema.org',
    '@type': 'DefinedTerm',
    '@id': `${url}#term`,
    name: term.title,
    description: cleanText(term.summary),
    url,
    ...(term.aliases.length > 0 ? { alternateName: [...term.aliases] } : {}),
    inDefinedTermSet: {
      '@type': 'DefinedTermSet',
      '@id': glossarySetId(site),
      name: SITE_NAME,
      url: siteHref(site, '/glossary/'),
    },
  };
}

/**
 * The glossary as a DefinedTermSet naming its terms. Each entry is kept to its name and URL:
 * the term's own page carries its description and aliases. A glossary too long for one page
 * is named in parts: the A-Z index describes the set (`terms` empty, `total` its size) and
 * each letter page lists its own terms in the same set (the same @id), so no page lists them all.
 */
export function definedTermSetJsonLd(terms: readonly TermSeoInput[], site: string, total = terms.length): WithContext<DefinedTermSet> {
  return {
    '@context': 'https://schema.org',
    '@type': 'DefinedTermSet',
    '@id': glossarySetId(site),
    name: SITE_NAME,
    description: `Plain-words definitions of ${total} outsourcing terms.`,
    url: siteHref(site, '/glossary/'),
    inLanguage: 'en',
    publisher: { '@id': organizationId(site) },
    ...(terms.length > 0
      ? {
          hasDefinedTerm: terms.map((term) => {
            const url = siteHref(site, termPagePath(term.slug));
            return { '@type': 'DefinedTerm' as const, '@id': `${url}#term`, name: term.title, url };
          }),
        }
      : {}),
  };
}

export interface GuideSeoInput {
  slug: string;
  title: string;
  summary: string;
  updated: Date;
}

export function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('invalid date');
  return date.toISOString().slice(0, 10);
}

export function articleJsonLd(guide: GuideSeoInput, site: string, imagePath: string): WithContext<Article> {
  const url = siteHref(site, guidePagePath(guide.slug));
  return {
    '@context': 'https://schema.org',
    '@type': 'Article',
    '@id': `${url}#article`,
    headline: truncateAtWord(guide.title, 110),
    description: cleanText(guide.summary),
    dateModified: isoDate(guide.updated),
    inLanguage: 'en',
    author: organization(site),
    publisher: organization(site),
    image: siteHref(site, imagePath),
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
  };
}

/**
 * JSON for a <script type="application/ld+json"> element. Every "<" (and ">", "&" and the
 * JavaScript line separators) is written as a \u escape, so no content can close the script.
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

// ---------------------------------------------------------------------------------------------
// Feed, robots.txt and sitemap

export const FEED_PATH = '/rss.xml';
export const FEED_TERM_LIMIT = 20;

export interface FeedEntry {
  title: string;
  description: string;
  link: string;
  pubDate: Date;
  categories: string[];
}

/** Every guide and the newest terms (by `updated`, newest first, then by title), newest first overall. */
export function feedEntries(
  guides: readonly GuideSeoInput[],
  terms: readonly (TermSeoInput & { updated: Date })[],
  termLimit = FEED_TERM_LIMIT,
): FeedEntry[] {
  const byDateThenTitle = (a: { updated: Date; title: string }, b: { updated: Date; title: string }) =>
    b.updated.getTime() - a.updated.getTime() || a.title.localeCompare(b.title, 'en');
  const newestTerms = [...terms].sort(byDateThenTitle).slice(0, termLimit);
  const entries = [
    ...guides.map((g) => ({ title: g.title, description: cleanText(g.summary), link: guidePagePath(g.slug), pubDate: g.updated, categories: ['Guide'] })),
    ...newestTerms.map((t) => ({ title: t.title, description: cleanText(t.summary), link: termPagePath(t.slug), pubDate: t.updated, categories: ['Term'] })),
  ];
  return entries.sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime());
}

export function robotsTxt(site: string): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${siteHref(site, '/sitemap-index.xml')}`, ''].join('\n');
}

/** Paths that are never listed in the sitemap, whatever their markup says. */
const NOT_INDEXABLE = [/^\/embed\//, /^\/og\//, /^\/pagefind\//, /^\/404(\/|\.html)?$/, /^\/500(\/|\.html)?$/];

/** Whether a path can be an indexable HTML page: a directory-style page outside embeds and images. */
export function isIndexablePath(pathname: string): boolean {
  if (!pathname.endsWith('/')) return false;
  return !NOT_INDEXABLE.some((pattern) => pattern.test(pathname));
}

/** Whether an HTML document asks search engines not to index it. */
export function hasNoindex(html: string): boolean {
  const metas = html.match(/<meta\b[^>]*>/gi) ?? [];
  return metas.some(
    (tag) => /\bname\s*=\s*["']?(robots|googlebot)["'\s>/]/i.test(tag) && /\bcontent\s*=\s*["'][^"']*\bnoindex\b/i.test(tag),
  );
}
