/**
 * The built site as users get it, against both servers it runs behind: the project's Node
 * server (npm run serve, the other browser tests) and real nginx with the build's own
 * dist/nginx.conf (scripts/nginx-run.ts). The same assertions for both, so they cannot drift.
 * Expected headers come from the single source, src/lib/deploy/rules.ts, with the hashes of
 * the built pages' inline scripts. nginx missing is a failure (one line), never a skip.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { startStaticServer } from '../../scripts/static-server.ts';
import { startNginx } from '../../scripts/nginx-run.ts';
import { pageScripts } from '../../src/integrations/deploy-files.ts';
import { HEADER_RULES, IMMUTABLE, MIN_PRECOMPRESS_BYTES, headersFor, parseRedirectsFile, resolveRules, type ResolvedRule } from '../../src/lib/deploy/index.ts';
import { launchChromium } from '../support/browser.ts';
import { distDir } from '../support/dist.ts';
import { ensureNginx } from '../support/nginx.ts';
import { fetchRaw, type Reply } from '../support/server-process.ts';

const dir = distDir();
const first = (folder: string, test: (name: string) => boolean = () => true) => {
  const name = readdirSync(join(dir, folder)).filter(test).sort()[0];
  if (!name) throw new Error(`nothing in dist/${folder}`);
  return name;
};
/** The largest stylesheet: a tiny one can come out larger gzipped than plain. */
const largestCss = () =>
  readdirSync(join(dir, '_astro'))
    .filter((n) => n.endsWith('.css'))
    .sort((a, b) => statSync(join(dir, '_astro', b)).size - statSync(join(dir, '_astro', a)).size)[0]!;
const plain = (name: string) => !/\.(gz|br)$/.test(name);
/** A glossary-links card too small for precompressed copies (src/lib/deploy/mime.ts). */
const smallCard = () => first('glossary-links/cards', (n) => n.endsWith('.json') && statSync(join(dir, 'glossary-links/cards', n)).size < MIN_PRECOMPRESS_BYTES);
// A real term: its embed view exists too (the other folders under terms/ are alias redirects).
const term = first('embed', (n) => !n.includes('.') && existsSync(join(dir, 'terms', n, 'index.html')));
const HTML = 'text/html; charset=utf-8';
const JS = 'text/javascript; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

/** One address of every kind of route, and the Content-Type it must have (written out, not taken from the servers' shared table). */
const ROUTES: [string, string][] = [
  ['/', HTML],
  [`/terms/${term}/`, HTML],
  [`/guides/${first('guides', (n) => !n.includes('.'))}/`, HTML],
  ['/glossary/', HTML],
  [`/topics/${first('topics', (n) => !n.includes('.'))}/`, HTML],
  [`/compare/${first('compare', (n) => !n.includes('.'))}/`, HTML],
  ['/calculator/', HTML],
  ['/search/', HTML],
  ['/404.html', HTML],
  [`/embed/${term}/`, HTML],
  ['/embed/terms-a.js', JS],
  ['/embed.js', JS],
  ['/search-ui.js', JS],
  [`/_astro/${first('_astro', (n) => n.endsWith('.js'))}`, JS],
  [`/_astro/${first('_astro', (n) => n.endsWith('.css'))}`, 'text/css; charset=utf-8'],
  ['/api/terms.json', JSON_TYPE],
  [`/api/terms/${term}.json`, JSON_TYPE],
  [`/oembed/${term}.json`, JSON_TYPE],
  [`/og/terms/${first('og/terms', plain)}`, 'image/jpeg'],
  ['/rss.xml', 'application/xml; charset=utf-8'],
  ['/sitemap-index.xml', 'application/xml; charset=utf-8'],
  ['/robots.txt', 'text/plain; charset=utf-8'],
  ['/favicon.svg', 'image/svg+xml'],
  ['/pagefind/pagefind.js', JS],
  ['/pagefind/pagefind-entry.json', JSON_TYPE],
  [`/pagefind/${first('pagefind', (n) => n.endsWith('.pf_meta'))}`, 'application/octet-stream'],
  ['/pagefind/wasm.en.pagefind', 'application/octet-stream'],
];

/** Addresses that must answer the 404 page, with status 404 and the headers of /404.html. */
const MISSING = ['/no-such-page/', '/terms/no-such-term/', '/embed/no-such-term/', '/_astro/missing.abc123.js', '/api/missing.json', '/oembed/missing.json', '/.env', '/_headers', '/_redirects', '/nginx.conf'];

const REDIRECTS = parseRedirectsFile(readFileSync(join(dir, '_redirects'), 'utf8'));

let rules: ResolvedRule[];
/** Every header name some rule sets: a response must carry exactly the ones its rules give. */
let managed: string[];
const expectedHeaders = (path: string) => Object.fromEntries(Object.entries(headersFor(rules, path)).map(([n, v]) => [n.toLowerCase(), v]));

