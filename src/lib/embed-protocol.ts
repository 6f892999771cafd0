/**
 * What the embed loader (src/scripts/embed-loader.ts, shipped to other sites as /embed.js) and
 * the embed view (/embed/<slug>/) agree on: which slugs may be embedded, where the view lives,
 * how the frame is titled, and the one message the view sends its parent page.
 *
 * The loader bundles this module, so it stays tiny and imports nothing heavy.
 */

/** Class that marks a blockquote for the loader. */
export const EMBED_CLASS = 'glossary-embed';

/** `type` of the message an embed view posts to the page that frames it. */
export const HEIGHT_MESSAGE = 'glossary-embed:height';

/** A card is never taller than this; anything above is a bogus message. */
export const MAX_EMBED_HEIGHT = 4000;

export const EMBED_THEMES = ['light', 'dark', 'auto'] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];

/**
 * Key of the loader's one global, `window[Symbol.for(LOADER_KEY)]`: `scan()` to look for new
 * blockquotes, `known()` for term lists. A symbol, not a name: a host element with
 * `id="glossaryEmbed"` shows up as `window.glossaryEmbed` and would shadow a named global.
 */
export const LOADER_KEY = 'glossaryEmbed';

/**
 * The narrowest a card is laid out for, and the widest it grows: the plain iframe code is
 * sized for the first, and both embed codes stop growing at the second.
 */
export const EMBED_MIN_WIDTH = 320;
export const EMBED_MAX_WIDTH = 600;

/** First characters a slug can start with; the term list is split into one script per character. */
export const SLUG_INITIALS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** The site's name as it appears in frame titles; the same string as SITE_NAME in site.ts. */
export const PROVIDER_NAME = 'Outsourcing Glossary';

const EMBED_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG_LENGTH = 120;

/** True for a string shaped like a term slug (lowercase words joined by single hyphens). */
export function isEmbeddableSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_SLUG_LENGTH && EMBED_SLUG.test(value);
}

function checkSlug(slug: string): string {
  if (!isEmbeddableSlug(slug)) throw new Error(`not a term slug: ${JSON.stringify(slug)}`);
  return slug;
}

export function isEmbedTheme(value: unknown): value is EmbedTheme {
  return typeof value === 'string' && (EMBED_THEMES as readonly string[]).includes(value);
}

/**
 * Site-relative address of a term's embed view. A card is light unless asked otherwise: `dark`
 * pins the dark theme, `auto` follows the reader's system; anything else is light.
 */
export function embedPath(slug: string, theme?: string | null): string {
  const path = `/embed/${checkSlug(slug)}/`;
  return theme === 'dark' || theme === 'auto' ? `${path}?theme=${theme}` : path;
}

/**
 * Site-relative address of the script listing the terms whose slugs start like this one.
 * The loader asks it before framing a card, so an unknown slug never gets a frame (and never
 * a 404 on the blogger's page). It is a script, not JSON, because a blogger's Content
 * Security Policy that lets our script and frames in usually blocks fetch() to our origin.
 */
export function termListPath(slug: string): string {
  return `/embed/terms-${checkSlug(slug)[0]}.js`;
}

/** The accessible title of an embed frame. */
export function frameTitle(termTitle: string): string {
  return `${termTitle}: definition from the ${PROVIDER_NAME}`;
}

/** The message an embed view sends; `height` is the card document's height in CSS pixels. */
export interface HeightMessage {
  type: typeof HEIGHT_MESSAGE;
  slug: string;
  height: number;
}

/**
 * The height carried by a message, when the message is a well-formed height report for the
 * expected slug; undefined for anything else (wrong type, other slug, a non-finite, negative,
 * zero or absurd height, or not an object at all). Rounded up to a whole pixel.
 */
export function heightFromMessage(data: unknown, slug: string): number | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const message = data as Record<string, unknown>;
  if (message.type !== HEIGHT_MESSAGE || message.slug !== slug) return undefined;
  const height = message.height;
  if (typeof height !== 'number' || !Number.isFinite(height) || height < 1 || height > MAX_EMBED_HEIGHT) return undefined;
  return Math.ceil(height);
}
