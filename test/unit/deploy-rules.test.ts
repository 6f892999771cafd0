import { describe, expect, it } from 'vitest';
import { headersForPath, parseHeadersFile } from '../../src/lib/headers-file.ts';
import {
  HEADER_RULES,
  IMMUTABLE,
  acceptedEncodings,
  headersFile,
  headersFor,
  inlineScripts,
  isCompressible,
  isPrecompressed,
  MIN_PRECOMPRESS_BYTES,
  nginxConfig,
  parseRedirectsFile,
  redirectMatcher,
  redirectRules,
  redirectsFile,
  resolveRules,
  scriptHash,
  type HeaderRule,
} from '../../src/lib/deploy/index.ts';
import { localConfig } from '../../scripts/nginx-run.ts';

const PAGES = [
  { path: '/', scripts: ['theme()'] },
  { path: '/404.html', scripts: ['theme()'] },
  { path: '/terms/outsourcing/', scripts: ['theme()', 'other()'] },
  { path: '/embed/outsourcing/', scripts: ['size()', 'paint()'] },
];
const rules = resolveRules(HEADER_RULES, PAGES);
const SAMPLE_PATHS = ['/', '/404.html', '/terms/outsourcing/', '/embed/outsourcing/', '/embed.js', '/embedded/', '/_astro/a.b1c2.js', '/api/terms.json', '/oembed/x.json', '/pagefind/pagefind.js', '/glossary/', '/glossary-links/index.json'];
const lower = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
const csp = (path: string) => headersFor(rules, path)['Content-Security-Policy']!;

describe('CSP hashes from the built pages', () => {
  it('allows each page’s inline scripts in the policy that governs it, and only there', () => {
    expect(csp('/')).toContain(scriptHash('theme()'));
    expect(csp('/')).toContain(scriptHash('other()'));
    expect(csp('/')).not.toContain(scriptHash('size()'));
    expect(csp('/embed/outsourcing/')).toContain(scriptHash('size()'));
    expect(csp('/embed/outsourcing/')).toContain(scriptHash('paint()'));
    expect(csp('/embed/outsourcing/')).not.toContain(scriptHash('theme()'));
    // one hash per distinct script, not one per page
    expect(csp('/').split(scriptHash('theme()')).length).toBe(2);
  });

  it('writes script-src \'none\' when a policy has no source and no inline script', () => {
    expect(headersFor(resolveRules(HEADER_RULES, []), '/embed/x/')['Content-Security-Policy']).toContain("script-src 'none'");
  });

  it('hashes what a browser runs, not data blocks or external scripts', () => {
    const html = `<script>a()</script><script type="module">b()</script><script type="application/ld+json">{"x":1}</script><script src="/x.js"></script><SCRIPT type="text/javascript">c()</SCRIPT>`;
    expect(inlineScripts(html)).toEqual(['a()', 'b()', 'c()']);
    expect(scriptHash("document.documentElement.classList.add('js')")).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
  });

  it('refuses patterns nginx cannot express and values it cannot quote', () => {
    const bad = (rule: HeaderRule) => () => resolveRules([rule], []);
    expect(bad({ pattern: '/terms/*.json', comment: '' })).toThrow(/pattern/);
    expect(bad({ pattern: '/:slug/x', comment: '' })).toThrow(/pattern/);
    expect(bad({ pattern: '/*', comment: '', headers: { X: 'a"b' } })).toThrow(/cannot be written/);
    expect(bad({ pattern: '/*', comment: '', headers: { X: '$host' } })).toThrow(/cannot be written/);
    expect(() => resolveRules([{ pattern: '/api/*', comment: '' }], [{ path: '/x/', scripts: ['a()'] }])).toThrow(/no rule gives it/);
  });
});

