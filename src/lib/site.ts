/** Site-wide facts: the name, the public URL and how page titles are built. */
export const SITE_NAME = 'Outsourcing Glossary';
export const SITE_TAGLINE = 'Plain-words definitions of outsourcing, offshoring, homeshoring and their neighbours.';
export const DEFAULT_SITE_URL = 'https://outsourcing-glossary.org';

/** The public origin, from SITE_URL when set; always without a trailing slash. */
export function siteUrl(env: Record<string, string | undefined> = process.env): string {
  const raw = env.SITE_URL?.trim() || DEFAULT_SITE_URL;
  const url = new URL(raw);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

export function absoluteUrl(path: string, base: string): string {
  return new URL(path, `${base}/`).href;
}

export function pageTitle(title: string | undefined): string {
  return title ? `${title} | ${SITE_NAME}` : `${SITE_NAME}: ${SITE_TAGLINE.replace(/\.$/, '')}`;
}
