/**
 * `npm run screenshots -- <folder>`: full-page PNGs of every page type of the built site (dist/,
 * or OUT_DIR) at 390 and 1280 px wide, in the light and the dark theme, written into <folder>
 * as <page>-<width>-<theme>.png. Uses CHROME_PATH or /usr/bin/chromium. Build the site first.
 * SCREENSHOT_PAGES=term,guide limits the pages; an entry written name=/path/ adds a page of
 * your own (SCREENSHOT_PAGES=glossary,letter=/glossary/k/2/ on a split glossary).
 * SCREENSHOT_WIDTHS=390 and SCREENSHOT_THEMES=light limit the widths and themes.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startStaticServer } from './static-server.ts';

export const SCREENSHOT_PAGES: [string, string][] = [
  ['home', '/'],
  ['term', '/terms/outsourcing/'],
  ['term-short', '/terms/retainer/'],
  ['guide', '/guides/what-is-your-hour-worth/'],
  ['guide-diagram', '/guides/outsourcing-offshoring-homeshoring-bpo/'],
  ['guides', '/guides/'],
  ['glossary', '/glossary/'],
  ['topics', '/topics/'],
  ['topic', '/topics/models/'],
  ['compare-index', '/compare/'],
  ['compare', '/compare/offshoring-vs-outsourcing/'],
  ['calculator', '/calculator/'],
  ['search', '/search/?q=outsourcing'],
  ['not-found', '/no-such-page/'],
];
const WIDTHS = (process.env.SCREENSHOT_WIDTHS || '390,1280').split(',').map(Number);
const THEMES = (process.env.SCREENSHOT_THEMES || 'light,dark').split(',') as ('light' | 'dark')[];

const out = process.argv[2];
if (!out) {
  console.error('usage: npm run screenshots -- <folder>');
  process.exit(2);
}
const root = resolve(process.env.OUT_DIR || 'dist');
if (!existsSync(join(root, 'index.html'))) throw new Error(`${root} holds no built site: run "npm run build" first`);
const asked = (process.env.SCREENSHOT_PAGES ?? '').split(',').filter(Boolean);
const only = new Set(asked.filter((entry) => !entry.includes('=')));
const extra = asked.filter((entry) => entry.includes('=')).map((entry) => entry.split('=', 2) as [string, string]);
const pages = [...SCREENSHOT_PAGES.filter(([name]) => (only.size === 0 && extra.length === 0) || only.has(name)), ...extra];
mkdirSync(out, { recursive: true });

const server = await startStaticServer({ root });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ baseURL: server.url, viewport: { width, height: width < 768 ? 844 : 900 }, colorScheme: theme });
      const page = await context.newPage();
      for (const [name, path] of pages) {
        await page.goto(path, { waitUntil: 'networkidle' });
        await page.evaluate(() => document.fonts.ready);
        const file = join(out, `${name}-${width}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
