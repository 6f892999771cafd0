/** Site-wide facts: the name, the public URL and how page titles are built. */
export const SITE_NAME = 'Outsourcing Glossary';
export const SITE_TAGLINE = 'Plain-words definitions of outsourcing, offshoring, homeshoring and their neighbors.';
export const DEFAULT_SITE_URL = 'https://outsourcing-glossary.org';

/** The public origin, from SITE_URL when set; always without a trailing slash. */
export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  const raw = env.SITE_URL?.trim() || DEFAULT_SITE_URL;
  const url = new URL(raw);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** Search results show about 60 characters of a title; a page's own title is fitted to that. */
export const TITLE_MAX = 60;
export const TITLE_SEPARATOR = ' | ';
export const HOME_TITLE = `${SITE_NAME}: outsourcing terms in plain words`;

/** Collapses runs of whitespace (and control characters) to single spaces and trims. */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Cuts text at the last word boundary that keeps it within `max` characters, ellipsis included. */
export function truncateAtWord(text: string, max: number): string {
  const clean = cleanText(text);
  if (clean.length <= max) return clean;
  if (max < 2) throw new RangeError(`cannot shorten text to ${max} characters`);
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // Keep whole words when there are enough of them; otherwise cut inside the one long word.
  const kept = space > max / 3 ? cut.slice(0, space) : cut;
  return `${kept.replace(/[\s,;:.\-–—(]+$/, '')}…`;
}

const SUBTITLE = /: | – | — /;

/** The main part of a title, before any subtitle: "Offshoring: definition and examples" gives "Offshoring". */
export function shortTitle(title: string): string {
  const clean = cleanText(title);
  const subtitle = clean.search(SUBTITLE);
  return subtitle > 0 ? clean.slice(0, subtitle) : clean;
}

/**
 * A page's own title in at most `max` characters: as given when it fits; otherwise its main
 * part (dropping a subtitle such as ": definition and examples") when that fits; otherwise cut
 * at a word boundary with an ellipsis.
 */
export function fitTitle(title: string, max = TITLE_MAX): string {
  const clean = cleanText(title);
  if (!clean) throw new Error('a page title cannot be empty');
  if (clean.length <= max) return clean;
  const main = shortTitle(clean);
  if (main.length < clean.length && main.length <= max) return main;
  return truncateAtWord(clean, max);
}

/** The document <title>: the page's fitted title and the site name, or the home page's own title. */
export function pageTitle(title: string | undefined): string {
  return title === undefined ? HOME_TITLE : `${fitTitle(title)}${TITLE_SEPARATOR}${SITE_NAME}`;
}
