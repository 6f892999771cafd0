/**
 * THE response rules of the site: security headers, framing, CORS, caching and redirects.
 * Nothing else states them. The build turns them into dist/_headers (Netlify, Cloudflare
 * Pages, and the local Node server), dist/_redirects and dist/nginx.conf
 * (src/integrations/deploy-files.ts); test/build/deploy-files.test.ts fails when those files
 * differ from what these rules produce now.
 *
 * A rule applies to the paths its pattern matches: `/*` (every path), `/prefix/*` (every path
 * under /prefix/), or one exact path. Rules apply in order; a later rule's header replaces an
 * earlier one of the same name, and `remove` drops one. Only those pattern shapes are allowed,
 * so that nginx's prefix locations (longest prefix wins) can express the same thing.
 *
 * Content-Security-Policy is written as directives; the build adds to its `script-src` the
 * sha256 of every inline script of the built pages the rule governs (the pages whose policy
 * this rule sets), so the policy never needs a hand-copied hash.
 */

export type CspDirectives = Readonly<Record<string, readonly string[]>>;

export interface HeaderRule {
  pattern: string;
  /** What this group is for: written as a comment above it in _headers and nginx.conf. */
  comment: string;
  headers?: Readonly<Record<string, string>>;
  /** Headers an earlier rule set that do not apply here. */
  remove?: readonly string[];
  /** Content-Security-Policy, completed with the hashes of the governed pages' inline scripts. */
  csp?: CspDirectives;
}

export interface Redirect {
  from: string;
  to: string;
  status: 301 | 302 | 307 | 308;
}

/** Year-long caching for files whose name changes with their content. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else may be kept, but is checked with the server (ETag/Last-Modified) before each use: no stale page after a release. */
export const REVALIDATE = 'public, max-age=0, must-revalidate';

export const HEADER_RULES: readonly HeaderRule[] = [
  {
    pattern: '/*',
    comment:
      "Security, every path. Scripts and styles are files of this origin; the only inline scripts are allowed by their hashes. 'wasm-unsafe-eval' lets Pagefind's search index (WebAssembly) run. No page may be framed by another site (clickjacking).",
    csp: {
      'default-src': ["'self'"],
      'script-src': ["'self'", "'wasm-unsafe-eval'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'frame-src': ["'self'"],
      'worker-src': ["'self'"],
      'manifest-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    },
    headers: {
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Permissions-Policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cache-Control': REVALIDATE,
    },
  },
  {
    pattern: '/_astro/*',
    comment: 'Caching: the fingerprinted build assets never change under the same name.',
    headers: { 'Cache-Control': IMMUTABLE },
  },
  {
    pattern: '/embed/*',
    comment:
      'Framing: the embed views exist to be framed by blogs. Their own policy: nothing but their styles, images and their two inline scripts (by hash); not indexed.',
    remove: ['X-Frame-Options', 'Cross-Origin-Opener-Policy'],
    csp: {
      'default-src': ["'none'"],
      'script-src': [],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:'],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ['*'],
    },
    headers: { 'X-Robots-Tag': 'noindex' },
  },
  {
    pattern: '/api/*',
    comment: 'Open data: the JSON API is readable from any origin.',
    headers: { 'Access-Control-Allow-Origin': '*' },
  },
  {
    pattern: '/oembed/*',
    comment: 'Open data: oEmbed answers are readable from any origin.',
    headers: { 'Access-Control-Allow-Origin': '*' },
  },
  {
    pattern: '/glossary-links/*',
    comment:
      "Tools for bloggers: the glossary-links script's index and cards, fetched from blogs (their connect-src names our origin). Their names stay from build to build, so readers revalidate them after an hour.",
    headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=3600' },
  },
];

/**
 * Redirects of the site itself, whatever the content: /terms/ has no page of its own (a reader
 * who trims a term's address lands there), the A-Z list is its index.
 */
export const SITE_REDIRECTS: readonly Redirect[] = [{ from: '/terms/', to: '/glossary/', status: 301 }];

/** The part of a term the redirects need: its slug and the optional `redirectFrom` frontmatter field. */
export interface RedirectingTerm {
  slug: string;
  data: { redirectFrom?: readonly string[] | undefined };
}

/**
 * Every redirect of the build: the site's own, then one per old slug a term lists in
 * `redirectFrom` (/terms/<old>/ -> /terms/<slug>/). `extra` takes more (alias redirects).
 * Throws when two redirects leave the same address for different places, or when one leaves
 * the address of a page that exists.
 */
export function redirectRules(terms: readonly RedirectingTerm[], extra: readonly Redirect[] = []): Redirect[] {
  const slugs = new Set(terms.map((t) => t.slug));
  const out = new Map<string, Redirect>();
  const add = (redirect: Redirect) => {
    const seen = out.get(redirect.from);
    if (seen && (seen.to !== redirect.to || seen.status !== redirect.status)) {
      throw new Error(`redirects: ${redirect.from} goes both to ${seen.to} and to ${redirect.to}`);
    }
    out.set(redirect.from, redirect);
  };
  for (const redirect of SITE_REDIRECTS) add(redirect);
  for (const term of [...terms].sort((a, b) => a.slug.localeCompare(b.slug))) {
    for (const old of term.data.redirectFrom ?? []) {
      if (slugs.has(old)) throw new Error(`terms/${term.slug}: field "redirectFrom": "${old}" is the slug of an existing term`);
      add({ from: `/terms/${old}/`, to: `/terms/${term.slug}/`, status: 301 });
    }
  }
  for (const redirect of extra) add(redirect);
  return [...out.values()];
}
