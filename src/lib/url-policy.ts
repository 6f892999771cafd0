/**
 * Which addresses content may use, in `sources[].url`, Markdown links and images, and the
 * href/src of HTML written in guides: `http:`, `https:`, `mailto:`, the project's `term:` links
 * and site-relative addresses (`/x`, `#x`, `x/y`). Anything else (`javascript:`, `data:`,
 * `vbscript:`, `file:`...), written in any case, with leading spaces, control or invisible
 * characters, or hidden behind character references, is refused.
 */

export interface UrlRules {
  /** Schemes allowed besides site-relative addresses (lower case, without the colon). */
  schemes: readonly string[];
  /** Whether site-relative addresses are allowed (not for sources, which must be full URLs). */
  relative: boolean;
}

export const LINK_RULES: UrlRules = { schemes: ['http', 'https', 'mailto', 'term'], relative: true };
export const IMAGE_RULES: UrlRules = { schemes: ['http', 'https'], relative: true };
export const SOURCE_RULES: UrlRules = { schemes: ['http', 'https'], relative: false };

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}]/u;
const EDGE_SPACE = /^[\s\p{White_Space}]|[\s\p{White_Space}]$/u;
const CHARACTER_REFERENCE = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const BASE = 'https://site.invalid/page/';

const describe = (rules: UrlRules) =>
  [...rules.schemes.map((s) => `${s}:`), ...(rules.relative ? ['site-relative addresses'] : [])].join(', ');

/** Why an address is refused, or undefined when it is allowed. */
export function urlProblem(url: string, rules: UrlRules = LINK_RULES): string | undefined {
  const allowed = `only ${describe(rules)} are allowed`;
  if (url.trim() === '') return 'the address is empty';
  if (CONTROL.test(url)) return `the address contains a control character; ${allowed}`;
  if (EDGE_SPACE.test(url)) return `the address starts or ends with a space; ${allowed}`;
  if (INVISIBLE.test(url)) return `the address contains an invisible character; ${allowed}`;
  if (CHARACTER_REFERENCE.test(url)) return `the address contains an HTML character reference; write the character itself (${allowed})`;
  if (url.includes('\\')) return `the address contains a backslash; ${allowed}`;
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    if (!rules.schemes.includes(scheme)) return `the "${scheme}:" scheme is not allowed; ${allowed}`;
    if (scheme === 'http' || scheme === 'https') {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return 'the address is not a valid URL';
      }
      if (!parsed.hostname) return 'the address has no host name';
    }
    return undefined;
  }
  if (!rules.relative) return `a full address is required; ${allowed}`;
  if (url.startsWith('//')) return `an address starting with "//" leaves the site; write https:// in full`;
  // A relative address must stay on the site once resolved, whatever the browser makes of it.
  try {
    if (new URL(url, BASE).origin !== new URL(BASE).origin) return `the address leaves the site; ${allowed}`;
  } catch {
    return 'the address is not a valid URL';
  }
  return undefined;
}
