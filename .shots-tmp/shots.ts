import { createServer } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startStaticServer } from '/work/wt-bloggers/scripts/static-server.ts';

const site = await startStaticServer({ root: '/work/wt-bloggers/dist' });
const oembed = await (await fetch(`${site.url}/oembed/outsourcing.json`)).json();
const code = (oembed.html as string).replaceAll('https://outsourcing-glossary.org', site.url);
const host = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>A light blog</title>
<style>body{background:#fff;color:#222;font:18px/1.6 Georgia,serif;max-width:40rem;margin:0 auto;padding:24px}h1{font-size:2rem}</style></head><body>
<article><h1>Why I stopped doing my own books</h1>
<p>Last spring I finally tried outsourcing my bookkeeping to a virtual assistant. It cost less than my hourly worth.</p>
${code}
${code.replace("<blockquote ", "<blockquote data-theme=\"dark\" ")}
<p>After the card, more text about offshoring and nearshoring and the statement of work we agreed.</p></article>
<script async src="${site.url}/glossary-links.js"></script></body></html>`;
const blog = createServer((req, res) => {
  if (req.url === '/favicon.ico') return void res.writeHead(204).end();
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': `default-src 'none'; script-src ${site.url}; connect-src ${site.url}; frame-src ${site.url}; style-src 'unsafe-inline'` });
  res.end(host);
});
await new Promise<void>((d) => blog.listen(0, '127.0.0.1', d));
const blogUrl = `http://127.0.0.1:${(blog.address() as { port: number }).port}/`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
for (const scheme of ['light', 'dark'] as const) {
  for (const width of [390, 1280]) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, deviceScaleFactor: 1 });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => console.log('pageerror', e.message));
    page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
    await page.goto(`${site.url}/for-bloggers/`);
    await page.locator('#cards').scrollIntoViewIfNeeded();
    await page.waitForTimeout(1500);
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: `/tmp/bloggers-shots/for-bloggers-${width}-${scheme}.png`, fullPage: true });
    if (width === 390) for (const y of [800, 1700, 2600]) await page.screenshot({ path: `/tmp/bloggers-shots/for-bloggers-390-${scheme}-at-${y}.png`, fullPage: true, clip: { x: 0, y, width: 390, height: 900 } });
    await page.goto(`${site.url}/terms/outsourcing/`);
    await page.locator('details.embed-panel summary').click();
    await page.locator('.embed-panel fieldset').scrollIntoViewIfNeeded();
    await page.waitForTimeout(1200);
    await page.locator('.embed-panel__preview').scrollIntoViewIfNeeded();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/bloggers-shots/panel-${width}-${scheme}.png` });
    await page.locator('.embed-panel').getByLabel(scheme === 'dark' ? 'Light' : 'Dark').check();
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `/tmp/bloggers-shots/panel-switched-${width}-${scheme}.png` });
    await page.goto(blogUrl);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/bloggers-shots/host-${width}-${scheme}.png` });
    await page.locator('a.outsourcing-glossary-link').first().hover();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/bloggers-shots/host-popover-${width}-${scheme}.png` });
    await ctx.close();
  }
}
await browser.close();
blog.close();
await site.close();
console.log('done');
