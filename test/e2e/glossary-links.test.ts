/**
 * The glossary-links script (/glossary-links.js) on a blogger's page, in Chromium. Our site is
 * served by openSite(); the blog by a second server on another port, so another origin, under a
 * strict Content-Security-Policy that allows only our origin for scripts, connections and frames,
 * and reports any violation to the blog server.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { openSite, type SiteSession } from '../support/browser.ts';
import { buildLinksIndex, bucketPath, cardPath, type CardNode } from '../../src/lib/links-index.ts';

let site: SiteSession;
let blog: { url: string; server: Server };
const blogPages = new Map<string, string>();
const cspReports: string[] = [];
/** Generous: the machine running the tests may be busy. */
const POLL = { timeout: 10_000 };

function csp(ours: string): string {
  return `default-src 'none'; script-src ${ours}; connect-src ${ours}; frame-src ${ours}; style-src 'unsafe-inline'; report-uri /csp-report`;
}

/** The untouchable places, each holding a mention of a term. */
const UNTOUCHED = `
<h2 id="heading">Outsourcing in a heading</h2>
<p id="in-link">Read <a href="https://example.com/">about offshoring here</a>.</p>
<p id="in-code">Run <code>outsourcing --now</code> and</p>
<pre id="in-pre">offshoring
</pre>
<div id="editable" contenteditable="true">Outsourcing in an editable area</div>
<p id="skipped" data-glossary-skip>Outsourcing marked to skip</p>
<p id="button-wrap"><button type="button">Offshoring button</button></p>`;

function post({ script = '', head = '', body = '' }: { script?: string; head?: string; body?: string } = {}): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>My post</title>
<style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto;line-height:1.5} a{font-weight:700;letter-spacing:.05em;padding:0 2px}</style>${head}</head><body>
<header><p>Outsourcing in the site header, outside the post.</p></header>
<article data-outsourcing-glossary>
<h1>What I learned</h1>
${UNTOUCHED}
<p id="para">Last year we tried outsourcing the books, then offshoring the support desk. Outsourcing again later was easier.
A virtual assistant helped too. <span id="mark">The end.</span></p>
${body}
</article>
<script async src="${site.server.url}/glossary-links.js"${script}></script>
</body></html>`;
}

/** Records layout shifts and CSP violations from the start of the page (init scripts run before any page script). */
const OBSERVE = () => {
  const w = window as unknown as { __cls: number; __violations: string[] };
  w.__cls = 0;
  w.__violations = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
      if (!entry.hadRecentInput) w.__cls += entry.value;
    }
  }).observe({ type: 'layout-shift', buffered: true });
  document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  // Where the text after the mentions stood before any link existed.
  document.addEventListener('DOMContentLoaded', () => {
    const mark = document.getElementById('mark')?.getBoundingClientRect();
    (window as unknown as { __mark?: number[] }).__mark = mark && [mark.x, mark.y];
  });
};

async function openPost(path: string, options: BrowserContextOptions = {}) {
  const session = await site.newPage(options);
  const requests: string[] = [];
  session.page.on('request', (r) => requests.push(r.url()));
  session.page.on('dialog', (d) => {
    session.errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await session.page.addInitScript(OBSERVE);
  // The index arrives well after the first paint, as on a real network: any layout change the
  // links make then counts as a shift.
  await session.page.route(`${site.server.url}/glossary-links/index.json`, async (route) => {
    await new Promise((done) => setTimeout(done, 700));
    await route.continue();
  });
  await session.page.goto(`${blog.url}${path}`);
  await expect.poll(() => session.page.locator('a.outsourcing-glossary-link').count(), POLL).toBeGreaterThan(0);
  return { ...session, requests };
}

const popover = (page: Page) => page.locator('#outsourcing-glossary-popover [role="tooltip"]');

async function clean(page: Page, errors: string[]) {
  await page.waitForTimeout(300);
  expect(errors).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBe(0);
  // Text split into new nodes is not a "shift" to the Layout Instability API: compare the text
  // that follows the links directly.
  const mark = await page.evaluate(() => {
    const now = document.getElementById('mark')?.getBoundingClientRect();
    return { before: (window as unknown as { __mark?: number[] }).__mark, after: now && [now.x, now.y] };
  });
  // (Within half a pixel: kerning across the new node boundaries moves text by hundredths.)
  if (mark.before) mark.before.forEach((v, i) => expect(Math.abs(mark.after![i]! - v)).toBeLessThan(0.5));
  expect(cspReports).toEqual([]);
}

beforeAll(async () => {
  site = await openSite();
  blogPages.set('/post.html', post());
  blogPages.set('/post-options.html', post({ script: ' data-max="1" data-new-tab' }));
  blogPages.set('/post-topics.html', post({ script: ' data-exclude-topics="models"' }));
  blogPages.set('/post-unset.html', post({ head: '<style>* { all: unset }</style>' }));
  blogPages.set('/post-unset-important.html', post({ head: '<style>* { all: unset !important }</style>' }));
  blogPages.set('/post-no-links.html', post({ head: '<style>article a { display: none } a { display: none !important }</style>' }));
  blogPages.set('/post-hostile.html', post({ body: '<p id="gizmo">Our gizmo is new.</p>' }));
  blogPages.set('/post-trusted-types.html', post());
  blogPages.set('/post-plain.html', post().replace(' data-outsourcing-glossary', ''));
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    if (path === '/csp-report') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        cspReports.push(body);
        res.writeHead(204).end();
      });
      return;
    }
    const html = blogPages.get(path);
    if (!html) return void res.writeHead(404).end();
    const trustedTypes = path === '/post-trusted-types.html' ? "; require-trusted-types-for 'script'; trusted-types 'none'" : '';
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp(site.server.url) + trustedTypes });
    res.end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('blog server has no address');
  blog = { url: `http://127.0.0.1:${address.port}`, server };
});

