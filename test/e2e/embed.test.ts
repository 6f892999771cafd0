/**
 * Embedding term cards on someone else's page, in Chromium. Our site is served by openSite()
 * (with the headers from _headers); a "blogger" page is served by a second server on another
 * port of 127.0.0.1, so another origin, under a strict Content-Security-Policy that allows
 * only our origin for scripts and frames.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { parse } from 'node-html-parser';
import { axeViolations } from '../support/axe.ts';
import { pixelAt } from '../support/pixels.ts';
import { openSite, type SiteSession } from '../support/browser.ts';
import { siteUrl } from '../../src/lib/site.ts';

let site: SiteSession;
let blog: { url: string; server: Server };
/** Pages the blogger's server returns, by path. */
const blogPages = new Map<string, string>();
/** Extra CSP directives for some of the blogger's pages, by path. */
const blogCspExtra = new Map<string, string>();
/** Embed code as the term pages offer it, pointed at our local server instead of the public site. */
let scriptCode: (slug: string) => string;
let iframeCode: (slug: string) => string;


const HOSTILE = '<img src=x onerror=alert(1)>';
const UNKNOWN = 'no-such-term-here';
const [FIRST, SECOND] = ['outsourcing', 'offshoring'] as const;

function blogCsp(ourOrigin: string): string {
  return `default-src 'none'; script-src ${ourOrigin}; frame-src ${ourOrigin}; style-src 'unsafe-inline'`;
}

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A blog post with the two cards (the second far below the fold), a hostile and an unknown blockquote. */
function post({ scripts = 1, withLoader = true }: { scripts?: number; withLoader?: boolean } = {}): string {
  const strip = (code: string) => (withLoader ? code : code.replace(/<script[^>]*><\/script>/, ''));
  const loader = scriptCode(FIRST).match(/<script[^>]*><\/script>/)![0];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My post</title>
<style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto}</style>
${withLoader && scripts > 1 ? loader : ''}</head><body>
<h1>What I learned about outsourcing</h1>
<p>Before the card.</p>
<div id="first">${strip(scriptCode(FIRST))}</div>
<blockquote class="glossary-embed" id="hostile" data-term="${escapeAttr(HOSTILE)}"><p>Hostile <b>fallback</b> stays.</p></blockquote>
<blockquote class="glossary-embed" id="unknown" data-term="${UNKNOWN}"><p><strong>Unknown</strong>: stays as it is.</p></blockquote>
<div style="height:3000px">Long text.</div>
<div id="second">${strip(scriptCode(SECOND))}</div>
<p>After the cards.</p>
</body></html>`;
}

async function fallbackHtml(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('blockquote')].map((b, i) => [b.id || `quote-${i}`, b.outerHTML])),
  );
}

/** The frame showing /embed/<slug>/, once it has navigated there and loaded. */
async function embedFrame(page: Page, slug: string): Promise<Frame> {
  const find = () => page.frames().find((f) => new URL(f.url(), 'http://x').pathname === `/embed/${slug}/`);
  await expect.poll(() => Boolean(find())).toBe(true);
  const frame = find()!;
  await frame.waitForLoadState('load');
  return frame;
}

/** The frame an iframe element holds now, once loaded. */
async function embedFrameAt(page: Page, iframe: ReturnType<Page['locator']>): Promise<Frame> {
  const frame = await (await iframe.elementHandle())!.contentFrame();
  await frame!.waitForLoadState('load');
  return frame!;
}

async function cardIsSized(page: Page, slug: string) {
  const iframe = page.locator(`iframe[src="${site.server.url}/embed/${slug}/"]`);
  await expect.poll(() => iframe.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(50);
  const frame = await embedFrame(page, slug);
  const measure = async () => ({
    frameHeight: await iframe.evaluate((el) => el.getBoundingClientRect().height),
    docHeight: await frame.evaluate(() => document.documentElement.getBoundingClientRect().height),
  });
  await expect.poll(async () => {
    const { frameHeight, docHeight } = await measure();
    return Math.abs(frameHeight - docHeight);
  }).toBeLessThanOrEqual(3);
  return { iframe, ...(await measure()) };
}

beforeAll(async () => {
  site = await openSite();
  // The codes exactly as a blogger copies them from the term pages, pointed at our local server.
  const publicSite = siteUrl();
  const codes = new Map<string, { script: string; iframe: string }>();
  const { page } = await site.newPage();
  for (const slug of [FIRST, SECOND]) {
    await page.goto(`/terms/${slug}/`);
    const read = async (id: string) => (await page.locator(`textarea#${id}`).inputValue()).replaceAll(publicSite, site.server.url);
    codes.set(slug, { script: await read('embed-code-script'), iframe: await read('embed-code-iframe') });
  }
  await page.close();
  expect(codes.get(FIRST)!.script).toContain(`<script async src="${site.server.url}/embed.js"></script>`);
  expect(codes.get(FIRST)!.iframe).toContain(`<iframe src="${site.server.url}/embed/${FIRST}/"`);
  scriptCode = (slug) => codes.get(slug)!.script;
  iframeCode = (slug) => codes.get(slug)!.iframe;

  blogPages.set('/post.html', post());
  blogPages.set('/post-without-loader.html', post({ withLoader: false }));
  blogPages.set('/post-twice.html', post({ scripts: 2 }));
  blogPages.set('/open/post.html', post());
  // Host elements whose names shadow globals: window.glossaryEmbed, document.currentScript.
  blogPages.set('/post-clobbered.html', post().replace('<body>', '<body><div id="glossaryEmbed"></div>'));
  blogPages.set('/post-clobbered-script.html', post().replace('<body>', '<body><form name="currentScript"></form>'));
  blogPages.set('/post-trusted-types.html', post());
  blogCspExtra.set('/post-trusted-types.html', "; require-trusted-types-for 'script'; trusted-types outsourcing-glossary-embed");
  blogPages.set('/post-no-policies.html', post());
  blogCspExtra.set('/post-no-policies.html', "; require-trusted-types-for 'script'; trusted-types 'none'");
  blogPages.set(
    '/open/spoof.html',
    `<!doctype html><title>Spoof</title><script>parent.postMessage({ type: 'glossary-embed:height', slug: '${FIRST}', height: 555 }, '*')</script>`,
  );
  blogPages.set(
    '/frames-term-page.html',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Framing</title></head><body>
<iframe id="page" src="${site.server.url}/terms/${FIRST}/" title="term page"></iframe></body></html>`,
  );
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    // Chrome asks every top-level origin for a favicon; a 404 would show up as a console error.
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    const html = blogPages.get(path);
    if (!html) return void res.writeHead(404).end();
    // Pages under /open/ have no CSP (to let a frame of ours be navigated to a spoofing page).
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      ...(path.startsWith('/open/') ? {} : { 'Content-Security-Policy': blogCsp(site.server.url) + (blogCspExtra.get(path) ?? '') }),
    });
    res.end(html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('blog server has no address');
  blog = { url: `http://127.0.0.1:${address.port}`, server };
  expect(blog.url).not.toBe(site.server.url);
});

