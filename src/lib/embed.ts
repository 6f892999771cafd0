/**
 * Data for the surfaces that carry a term card off the site: the open JSON API, oEmbed, and
 * the embed code a blogger pastes (a blockquote that reads on its own plus the loader script,
 * or a plain iframe). Everything takes its figures from termCardData(); the card itself is
 * only ever rendered by TermCard.astro (in the /embed/<slug>/ view these codes point at).
 */
import { SITE_NAME } from './site.ts';
import { definitionText, termCardData, type TermCardData } from './term-card.ts';
import { EMBED_CLASS, EMBED_MAX_WIDTH, EMBED_MIN_WIDTH, embedPath, frameTitle, isEmbeddableSlug, LOADER_KEY, SLUG_INITIALS, type EmbedTheme } from './embed-protocol.ts';

/** What the API and oEmbed need from a term entry (a content collection entry fits). */
export interface EmbedTermSource {
  id: string;
  body?: string;
  data: {
    title: string;
    summary: string;
    aliases: string[];
    topic: string;
    related: string[];
  };
}

/** One term in /api/terms.json. */
export interface ApiTerm {
  slug: string;
  title: string;
  aliases: string[];
  summary: string;
  topic: string;
  /** Absolute URL of the term page. */
  url: string;
}

/** /api/terms/<slug>.json: the list record plus the definition and the related slugs. */
export interface ApiTermDetail extends ApiTerm {
  /** The definition (the body's opening paragraphs) as plain text, paragraphs split by a blank line. */
  definition: string;
  related: string[];
}

export interface ApiTermList {
  site: string;
  count: number;
  terms: ApiTerm[];
}

/** An oEmbed 1.0 response of type `rich` (https://oembed.com/, section 2.3.4). */
export interface OEmbedRich {
  type: 'rich';
  version: '1.0';
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
  cache_age: number;
}

/** Width the plain iframe code and oEmbed declare, in CSS pixels: the card's maximum width. */
export const EMBED_WIDTH = EMBED_MAX_WIDTH;
/** How long oEmbed consumers may cache a response, in seconds (a day). */
export const OEMBED_CACHE_AGE = 86_400;