describe('the rules', () => {
  it('frame only the embed views, CORS only for the API, oEmbed and the glossary-links data, immutable only under /_astro/', () => {
    for (const path of SAMPLE_PATHS) {
      const h = lower(headersFor(rules, path));
      const embed = path.startsWith('/embed/');
      expect(h['x-frame-options'], path).toBe(embed ? undefined : 'DENY');
      expect(h['content-security-policy'], path).toContain(embed ? 'frame-ancestors *' : "frame-ancestors 'none'");
      expect(h['access-control-allow-origin'], path).toBe(/^\/(api|oembed|glossary-links)\//.test(path) ? '*' : undefined);
      expect(h['cache-control'] === IMMUTABLE, path).toBe(path.startsWith('/_astro/'));
      expect(h['x-content-type-options'], path).toBe('nosniff');
    }
  });
});

describe('_headers', () => {
  it('gives every path exactly the headers of the rules, as hosts read it (`!` lines included)', () => {
    const parsed = parseHeadersFile(headersFile(rules));
    for (const path of SAMPLE_PATHS) expect(lower(headersForPath(parsed, path)), path).toEqual(lower(headersFor(rules, path)));
  });

  it('removes a header before a later overlapping rule replaces it, so no host joins two values', () => {
    const text = headersFile(rules);
    expect(text).toMatch(/\/_astro\/\*\n {2}! Cache-Control\n {2}Cache-Control: public, max-age=31536000, immutable/);
    expect(text).toMatch(/\/embed\/\*\n(?: {2}! .*\n)* {2}! Content-Security-Policy\n/);
  });
});

describe('nginx.conf', () => {
  const redirects = [
    { from: '/terms/', to: '/glossary/', status: 301 as const },
    { from: '/terms/old-name/', to: '/terms/new-name/', status: 301 as const },
    { from: '/moved', to: '/elsewhere/', status: 302 as const },
  ];
  const conf = nginxConfig(rules, redirects);
  const blocks = Object.fromEntries([...conf.matchAll(/\n {4}location (?:= )?(\S+) \{\n([\s\S]*?)\n {4}\}/g)].map((m) => [m[1]!, m[2]!]));
  const blockHeaders = (block: string) =>
    Object.fromEntries([...block.matchAll(/add_header (\S+) "([^"]*)" always;/g)].map((m) => [m[1]!.toLowerCase(), m[2]!]));

  it('restates every header of its paths in each location, with `always`', () => {
    expect(Object.keys(blocks).sort()).toEqual(['/', '/_astro/', '/api/', '/embed/', '/glossary-links/', '/oembed/']);
    for (const path of SAMPLE_PATHS) {
      const location = Object.keys(blocks).filter((l) => path.startsWith(l)).sort((a, b) => b.length - a.length)[0]!;
      expect(blockHeaders(blocks[location]!), `${path} in location ${location}`).toEqual(lower(headersFor(rules, path)));
    }
    expect(conf.match(/add_header/g)!.length).toBe(conf.match(/add_header [^\n]* always;/g)!.length);
  });

  it('has no placeholder, a 404 page, try_files, gzip_static and the redirects with their statuses', () => {
    expect(conf).not.toMatch(/…|\.\.\.|sha256-\s|TODO/);
    expect(conf).toContain('error_page 404 /404.html;');
    expect(conf).toContain('try_files $uri $uri/ =404;');
    expect(conf).toContain('gzip_static on;');
    expect(conf).toMatch(/map \$uri \$glossary_redirect_301 \{[^}]*\/terms\/old-name\/ \/terms\/new-name\/;\n {4}\/terms\/old-name \/terms\/new-name\/;/);
    expect(conf).toMatch(/map \$uri \$glossary_redirect_302 \{[^}]*\/moved \/elsewhere\/;/);
    expect(conf).toContain('return 302 $glossary_redirect_302$is_args$args;');
  });

  it('is turned into a local copy by replacing only the machine lines', () => {
    const local = localConfig(conf, { listen: '127.0.0.1:9999', root: '/tmp/site', dir: '/tmp/run' });
    expect(local).toContain('listen 127.0.0.1:9999;');
    expect(local).toContain('root /tmp/site;');
    expect(local).toContain('pid /tmp/run/nginx.pid;');
    expect(local).toContain('client_body_temp_path /tmp/run/temp/client_body;');
    const changed = local.split('\n').filter((line) => !conf.split('\n').includes(line));
    expect(changed.every((line) => /^\s*(listen|root|pid|error_log|access_log|\w+_temp_path) /.test(line)), changed.join('\n')).toBe(true);
    expect(() => localConfig(conf.replace('listen 80;', 'listen 81;'), { listen: 'x', root: 'y', dir: 'z' })).toThrow(/listen 80;/);
  });
});

describe('redirects', () => {
  const terms = [
    { slug: 'outsourcing', data: { redirectFrom: ['out-sourcing'] } },
    { slug: 'offshoring', data: {} },
  ];

  it('come from the site’s own list and the terms’ former slugs', () => {
    expect(redirectRules(terms)).toEqual([
      { from: '/terms/', to: '/glossary/', status: 301 },
      { from: '/terms/out-sourcing/', to: '/terms/outsourcing/', status: 301 },
    ]);
  });

  it('refuse a former slug that is a live term, and one address sent to two places', () => {
    expect(() => redirectRules([...terms, { slug: 'x', data: { redirectFrom: ['offshoring'] } }])).toThrow(/existing term/);
    expect(() => redirectRules(terms, [{ from: '/terms/out-sourcing/', to: '/terms/other/', status: 301 }])).toThrow(/both to/);
    expect(redirectRules(terms, [{ from: '/terms/out-sourcing/', to: '/terms/outsourcing/', status: 301 }])).toHaveLength(2);
  });

  it('round-trip through _redirects and match with or without the trailing slash', () => {
    const list = redirectRules(terms);
    expect(parseRedirectsFile(redirectsFile(list))).toEqual(list);
    const match = redirectMatcher(list);
    expect(match('/terms/out-sourcing/')?.to).toBe('/terms/outsourcing/');
    expect(match('/terms/out-sourcing')?.to).toBe('/terms/outsourcing/');
    expect(match('/terms/outsourcing/')).toBeUndefined();
    expect(() => parseRedirectsFile('/a https://evil.example/ 301')).toThrow(/line 1/);
    expect(() => parseRedirectsFile('/a /b 200')).toThrow(/not a redirect/);
  });
});

describe('encodings', () => {
  it('reads Accept-Encoding with q-values', () => {
    expect(acceptedEncodings('gzip, deflate, br, zstd', ['br', 'gzip'])).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip;q=0.5, br;q=0', ['br', 'gzip'])).toEqual(['gzip']);
    expect(acceptedEncodings('*', ['br', 'gzip'])).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('identity', ['br', 'gzip'])).toEqual([]);
    expect(acceptedEncodings(undefined, ['gzip'])).toEqual([]);
  });

  it('precompresses text files only', () => {
    for (const path of ['/a/index.html', '/_astro/x.css', '/embed.js', '/api/terms.json', '/sitemap-0.xml', '/favicon.svg', '/robots.txt']) expect(isCompressible(path), path).toBe(true);
    for (const path of ['/og/x.png', '/pagefind/index/en_1.pf_index', '/pagefind/wasm.en.pagefind', '/index.html.gz', '/_headers', '/nginx.conf', '/a.b/c']) expect(isCompressible(path), path).toBe(false);
  });

  it('precompresses text files of at least MIN_PRECOMPRESS_BYTES, which nginx would also compress on the fly', () => {
    expect(isPrecompressed('/a/index.html', MIN_PRECOMPRESS_BYTES)).toBe(true);
    expect(isPrecompressed('/a/index.html', MIN_PRECOMPRESS_BYTES - 1)).toBe(false);
    expect(isPrecompressed('/og/x.png', 1_000_000)).toBe(false);
    // Without a .gz, nginx compresses what is at least gzip_min_length long: every file left alone
    // above that length is still sent compressed.
    const conf = nginxConfig(rules, []);
    expect(conf).toMatch(/\n {2}gzip on;/);
    expect(Number(/gzip_min_length (\d+);/.exec(conf)?.[1])).toBeLessThan(MIN_PRECOMPRESS_BYTES);
  });
});