afterAll(async () => {
  await site?.close();
  await new Promise((done) => (blog ? blog.server.close(done) : done(undefined)));
});

describe('embedding cards on another origin under a strict CSP', () => {
  it('renders both cards at their content height, linked to their terms, and leaves bad blockquotes untouched', async () => {
    const before = await (async () => {
      const { page } = await site.newPage();
      await page.goto(`${blog.url}/post-without-loader.html`);
      const html = await fallbackHtml(page);
      await page.close();
      return html;
    })();
    expect(before.hostile).toContain('data-term=');
    expect(before.unknown).toContain(UNKNOWN);

    const { page, errors } = await site.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`${blog.url}/post.html`);

    // The first card is near the viewport: it replaces its blockquote.
    const first = await cardIsSized(page, FIRST);
    await expect(page.locator('#first blockquote').count()).resolves.toBe(0);
    await expect(first.iframe.getAttribute('title')).resolves.toMatch(/^Outsourcing: definition from the Outsourcing Glossary$/);
    // The second is 3000px below: not loaded until the reader scrolls towards it.
    await expect(page.locator(`iframe[src*="/embed/${SECOND}/"]`).count()).resolves.toBe(0);
    await page.locator('#second').scrollIntoViewIfNeeded();
    await cardIsSized(page, SECOND);
    await expect(page.locator('#second blockquote').count()).resolves.toBe(0);

    for (const slug of [FIRST, SECOND]) {
      const links = await (await embedFrame(page, slug)).$$eval('a', (as) =>
        as.map((a) => ({ href: a.href, target: a.target, rel: a.rel })),
      );
      expect(links.length).toBeGreaterThanOrEqual(1);
      for (const link of links) {
        expect(new URL(link.href).pathname).toBe(`/terms/${slug}/`);
        expect(link.target).toBe('_blank');
        expect(link.rel.split(/\s+/)).toContain('noopener');
      }
    }

    // The unknown slug is not in the term list for its letter: it gets no frame at all.
    await expect.poll(() => requests.some((u) => u.endsWith(`/embed/terms-${UNKNOWN[0]}.js`))).toBe(true);
    const after = await fallbackHtml(page);
    expect(after.hostile).toBe(before.hostile);
    expect(after.unknown).toBe(before.unknown);
    await expect(page.locator('iframe').count()).resolves.toBe(2);

    // Nothing was requested for the malformed slug, and nothing outside the embed paths but the
    // embed views' one shared stylesheet.
    const all = requests.filter((u) => u.startsWith(site.server.url)).map((u) => new URL(u).pathname);
    const stylesheets = new Set(all.filter((p) => /^\/_astro\/[^/]+\.css$/.test(p)));
    expect(stylesheets.size).toBe(1);
    const ours = all.filter((p) => !stylesheets.has(p));
    expect(new Set(ours)).toEqual(
      new Set(['/embed.js', ...[FIRST, SECOND, UNKNOWN].map((s) => `/embed/terms-${s[0]}.js`), `/embed/${FIRST}/`, `/embed/${SECOND}/`]),
    );
    // One request per term list, however many blockquotes share it.
    expect(ours.filter((p) => p === `/embed/terms-o.js`)).toHaveLength(1);
    expect(requests.some((u) => /onerror|%3Cimg|<img/i.test(u))).toBe(false);
    expect(errors).toEqual([]);
  });

  it('creates no duplicate frames when the loader is loaded twice, or again later', async () => {
    const { page, errors } = await site.newPage();
    await page.goto(`${blog.url}/post-twice.html`);
    await cardIsSized(page, FIRST);
    await page.locator('#second').scrollIntoViewIfNeeded();
    await cardIsSized(page, SECOND);
    await page.evaluate((src) => {
      const s = document.createElement('script');
      s.src = src;
      document.body.append(s);
      return new Promise((done) => s.addEventListener('load', done));
    }, `${site.server.url}/embed.js`);
    const frames = await page.$$eval('iframe', (fs) => fs.map((f) => new URL(f.src).pathname));
    expect(frames.sort()).toEqual([`/embed/${SECOND}/`, `/embed/${FIRST}/`].sort());
    await expect(page.locator('blockquote').count()).resolves.toBe(2);
    expect(errors).toEqual([]);
  });

  it('works on a host page with an element whose id shadows window.glossaryEmbed', async () => {
    const { page, errors } = await site.newPage();
    await page.goto(`${blog.url}/post-clobbered.html`);
    await cardIsSized(page, FIRST);
    await page.locator('#second').scrollIntoViewIfNeeded();
    await cardIsSized(page, SECOND);
    expect(errors).toEqual([]);
  });

  it('takes no address from an element named currentScript: the blockquotes stay as written', async () => {
    const { page, errors } = await site.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${blog.url}/post-clobbered-script.html`);
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    expect(requests).toContain('/embed.js');
    expect(requests.filter((p) => p.startsWith('/embed/'))).toEqual([]);
    await expect(page.locator('#first blockquote').count()).resolves.toBe(1);
    expect(errors).toEqual([]);
  });

  it('works under Trusted Types with its policy allowed, and leaves the blockquotes readable when no policy is', async () => {
    const allowed = await site.newPage();
    await allowed.page.goto(`${blog.url}/post-trusted-types.html`);
    await cardIsSized(allowed.page, FIRST);
    expect(allowed.errors).toEqual([]);

    const refused = await site.newPage();
    const requests: string[] = [];
    refused.page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await refused.page.goto(`${blog.url}/post-no-policies.html`);
    await expect.poll(() => requests.includes('/embed.js')).toBe(true);
    await refused.page.waitForLoadState('load');
    await refused.page.waitForTimeout(500);
    expect(requests.filter((p) => p.startsWith('/embed/'))).toEqual([]);
    await expect(refused.page.locator('#first blockquote').textContent()).resolves.toMatch(/\S/);
    await expect(refused.page.locator('iframe').count()).resolves.toBe(0);
    expect(refused.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });

  it('drops a card that never reports once, however often its frame loads, and keeps the others sized', async () => {
    const { page, errors } = await site.newPage();
    // The first card's view stays silent and loads twice (as a reloaded or navigated frame would).
    await page.route(
      (url) => url.origin === site.server.url && url.pathname === `/embed/${FIRST}/`,
      (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: '<!doctype html><title>Silent</title><script>if (!location.search) location.replace("?again")</script>',
        }),
    );
    await page.goto(`${blog.url}/post.html`);
    const first = page.locator(`iframe[src^="${site.server.url}/embed/${FIRST}/"]`);
    await expect.poll(() => first.count()).toBe(1);
    await page.locator('#second').scrollIntoViewIfNeeded();
    const { iframe } = await cardIsSized(page, SECOND);
    // After the grace period the silent frame is gone and its blockquote still reads.
    await expect.poll(() => first.count(), { timeout: 15_000 }).toBe(0);
    await page.waitForTimeout(1000);
    await expect(page.locator('#first blockquote').count()).resolves.toBe(1);
    // The second card is still followed: a new height report from it applies.
    await (await embedFrame(page, SECOND)).evaluate(() =>
      parent.postMessage({ type: 'glossary-embed:height', slug: 'offshoring', height: 433 }, '*'),
    );
    await expect.poll(() => iframe.evaluate((el) => el.getBoundingClientRect().height)).toBe(433);
    expect(errors).toEqual([]);
  }, 30_000);

  it('ignores height messages from other origins, for other slugs, or with absurd heights', async () => {
    const { page, errors } = await site.newPage();
    await page.goto(`${blog.url}/post.html`);
    const { iframe, frameHeight } = await cardIsSized(page, FIRST);
    const frame = await embedFrame(page, FIRST);
    // From the blogger's own origin: the shape is right but the origin is not ours.
    await page.evaluate(() => window.postMessage({ type: 'glossary-embed:height', slug: 'outsourcing', height: 777 }, '*'));
    // From our frame, but malformed.
    for (const message of [
      { type: 'glossary-embed:height', slug: 'offshoring', height: 701 },
      { type: 'glossary-embed:height', slug: 'outsourcing', height: Number.POSITIVE_INFINITY },
      { type: 'glossary-embed:height', slug: 'outsourcing', height: 1e9 },
      { type: 'glossary-embed:height', slug: 'outsourcing', height: -40 },
      { type: 'glossary-embed:height', slug: 'outsourcing', height: '702' },
      { type: 'other', slug: 'outsourcing', height: 703 },
      'glossary-embed:height',
    ]) {
      await frame.evaluate((m) => parent.postMessage(m, '*'), message);
    }
    // A well-formed one last: once it has applied, every earlier message has been handled.
    await frame.evaluate(() => parent.postMessage({ type: 'glossary-embed:height', slug: 'outsourcing', height: 321.2 }, '*'));
    await expect.poll(() => iframe.evaluate((el) => el.getBoundingClientRect().height)).toBe(322);
    expect(frameHeight).not.toBe(322);
    expect(errors).toEqual([]);
  });

  it('ignores a well-formed report once its frame holds a page from another origin', async () => {
    const { page } = await site.newPage();
    await page.goto(`${blog.url}/open/post.html`);
    const { iframe, frameHeight } = await cardIsSized(page, FIRST);
    // Our listener is added after the loader's, so when it sees the message the loader has too.
    await page.evaluate(() => {
      (window as unknown as { spoofed: Promise<string> }).spoofed = new Promise((done) =>
        addEventListener('message', (e) => e.data?.height === 555 && done(e.origin)),
      );
    });
    await (await embedFrame(page, FIRST)).evaluate((url) => void (location.href = url), `${blog.url}/open/spoof.html`);
    await expect(page.evaluate(() => (window as unknown as { spoofed: Promise<string> }).spoofed)).resolves.toBe(blog.url);
    expect(await iframe.evaluate((el) => el.getBoundingClientRect().height)).toBe(frameHeight);
    expect(frameHeight).not.toBe(555);
  });

  it('sizes the plain iframe code so that every card shows whole in a 320 px column, and fits at 600 px', async () => {
    const { terms } = (await (await fetch(`${site.server.url}/api/terms.json`)).json()) as { terms: { slug: string }[] };
    expect(terms.length).toBeGreaterThan(10);
    const { page, errors } = await site.newPage({ viewport: { width: 320, height: 900 } });
    for (const { slug } of terms) {
      // The plain iframe code exactly as its term page offers it.
      const termPage = parse(await (await fetch(`${site.server.url}/terms/${slug}/`)).text());
      const code = termPage.querySelector('textarea#embed-code-iframe')!.text.replaceAll(siteUrl(), site.server.url);
      for (const width of [320, 600]) {
        blogPages.set(
          `/plain/${slug}-${width}.html`,
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Plain</title></head><body style="margin:0">
<div style="width:${width}px">${code}</div></body></html>`,
        );
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${blog.url}/plain/${slug}-${width}.html`);
        const iframe = page.locator('iframe');
        const declared = Number(await iframe.getAttribute('height'));
        expect(await iframe.evaluate((el) => el.getBoundingClientRect().width), slug).toBe(width);
        const frame = await embedFrame(page, slug);
        const content = await frame.evaluate(() => document.documentElement.scrollHeight);
        expect(content, `${slug} at ${width} px`).toBeGreaterThan(50);
        // The whole card shows: nothing below the frame's bottom edge.
        expect(declared, `${slug} at ${width} px`).toBeGreaterThanOrEqual(content);
        if (width === 320) expect(declared - content, slug).toBeLessThan(content * 0.5);
      }
    }
    expect(errors).toEqual([]);
  }, 120_000);
});

/** After the frame has painted, each point of the host page shows this color (the card's frame is not opaque there). */
async function expectPixels(page: Page, points: readonly (readonly [number, number])[], rgb: number[]) {
  await page.waitForTimeout(300);
  for (const [x, y] of points) expect(await pixelAt(page, x, y), `pixel at ${x},${y}`).toEqual(rgb);
}

describe('cards on a light blog', () => {
  // The card's background in each scheme, read from the styles: the token that .term-card
  // paints with (term-card.css) and its light-dark() pair (tokens.css).
  const cardToken = /\.term-card \{[^}]*background: var\((--[\w-]+)\)/.exec(readFileSync('src/styles/term-card.css', 'utf8'))![1]!;
  const pair = new RegExp(`${cardToken}: light-dark\\(#(\\w{6}), #(\\w{6})\\)`).exec(readFileSync('src/styles/tokens.css', 'utf8'))!;
  const rgb = (hex: string) => `rgb(${[0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
  const LIGHT_SURFACE = rgb(pair[1]!);
  const DARK_SURFACE = rgb(pair[2]!);
  const host = (code: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Light blog</title>
<style>body{background:#fff;color:#111;font-family:Georgia,serif;margin:0;padding:24px}</style></head><body>
<h1>A light blog</h1><div id="card">${code}</div><p>After the card.</p></body></html>`;

  /** The card's frame once sized, its document's color-scheme and the card's background. */
  async function shownCard(page: Page, slug: string) {
    const iframe = page.locator('iframe.glossary-embed-frame');
    await expect.poll(() => iframe.evaluate((el) => el.getBoundingClientRect().height).catch(() => 0)).toBeGreaterThan(50);
    const frame = await embedFrame(page, slug);
    const look = await frame.evaluate(() => ({
      scheme: getComputedStyle(document.documentElement).colorScheme,
      background: getComputedStyle(document.querySelector('.term-card')!).backgroundColor,
    }));
    return { iframe, frame, ...look };
  }

  it('shows a light card without dark corners when the reader’s system is dark', async () => {
    blogPages.set('/light-blog.html', host(scriptCode(FIRST)));
    const { page, errors } = await site.newPage({ colorScheme: 'dark' });
    await page.goto(`${blog.url}/light-blog.html`);
    const { iframe, scheme, background } = await shownCard(page, FIRST);
    expect(scheme).toBe('light');
    expect(background).toBe(LIGHT_SURFACE);
    // Outside the rounded corners of the card, the blog's own white shows through.
    const box = (await iframe.boundingBox())!;
    await expectPixels(page, [
      [box.x + 1, box.y + 1],
      [box.x + box.width - 2, box.y + 1],
      [box.x + 1, box.y + box.height - 2],
    ], [255, 255, 255]);
    expect(errors).toEqual([]);
  });

  it('shows a dark card for data-theme="dark"', async () => {
    blogPages.set('/light-blog-dark-card.html', host(scriptCode(FIRST).replace('<blockquote ', '<blockquote data-theme="dark" ')));
    const { page, errors } = await site.newPage({ colorScheme: 'light' });
    await page.goto(`${blog.url}/light-blog-dark-card.html`);
    const { iframe, scheme, background } = await shownCard(page, FIRST);
    await expect(iframe.getAttribute('src')).resolves.toBe(`${site.server.url}/embed/${FIRST}/?theme=dark`);
    expect(scheme).toBe('dark');
    expect(background).toBe(DARK_SURFACE);
    // Around the dark card (its rounded corners, the frame's width beyond the card's 600 px),
    // the blog's white shows: the frame is not painted opaque.
    const box = (await iframe.boundingBox())!;
    expect(box.width).toBeGreaterThan(700);
    await expectPixels(page, [
      [box.x + 1, box.y + 1],
      [box.x + box.width - 2, box.y + 10],
    ], [255, 255, 255]);
    expect(errors).toEqual([]);
  });

  it('shows the light card on a dark blog with the blog’s own colour around it', async () => {
    blogPages.set(
      '/dark-blog.html',
      host(scriptCode(FIRST)).replace('<style>body{background:#fff;color:#111;', '<meta name="color-scheme" content="dark"><style>body{background:#111;color:#eee;'),
    );
    const { page, errors } = await site.newPage({ colorScheme: 'dark' });
    await page.goto(`${blog.url}/dark-blog.html`);
    const { iframe, scheme, background } = await shownCard(page, FIRST);
    expect(scheme).toBe('light');
    expect(background).toBe(LIGHT_SURFACE);
    const box = (await iframe.boundingBox())!;
    await expectPixels(page, [
      [box.x + 1, box.y + 1],
      [box.x + box.width - 2, box.y + 10],
    ], [17, 17, 17]);
    expect(errors).toEqual([]);
  });

  it('carries an attribution line that links to the term', async () => {
    blogPages.set('/light-blog.html', host(scriptCode(FIRST)));
    const { page, errors } = await site.newPage();
    await page.goto(`${blog.url}/light-blog.html`);
    const { frame } = await shownCard(page, FIRST);
    const source = frame.locator('.term-card__source a');
    await expect(source.isVisible()).resolves.toBe(true);
    await expect(source.textContent()).resolves.toContain('Outsourcing Glossary');
    expect(new URL((await source.getAttribute('href'))!).pathname).toBe(`/terms/${FIRST}/`);
    await expect(source.getAttribute('target')).resolves.toBe('_blank');
    expect(errors).toEqual([]);
  });
});

describe('framing rules', () => {
  it('sends anti-framing headers on pages and lets embed views be framed', async () => {
    const term = await fetch(`${site.server.url}/terms/${FIRST}/`);
    expect(term.headers.get('x-frame-options')).toBe('DENY');
    expect(term.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const embed = await fetch(`${site.server.url}/embed/${FIRST}/`);
    expect(embed.status).toBe(200);
    expect(embed.headers.get('x-frame-options')).toBeNull();
    expect(embed.headers.get('content-security-policy')).toMatch(/(^|; )frame-ancestors \*(;|$)/);
    for (const path of ['/api/terms.json', `/api/terms/${FIRST}.json`, `/oembed/${FIRST}.json`]) {
      const response = await fetch(`${site.server.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('access-control-allow-origin'), path).toBe('*');
    }
  });

  it('refuses to show a term page inside another site', async () => {
    const { page, errors } = await site.newPage();
    await page.goto(`${blog.url}/frames-term-page.html`);
    const frame = await (await page.locator('#page').elementHandle())!.contentFrame();
    await expect.poll(() => errors.some((e) => /frame-ancestors|X-Frame-Options|refused/i.test(e))).toBe(true);
    // The blocked frame never holds our document.
    const h1 = await frame!.evaluate(() => document.querySelector('h1')?.textContent ?? null).catch(() => null);
    expect(h1).not.toBe('Outsourcing');
  });
});

describe('the embed view', () => {
  const colours = (page: Page) =>
    page.evaluate(() => {
      const card = document.querySelector('.term-card')!;
      return { scheme: getComputedStyle(document.documentElement).colorScheme, background: getComputedStyle(card).backgroundColor };
    });

  it('is light by default, dark for ?theme=dark, the reader’s scheme for ?theme=auto; light without JavaScript', async () => {
    const { page: darkOs, errors } = await site.newPage({ colorScheme: 'dark' });
    await darkOs.goto(`/embed/${FIRST}/`);
    const light = await colours(darkOs);
    expect(light.scheme).toBe('light');
    await darkOs.goto(`/embed/${FIRST}/?theme=light`);
    expect(await colours(darkOs)).toEqual(light);
    await darkOs.goto(`/embed/${FIRST}/?theme=auto`);
    const auto = await colours(darkOs);
    expect(auto.background).not.toBe(light.background);
    await darkOs.goto(`/embed/${FIRST}/?theme=dark`);
    expect((await colours(darkOs)).background).toBe(auto.background);

    const { page: lightOs } = await site.newPage({ colorScheme: 'light' });
    await lightOs.goto(`/embed/${FIRST}/?theme=auto`);
    expect((await colours(lightOs)).background).toBe(light.background);
    await lightOs.goto(`/embed/${FIRST}/?theme=dark`);
    expect((await colours(lightOs)).scheme).toBe('dark');

    const { page: noScript } = await site.newPage({ colorScheme: 'dark', javaScriptEnabled: false });
    await noScript.goto(`/embed/${FIRST}/?theme=dark`);
    expect(await colours(noScript)).toEqual(light);
    await expect(noScript.locator('h1 a').textContent()).resolves.toContain('Outsourcing');
    expect(errors).toEqual([]);
  });

  it.each(['light', 'dark'] as const)('passes axe in the %s theme', async (theme) => {
    const { page } = await site.newPage({ colorScheme: theme });
    await page.goto(`/embed/${FIRST}/?theme=${theme}`);
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the "Embed this term" panel', () => {
  it('copies each code, confirms it, and previews the card at its height', async () => {
    const { page, errors } = await site.newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(`/terms/${FIRST}/`);
    const panel = page.locator('details.embed-panel');
    await expect(panel.getAttribute('open')).resolves.toBeNull();
    await panel.locator('summary').click();
    for (const id of ['embed-code-script', 'embed-code-iframe']) {
      const button = panel.locator(`button[data-copy-target="${id}"]`);
      await button.click();
      const status = button.locator('xpath=following-sibling::*[@role="status"]');
      await expect.poll(() => status.textContent()).toBe('Copied');
      await expect(status.getAttribute('aria-live')).resolves.toBe('polite');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      await expect(page.locator(`#${id}`).inputValue()).resolves.toBe(copied);
    }
    const preview = panel.locator('iframe.embed-panel__preview');
    await preview.scrollIntoViewIfNeeded();
    const frame = await embedFrame(page, FIRST);
    const docHeight = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
    await expect.poll(async () => Math.abs((await preview.evaluate((el) => el.getBoundingClientRect().height)) - docHeight)).toBeLessThanOrEqual(3);
    expect(errors).toEqual([]);
  });

  it('offers the card’s theme, changing both codes and the live preview', async () => {
    const { page, errors } = await site.newPage({ colorScheme: 'dark' });
    await page.goto(`/terms/${FIRST}/`);
    const panel = page.locator('details.embed-panel');
    await panel.locator('summary').click();
    await expect(page.locator('#embed-code-script').inputValue()).resolves.not.toContain('data-theme');
    const preview = panel.locator('iframe.embed-panel__preview');
    await preview.scrollIntoViewIfNeeded();
    const scheme = async () =>
      (await embedFrameAt(page, preview)).evaluate(() => getComputedStyle(document.documentElement).colorScheme);
    await expect.poll(scheme).toBe('light');
    await panel.getByLabel('Dark').check();
    await expect(page.locator('#embed-code-script').inputValue()).resolves.toContain('data-theme="dark"');
    await expect(page.locator('#embed-code-iframe').inputValue()).resolves.toContain(`/embed/${FIRST}/?theme=dark"`);
    await expect(preview.getAttribute('src')).resolves.toBe(`/embed/${FIRST}/?theme=dark`);
    await expect.poll(scheme).toBe('dark');
    await panel.getByLabel('Follow the reader’s system').check();
    await expect(page.locator('#embed-code-script').inputValue()).resolves.toContain('data-theme="auto"');
    await expect.poll(scheme).toBe('light dark');
    expect(errors).toEqual([]);
  });

  it.each(['light', 'dark'] as const)('passes axe when open, in the %s theme', async (theme) => {
    const { page } = await site.newPage({ colorScheme: theme });
    await page.goto(`/terms/${FIRST}/`);
    await page.locator('details.embed-panel summary').click();
    await page.locator('button[data-copy-target="embed-code-script"]').click();
    expect(await axeViolations(page, 'details.embed-panel')).toEqual([]);
  });

  it('reads without JavaScript: codes shown, copy buttons hidden', async () => {
    const { page } = await site.newPage({ javaScriptEnabled: false });
    await page.goto(`/terms/${FIRST}/`);
    await page.locator('details.embed-panel summary').click();
    await expect(page.locator('#embed-code-script').isVisible()).resolves.toBe(true);
    await expect(page.locator('#embed-code-script').inputValue()).resolves.toContain('data-term="outsourcing"');
    await expect(page.locator('button[data-copy-target]').first().isVisible()).resolves.toBe(false);
  });
});