afterAll(async () => {
  await site?.close();
  await new Promise((done) => (blog ? blog.server.close(done) : done(undefined)));
});

describe('glossary links on another origin under a strict CSP', () => {
  it('links the first mention of each term in the post, and nothing in links, headings, code, forms or editable areas', async () => {
    const before = await (async () => {
      const { page } = await site.newPage({ javaScriptEnabled: false });
      await page.goto(`${blog.url}/post.html`);
      const html = await page.evaluate(() =>
        ['heading', 'in-link', 'in-code', 'in-pre', 'editable', 'skipped', 'button-wrap'].map((id) => document.getElementById(id)!.outerHTML),
      );
      await page.close();
      return html;
    })();
    const { page, errors, requests } = await openPost('/post.html');
    const links = await page.$$eval('a.outsourcing-glossary-link', (as) =>
      as.map((a) => ({ text: a.textContent, href: (a as HTMLAnchorElement).href, parent: a.parentElement!.id, target: (a as HTMLAnchorElement).target })),
    );
    expect(links).toEqual([
      { text: 'outsourcing', href: `${site.server.url}/terms/outsourcing/`, parent: 'para', target: '' },
      { text: 'offshoring', href: `${site.server.url}/terms/offshoring/`, parent: 'para', target: '' },
      { text: 'virtual assistant', href: `${site.server.url}/terms/virtual-assistant/`, parent: 'para', target: '' },
    ]);
    // The text reads as before.
    await expect(page.locator('#para').textContent()).resolves.toContain('Last year we tried outsourcing the books, then offshoring the support desk.');
    const after = await page.evaluate(() =>
      ['heading', 'in-link', 'in-code', 'in-pre', 'editable', 'skipped', 'button-wrap'].map((id) => document.getElementById(id)!.outerHTML),
    );
    expect(after).toEqual(before);
    await expect(page.locator('header a').count()).resolves.toBe(0);
    // Only the index and a few of its buckets; no card before one is asked for.
    const ours = requests.filter((u) => u.startsWith(site.server.url)).map((u) => new URL(u).pathname);
    expect(ours[0]).toBe('/glossary-links.js');
    expect(ours).toContain('/glossary-links/index.json');
    expect(ours.every((p) => p === '/glossary-links.js' || p === '/glossary-links/index.json' || /^\/glossary-links\/\d+\.json$/.test(p))).toBe(true);
    await clean(page, errors);
  });

  it('needs no Trusted Types policy: links and cards work where the host allows none', async () => {
    const { page, errors } = await openPost('/post-trusted-types.html');
    await expect(page.locator('a.outsourcing-glossary-link').count()).resolves.toBe(3);
    await page.locator('#para a').first().hover();
    await expect.poll(() => popover(page).isVisible(), POLL).toBe(true);
    await expect(popover(page).locator('.term-card__title').textContent()).resolves.toBe('Outsourcing');
    await clean(page, errors);
  });

  it('finds the post in <article> when nothing is marked', async () => {
    const { page, errors } = await openPost('/post-plain.html');
    await expect(page.locator('article a.outsourcing-glossary-link').count()).resolves.toBe(3);
    await expect(page.locator('header a').count()).resolves.toBe(0);
    await clean(page, errors);
  });

  it('shows the card on hover, and Escape closes it', async () => {
    const { page, errors } = await openPost('/post.html');
    const card = (await (await fetch(`${site.server.url}${cardPath('outsourcing')}`)).json()) as CardNode;
    expect(JSON.stringify(card)).toContain('term-card__summary');
    await page.locator('#para a').first().hover();
    await expect.poll(() => popover(page).isVisible(), POLL).toBe(true);
    await expect(popover(page).locator('.term-card__title').textContent()).resolves.toBe('Outsourcing');
    await expect(popover(page).locator('.term-card__summary').textContent()).resolves.toMatch(/outside person or firm/);
    const source = popover(page).locator('.term-card__source a');
    expect(await source.getAttribute('href')).toBe(`${site.server.url}/terms/outsourcing/`);
    await expect(page.locator('#para a').first().getAttribute('aria-describedby')).resolves.toBe('outsourcing-glossary-popover');
    await page.keyboard.press('Escape');
    await expect.poll(() => popover(page).isVisible(), POLL).toBe(false);
    // Moving away closes it too.
    await page.locator('#para a').nth(1).hover();
    await expect.poll(() => popover(page).locator('.term-card__title').textContent(), POLL).toBe('Offshoring');
    await page.mouse.move(5, 5);
    await expect.poll(() => popover(page).isVisible(), POLL).toBe(false);
    await clean(page, errors);
  });

  it('shows the card when a link gets keyboard focus, and Escape closes it', async () => {
    const { page, errors } = await openPost('/post.html');
    // Tab through the page to the first glossary link.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.className ?? '');
      if (focused === 'outsourcing-glossary-link') break;
    }
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('outsourcing');
    await expect.poll(() => popover(page).isVisible(), POLL).toBe(true);
    await expect(popover(page).locator('.term-card__title').textContent()).resolves.toBe('Outsourcing');
    await page.keyboard.press('Escape');
    await expect.poll(() => popover(page).isVisible(), POLL).toBe(false);
    await page.keyboard.press('Tab');
    await expect.poll(() => popover(page).locator('.term-card__title').textContent(), POLL).toBe('Offshoring');
    await clean(page, errors);
  });

  it('opens the card on the first tap on a touch screen, and follows the link on the second', async () => {
    const { page, errors } = await openPost('/post.html', { hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
    const link = page.locator('#para a').first();
    await link.tap();
    await expect.poll(() => popover(page).isVisible(), POLL).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/post.html');
    const box = await popover(page).boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await clean(page, errors);
    await link.tap();
    await page.waitForURL(`${site.server.url}/terms/outsourcing/`);
  });

  it.each([
    ['* { all: unset }', '/post-unset.html'],
    ['* { all: unset !important }', '/post-unset-important.html'],
    ['a { display: none }', '/post-no-links.html'],
  ])('keeps the links and the card whole under a host stylesheet with %s', async (_, path) => {
    const { page, errors } = await openPost(path);
    const link = page.locator('#para a').first();
    await expect(link.isVisible()).resolves.toBe(true);
    await link.hover();
    await expect.poll(() => popover(page).isVisible(), POLL).toBe(true);
    const look = await popover(page).evaluate((box) => {
      const style = getComputedStyle(box);
      const title = box.querySelector('.term-card__title')!;
      const source = box.querySelector('.term-card__source a')!;
      return {
        position: style.position,
        background: style.backgroundColor,
        width: box.getBoundingClientRect().width,
        titleWeight: getComputedStyle(title).fontWeight,
        sourceDisplay: getComputedStyle(source).display,
        sourceWidth: source.getBoundingClientRect().width,
      };
    });
    expect(look).toMatchObject({ position: 'fixed', background: 'rgb(255, 255, 255)', titleWeight: '700', sourceDisplay: 'inline' });
    expect(look.width).toBeGreaterThan(200);
    expect(look.sourceWidth).toBeGreaterThan(20);
    await clean(page, errors);
  });

  it('follows its options: at most N links, in a new tab, topics left out', async () => {
    const one = await openPost('/post-options.html');
    const links = await one.page.$$eval('a.outsourcing-glossary-link', (as) => as.map((a) => [a.textContent, (a as HTMLAnchorElement).target, (a as HTMLAnchorElement).rel]));
    expect(links).toEqual([['outsourcing', '_blank', 'noopener']]);
    await clean(one.page, one.errors);
    const topics = await openPost('/post-topics.html');
    // Outsourcing and offshoring are "models" terms; the virtual assistant is not.
    const texts = await topics.page.$$eval('a.outsourcing-glossary-link', (as) => as.map((a) => a.textContent));
    expect(texts).toEqual(['virtual assistant']);
    await clean(topics.page, topics.errors);
  });

  it('shows a hostile term name from the index as text', async () => {
    const HOSTILE = '<img src=x onerror="window.__pwned=1">Gizmo';
    const index = buildLinksIndex([{ slug: 'gizmo', topic: 'models', names: ['Gizmo', HOSTILE] }], 'p{margin:0}');
    const hostileCard: CardNode = [
      'article',
      { class: 'term-card', onclick: 'window.__pwned=2' },
      ['p', { class: 'term-card__title' }, HOSTILE],
      ['img', { src: 'x', onerror: 'window.__pwned=3' }, 'summary'],
      ['p', { class: 'term-card__source' }, ['a', { href: 'javascript:window.__pwned=4' }, 'source']],
    ];
    const session = await site.newPage();
    const { page, errors } = session;
    await page.addInitScript(OBSERVE);
    await page.route(
      (url) => url.origin === site.server.url && url.pathname.startsWith('/glossary-links/'),
      (route) => {
        const path = new URL(route.request().url()).pathname;
        const body =
          path === '/glossary-links/index.json'
            ? index.manifest
            : path === cardPath('gizmo')
              ? hostileCard
              : (index.buckets.find((_, i) => bucketPath(i) === path) ?? []);
        return route.fulfill({ status: 200, contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': '*' }, body: JSON.stringify(body) });
      },
    );
    await page.goto(`${blog.url}/post-hostile.html`);
    const link = page.locator('#gizmo a.outsourcing-glossary-link');
    await expect.poll(() => link.count(), POLL).toBe(1);
    await link.hover();
    await expect.poll(() => popover(page).isVisible(), POLL).toBe(true);
    await expect(popover(page).locator('.term-card__title').textContent()).resolves.toBe(HOSTILE);
    await expect(popover(page).locator('img').count()).resolves.toBe(0);
    await expect(popover(page).locator('a').getAttribute('href')).resolves.toBeNull();
    await popover(page).locator('a').click();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await clean(page, errors);
  });
});