function expectRuleHeaders(reply: Reply, rulePath: string, what: string) {
  const expected = expectedHeaders(rulePath);
  for (const name of managed) expect(reply.headers[name], `${name} on ${what} (${reply.status})`).toBe(expected[name]);
}

interface Target {
  name: string;
  /** Whether it sends the build's .br copies (Debian's nginx has no brotli module). */
  sendsBrotli: boolean;
  start(): Promise<{ url: string; stop(): Promise<void> }>;
}

const TARGETS: Target[] = [
  {
    name: 'the Node server',
    sendsBrotli: true,
    async start() {
      const server = await startStaticServer({ root: dir });
      return { url: server.url, stop: () => server.close() };
    },
  },
  {
    name: 'nginx with dist/nginx.conf',
    sendsBrotli: false,
    async start() {
      ensureNginx();
      const server = await startNginx({ root: dir });
      return { url: server.url, stop: () => server.stop() };
    },
  },
];

let browser: Browser;
beforeAll(async () => {
  rules = resolveRules(HEADER_RULES, await pageScripts(dir));
  managed = [...new Set(rules.flatMap((rule) => rule.set.map(([name]) => name.toLowerCase())))];
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

describe.each(TARGETS)('behind $name', (target) => {
  let url: string;
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ url, stop } = await target.start());
  });
  afterAll(async () => stop?.());
  const get = (path: string, headers: Record<string, string> = {}) => fetchRaw(url, path, { headers });

  it.each(ROUTES)('%s answers 200 as %s, with every header of its rules', async (path, type) => {
    const reply = await get(path);
    expect(reply.status, path).toBe(200);
    expect(reply.headers['content-type']).toBe(type);
    expect(reply.body.length).toBeGreaterThan(0);
    expectRuleHeaders(reply, path, path);
  });

  it('lets only the embed views be framed, and caches only fingerprinted files as immutable', async () => {
    for (const [path] of ROUTES) {
      const { headers } = await get(path);
      const embed = path.startsWith('/embed/');
      expect(headers['x-frame-options'], path).toBe(embed ? undefined : 'DENY');
      expect(headers['content-security-policy'], path).toContain(embed ? 'frame-ancestors *' : "frame-ancestors 'none'");
      expect(headers['cache-control'] === IMMUTABLE, path).toBe(path.startsWith('/_astro/'));
      expect(headers['access-control-allow-origin'], path).toBe(/^\/(api|oembed)\//.test(path) ? '*' : undefined);
    }
  });

  it.each(MISSING)('%s answers the 404 page with status 404 and the headers of /404.html', async (path) => {
    const reply = await get(path);
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toBe(HTML);
    expect(reply.body.toString()).toContain(readFileSync(join(dir, '404.html'), 'utf8').match(/<title>([^<]*)<\/title>/)![1]);
    expectRuleHeaders(reply, '/404.html', `404 for ${path}`);
  });

  it('redirects every address of _redirects with its status, with or without the trailing slash, keeping the query', async () => {
    expect(REDIRECTS.length).toBeGreaterThan(0);
    for (const redirect of REDIRECTS) {
      for (const from of [redirect.from, redirect.from.replace(/(.)\/$/, '$1')]) {
        const reply = await get(from);
        expect(reply.status, from).toBe(redirect.status);
        expect(reply.headers.location, from).toBe(redirect.to);
        expectRuleHeaders(reply, from, `redirect ${from}`);
      }
      expect((await get(`${redirect.from}?ref=x`)).headers.location).toBe(`${redirect.to}?ref=x`);
    }
  });

  it('adds the trailing slash to a page’s address with a 301 to a path on the same site', async () => {
    const reply = await get(`/terms/${term}?ref=x`);
    expect(reply.status).toBe(301);
    expect(reply.headers.location).toBe(`/terms/${term}/?ref=x`);
    expectRuleHeaders(reply, `/terms/${term}`, 'slash redirect');
  });

  it.each([`/terms/${term}/`, '/api/terms.json', `/_astro/${largestCss()}`, '/pagefind/pagefind.js', '/embed.js'])(
    '%s is sent gzip-compressed when asked, the same bytes, with Vary: Accept-Encoding',
    async (path) => {
      const plainReply = await get(path);
      const gzipped = await get(path, { 'Accept-Encoding': 'gzip' });
      expect(plainReply.headers['content-encoding']).toBeUndefined();
      expect(gzipped.status).toBe(200);
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gzipped.headers.vary).toMatch(/accept-encoding/i);
      expect(plainReply.headers.vary).toMatch(/accept-encoding/i);
      expect(gzipped.headers['content-type']).toBe(plainReply.headers['content-type']);
      expect(gunzipSync(gzipped.body).equals(plainReply.body)).toBe(true);
      expect(gzipped.body.length).toBeLessThan(plainReply.body.length);
      expectRuleHeaders(gzipped, path, `${path} gzip`);
    },
  );

  it('sends a text file too small for precompressed copies with the same bytes, whole or compressed on the fly', async () => {
    const path = `/glossary-links/cards/${smallCard()}`;
    expect(existsSync(join(dir, `${path}.gz`)) || existsSync(join(dir, `${path}.br`))).toBe(false);
    const plainReply = await get(path);
    const asked = await get(path, { 'Accept-Encoding': 'gzip, br' });
    expect(plainReply.status).toBe(200);
    expect(asked.status).toBe(200);
    expect(plainReply.headers['content-encoding']).toBeUndefined();
    // nginx compresses it on the fly (gzip on), the Node server sends it as it is.
    const encoding = asked.headers['content-encoding'];
    expect([undefined, 'gzip']).toContain(encoding);
    if (encoding) expect(asked.headers.vary).toMatch(/accept-encoding/i);
    expect((encoding ? gunzipSync(asked.body) : asked.body).equals(plainReply.body)).toBe(true);
    expect(asked.headers['content-type']).toBe(JSON_TYPE);
    expectRuleHeaders(asked, path, `${path} small`);
  });

  it.each(['/pagefind/wasm.en.pagefind', `/pagefind/${first('pagefind', (n) => n.endsWith('.pf_meta'))}`])(
    '%s is sent as stored (gzip inside), or compressed as a whole: brotli of its content where the server sends the .br, else the .gz where there is one',
    async (path) => {
      const plainReply = await get(path);
      const asked = await get(path, { 'Accept-Encoding': 'gzip, br' });
      expect(plainReply.status).toBe(200);
      expect(asked.status).toBe(200);
      expect(plainReply.headers['content-encoding']).toBeUndefined();
      expect(plainReply.body.equals(readFileSync(join(dir, path)))).toBe(true);
      const expected = target.sendsBrotli ? 'br' : existsSync(join(dir, `${path}.gz`)) ? 'gzip' : undefined;
      expect(asked.headers['content-encoding']).toBe(expected);
      if (expected) {
        expect(asked.headers.vary).toMatch(/accept-encoding/i);
        // What Pagefind's loader reads once the browser has undone the encoding: the stored file's content.
        const decoded = expected === 'br' ? brotliDecompressSync(asked.body) : gunzipSync(asked.body);
        expect(decoded.equals(gunzipSync(plainReply.body))).toBe(true);
        expect(asked.body.length).toBeLessThan(plainReply.body.length);
      } else {
        expect(asked.body.equals(plainReply.body)).toBe(true);
      }
      expect(asked.headers['content-type']).toBe('application/octet-stream');
      expectRuleHeaders(asked, path, `${path} compressed`);
    },
  );

  describe('in Chromium, under this server’s Content-Security-Policy', () => {
    async function open(path: string) {
      const context = await browser.newContext({ baseURL: url });
      const page = await context.newPage();
      const violations: string[] = [];
      await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (e) =>
          (window as unknown as { reportCspViolation(t: string): void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
        ),
      );
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      const response = await page.goto(path);
      return { page, violations, response, close: () => context.close() };
    }

    it('runs the calculator with zero CSP violations', async () => {
      const { page, violations, close } = await open('/calculator/');
      await page.waitForSelector('worth-calculator[data-live]');
      await page.getByLabel('Yearly income').fill('300,000');
      await expect(page.locator('worth-calculator [data-out="hourly"]').first().textContent()).resolves.toBe('$150');
      expect(await page.evaluate(() => document.documentElement.classList.contains('js'))).toBe(true);
      expect(violations).toEqual([]);
      await close();
    });

    it('searches with zero CSP violations, Pagefind’s wasm module and metadata arriving compressed as this server sends them', async () => {
      const { page, violations, close } = await open('/search/?q=homeshoring');
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      await page.waitForFunction(() => /^\d+ results? for “homeshoring”\.$/.test(document.querySelector('#search-status')?.textContent ?? ''));
      await expect(page.locator('#search-results .search-result h2').first().textContent()).resolves.toMatch(/Homeshoring/);
      expect(errors).toEqual([]);
      expect(violations).toEqual([]);
      await close();
    });

    it('switches and remembers the theme with zero CSP violations (the inline theme script runs by its hash)', async () => {
      const { page, violations, close } = await open(`/terms/${term}/`);
      const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
      // The control cycles system -> light -> dark: dark within three clicks, and kept on reload.
      for (let i = 0; i < 3 && (await theme()) !== 'dark'; i++) await page.locator('.theme-toggle').click();
      expect(await theme()).toBe('dark');
      await page.reload();
      expect(await theme()).toBe('dark');
      expect(violations).toEqual([]);
      await close();
    });

    it('runs the embed view’s inline scripts, and the 404 page’s under /embed/, with zero CSP violations', async () => {
      const embed = await open(`/embed/${term}/?theme=dark`);
      expect(await embed.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      expect(embed.violations).toEqual([]);
      await embed.close();
      const missing = await open('/embed/no-such-term/');
      expect(missing.response?.status()).toBe(404);
      expect(await missing.page.evaluate(() => document.documentElement.classList.contains('js'))).toBe(true);
      expect(missing.violations).toEqual([]);
      await missing.close();
    });
  });
});