/** The site's base URL without a trailing slash, from Astro.site or a string. */
export function siteBase(site: URL | string | undefined): string {
  if (site === undefined || String(site).trim() === '') {
    throw new Error('the site URL is not set: absolute embed and API URLs need `site` in astro.config.mjs');
  }
  const url = new URL(String(site));
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function absolute(path: string, site: string): string {
  return new URL(path, `${siteBase(site)}/`).href;
}

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function apiTerm(term: EmbedTermSource, site: string): ApiTerm {
  const card = termCardData(term);
  return {
    slug: term.id,
    title: term.data.title,
    aliases: [...term.data.aliases],
    summary: term.data.summary,
    topic: term.data.topic,
    url: absolute(card.path, site),
  };
}

export function apiTermDetail(term: EmbedTermSource, site: string): ApiTermDetail {
  return {
    ...apiTerm(term, site),
    definition: definitionText(term.body ?? ''),
    related: [...term.data.related],
  };
}

export function apiTermList(terms: EmbedTermSource[], site: string): ApiTermList {
  return { site: `${siteBase(site)}/`, count: terms.length, terms: terms.map((t) => apiTerm(t, site)) };
}

/** Absolute URL of a term's embed view. */
export function embedUrl(slug: string, site: string, theme?: EmbedTheme): string {
  return absolute(embedPath(slug, theme), site);
}

/** Site path of a term's record in the open API. */
export const apiTermPath = (slug: string): string => `/api/terms/${slug}.json`;

/** Site path of a term's oEmbed file. */
export const oembedPath = (slug: string): string => `/oembed/${slug}.json`;

/** Absolute URL of a term's oEmbed file. */
export function oembedUrl(slug: string, site: string): string {
  if (!isEmbeddableSlug(slug)) throw new Error(`not a term slug: ${JSON.stringify(slug)}`);
  return absolute(oembedPath(slug), site);
}

/** Options of the glossary-links script, written as data- attributes of its tag. */
export interface LinksScriptOptions {
  /** Links per post (the script's default is 20). */
  max?: number;
  /** Only terms of these topics. */
  topics?: string[];
  /** No terms of these topics. */
  excludeTopics?: string[];
  /** Open the term pages in a new tab. */
  newTab?: boolean;
}

/**
 * The one tag a blogger adds for glossary links with card previews (src/scripts/glossary-links.ts).
 * Options become data- attributes.
 */
export function linksScriptCode(site: string, options: LinksScriptOptions = {}): string {
  const attributes = [
    options.max !== undefined ? ` data-max="${Math.max(1, Math.floor(options.max))}"` : '',
    options.topics?.length ? ` data-topics="${escapeHtml(options.topics.join(','))}"` : '',
    options.excludeTopics?.length ? ` data-exclude-topics="${escapeHtml(options.excludeTopics.join(','))}"` : '',
    options.newTab ? ' data-new-tab' : '',
  ].join('');
  return `<script async src="${escapeHtml(absolute('/glossary-links.js', site))}"${attributes}></script>`;
}

/** Absolute URL of the loader script. */
export function loaderUrl(site: string): string {
  return absolute('/embed.js', site);
}

/**
 * Slugs grouped by first character, with every possible first character present (an empty
 * list where no term starts with it), so that each list script exists and the loader's
 * request for it never fails.
 */
export function termListsByInitial(slugs: string[]): Map<string, string[]> {
  const lists = new Map([...SLUG_INITIALS].map((c) => [c, [] as string[]]));
  for (const slug of slugs) {
    if (!isEmbeddableSlug(slug)) throw new Error(`not a term slug: ${JSON.stringify(slug)}`);
    lists.get(slug[0] as string)!.push(slug);
  }
  for (const list of lists.values()) list.sort();
  return lists;
}

/** The script at termListPath(): hands its slugs to the loader, and does nothing without it. */
export function termListScript(slugs: string[]): string {
  return `(function(l){l&&typeof l.known=="function"&&l.known(${JSON.stringify(slugs)})})(window[Symbol.for(${JSON.stringify(LOADER_KEY)})]);\n`;
}

// Layout figures of the embed view (src/styles/embed.css with tokens.css and term-card.css),
// used to size the plain iframe before it loads. They err on the tall side: a little empty
// space beats a scrollbar.
const BODY_PX = 17; // --step-0
const LINE = 1.6; // --leading
const CARD_CHROME = 2 * 12 + 2 * 1; // padding-block (--space-3) and borders
const CARD_INLINE = 2 * 16 + 1 + 4; // padding-inline (--space-4), right and left borders
const CHAR_EM = 0.56; // average advance of a system sans-serif, in em, rounded up
const BOLD_EM = 0.6;

function lines(text: string, widthPx: number, fontPx: number, em: number): number {
  if (!text) return 0;
  const perLine = Math.max(8, Math.floor(widthPx / (fontPx * em)));
  // Whole words wrap: count them line by line rather than dividing the length.
  let count = 1;
  let used = 0;
  for (const word of text.split(/\s+/)) {
    const need = used === 0 ? word.length : used + 1 + word.length;
    if (need > perLine && used > 0) {
      count += 1;
      used = word.length;
    } else {
      used = need;
    }
  }
  return count;
}

/** Estimated height in CSS pixels of the embed view of a card at a given frame width. */
export function estimateCardHeight(card: TermCardData, width = EMBED_WIDTH): number {
  const inner = Math.max(120, width - CARD_INLINE);
  const title = lines(card.title, inner, 20, BOLD_EM) * 20 * 1.2 + 4; // --step-1, h1 line-height 1.2, margin --space-1
  const summary = lines(card.summary, inner, BODY_PX, BOLD_EM) * BODY_PX * LINE + 8; // margin --space-2
  const definition = card.definition ? lines(card.definition, inner, BODY_PX, CHAR_EM) * BODY_PX * LINE + 8 : 0;
  const link = 14 * LINE * lines(`Read the full entry`, inner, 14, CHAR_EM); // --step--1
  const source = 14 * LINE * lines(`From the ${SITE_NAME}`, inner, 14, CHAR_EM) + 4; // attribution, margin --space-1
  return Math.ceil(CARD_CHROME + title + summary + definition + link + source + 8);
}

/**
 * The plain iframe code: no script, so a fixed height, estimated for the narrowest frame
 * (EMBED_MIN_WIDTH) so that the card is never cut on a phone; wider frames leave a little
 * transparent space below it. It grows up to EMBED_WIDTH, as the loader's frame does.
 */
export function iframeCode(card: TermCardData, site: string, options: { theme?: EmbedTheme } = {}): string {
  const height = estimateCardHeight(card, EMBED_MIN_WIDTH);
  // The frame's color-scheme matches the card's, so that the frame stays transparent around it.
  const scheme = options.theme === 'dark' ? 'dark' : options.theme === 'auto' ? 'light dark' : 'light';
  return (
    `<iframe src="${escapeHtml(embedUrl(card.slug, site, options.theme))}" title="${escapeHtml(frameTitle(card.title))}"` +
    ` width="${EMBED_WIDTH}" height="${height}" style="width:100%;max-width:${EMBED_WIDTH}px;border:0;color-scheme:${scheme}" loading="lazy"></iframe>`
  );
}

/**
 * The recommended embed code: a blockquote that reads well on its own (term name linked to
 * its page, the summary, the source), which the loader script swaps for the live card.
 */
export function embedCode(card: TermCardData, site: string, options: { theme?: EmbedTheme } = {}): string {
  const pageUrl = escapeHtml(absolute(card.path, site));
  // Light is the default: only the other two are written out.
  const theme = options.theme === 'dark' || options.theme === 'auto' ? ` data-theme="${options.theme}"` : '';
  return [
    `<blockquote class="${EMBED_CLASS}" data-term="${escapeHtml(card.slug)}"${theme} cite="${pageUrl}">`,
    `  <p><strong><a href="${pageUrl}">${escapeHtml(card.title)}</a></strong>: ${escapeHtml(card.summary)}</p>`,
    `  <p>From the <a href="${escapeHtml(`${siteBase(site)}/`)}">${escapeHtml(SITE_NAME)}</a></p>`,
    `</blockquote>`,
    `<script async src="${escapeHtml(loaderUrl(site))}"></script>`,
  ].join('\n');
}

/**
 * The oEmbed response for a term. Its `html` is the blockquote-and-script code (as the big
 * providers serve theirs): the card sizes itself at any width, and reads as a quote where the
 * consumer strips scripts. `height` is for consumers that frame the html at a fixed size: the
 * card's height at the narrowest width, so that nothing is cut.
 */
export function oembed(card: TermCardData, site: string): OEmbedRich {
  return {
    type: 'rich',
    version: '1.0',
    title: card.title,
    provider_name: SITE_NAME,
    provider_url: `${siteBase(site)}/`,
    html: embedCode(card, site),
    width: EMBED_WIDTH,
    height: estimateCardHeight(card, EMBED_MIN_WIDTH),
    cache_age: OEMBED_CACHE_AGE,
  };
}
