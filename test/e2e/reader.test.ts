/**
 * The site as a reader meets it in Chromium at 390 and 1280 px: the compact header, the search
 * dialog that keeps your place, the side rail and its scroll-spy, tap targets, small-screen
 * tables and forms, previews in the dark theme, and a term on paper.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openSite, type SiteSession } from '../support/browser.ts';

let site: SiteSession;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => site?.close());

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const PAGES = ['/', '/terms/outsourcing/', '/guides/what-is-your-hour-worth/', '/calculator/', '/search/', '/glossary/', '/topics/', '/compare/', '/compare/offshoring-vs-outsourcing/', '/topics/models/', '/no-such-page/'];

describe('header', () => {
  it.each(PAGES)('is at most 64 px tall at 390 px, on one row at 1280 px: %s', async (path) => {
    const { page } = await site.newPage({ viewport: PHONE });
    await page.goto(path);
    const phone = await page.locator('.site-header').boundingBox();
    expect(phone!.height).toBeLessThanOrEqual(64);
    await page.setViewportSize(DESKTOP);
    const desktop = await page.locator('.site-header').boundingBox();
    expect(desktop!.height).toBeLessThanOrEqual(64);
    // Every control sits on one row: the same vertical centre, give or take a pixel.
    const centres = await page.locator('.site-header .wrap > :is(a, nav, button):visible').evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return Math.round(r.top + r.height / 2); }));
    expect(Math.max(...centres) - Math.min(...centres)).toBeLessThanOrEqual(2);
  });

  it('puts search behind an icon and the other pages behind a menu at 390 px', async () => {
    const { page } = await site.newPage({ viewport: PHONE });
    await page.goto('/terms/offshoring/');
    await expect(page.getByRole('button', { name: 'Search terms' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('.site-nav > ul').isVisible()).resolves.toBe(false);
    await page.locator('.site-menu summary').click();
    await expect(page.locator('.site-menu a[href="/topics/"]').isVisible()).resolves.toBe(true);
  });
});

describe('index pages', () => {
  it('/terms/ lands on the A-Z index; /topics/ and /compare/ answer', async () => {
    const { page, errors } = await site.newPage();
    await page.goto('/terms/');
    await page.waitForURL('**/glossary/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Glossary A-Z');
    for (const [path, h1] of [['/topics/', 'Topics'], ['/compare/', 'Comparisons']]) {
      const response = await page.goto(path!);
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1').textContent()).resolves.toBe(h1);
    }
    expect(errors).toEqual([]);
  });
});

describe('search dialog', () => {
  it('"/" opens it from the middle of a guide; Escape closes it and restores the scroll position and focus', async () => {
    const { page, errors } = await site.newPage({ viewport: PHONE });
    await page.goto('/guides/outsourcing-offshoring-homeshoring-bpo/');
    // A link half-way down the guide has focus, as after reading and tabbing.
    const y = await page.evaluate(() => {
      const links = [...document.querySelectorAll<HTMLAnchorElement>('main .prose a')];
      const link = links[Math.floor(links.length / 2)]!;
      link.id ||= 'mid-link';
      link.scrollIntoView({ block: 'center' });
      link.focus({ preventScroll: true });
      return scrollY;
    });
    expect(y).toBeGreaterThan(1000);
    const focusedId = await page.evaluate(() => document.activeElement!.id);
    await page.keyboard.press('/');
    await page.waitForFunction(() => document.querySelector<HTMLDialogElement>('#search-dialog')!.open && document.activeElement?.id === 'header-search-input');
    await expect(page.evaluate(() => scrollY)).resolves.toBe(y);
    await page.keyboard.type('off');
    await page.keyboard.press('Escape'); // closes the suggestions, if open
    if (await page.evaluate(() => document.querySelector<HTMLDialogElement>('#search-dialog')!.open)) await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector<HTMLDialogElement>('#search-dialog')!.open);
    await expect(page.evaluate(() => scrollY)).resolves.toBe(y);
    await expect(page.evaluate(() => document.activeElement!.id)).resolves.toBe(focusedId);
    expect(errors).toEqual([]);
  });

  it('Escape restores the scroll position when nothing had focus', async () => {
    const { page } = await site.newPage({ viewport: DESKTOP });
    await page.goto('/guides/what-is-your-hour-worth/');
    await page.mouse.wheel(0, 1500);
    await page.waitForFunction(() => scrollY >= 1400);
    const y = await page.evaluate(() => scrollY);
    await page.keyboard.press('/');
    await page.waitForFunction(() => document.querySelector<HTMLDialogElement>('#search-dialog')!.open);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector<HTMLDialogElement>('#search-dialog')!.open);
    await expect(page.evaluate(() => scrollY)).resolves.toBe(y);
  });
});

describe('side rail', () => {
  it('shows "On this page" and the topics beside a long term at 1280 px, and marks the section in view', async () => {
    const { page } = await site.newPage({ viewport: DESKTOP });
    await page.goto('/terms/outsourcing/');
    await expect(page.locator('.rail .toc').isVisible()).resolves.toBe(true);
    await expect(page.locator('.rail a[href="/topics/models/"]').getAttribute('aria-current')).resolves.toBe('true');
    const main = await page.locator('main').boundingBox();
    const rail = await page.locator('.rail').boundingBox();
    expect(rail!.x).toBeGreaterThan(main!.x + main!.width);
    await page.locator('#in-practice').evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await page.waitForFunction(() => document.querySelector('.toc a[aria-current]')?.getAttribute('href') === '#in-practice');
    await page.setViewportSize(PHONE);
    await expect(page.locator('.rail').isVisible()).resolves.toBe(false);
  });
});

/** Visible targets smaller than 24x24 CSS px, other than links inside a sentence (WCAG 2.5.8's inline exception). */
function smallTargets(page: Page) {
  return page.evaluate(() => {
    const small: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('a[href], button, summary, input, select, textarea')) {
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden') continue;
      if (el.closest('.visually-hidden, svg, template, .skip-link')) continue;
      const block = el.closest('p, li, dd, dt, td, th, figcaption, div')!;
      const inline = el.tagName === 'A' && getComputedStyle(el).display === 'inline' && (block.textContent ?? '').trim().length > (el.textContent ?? '').trim().length + 2 && !block.matches('.source-list li');
      if (inline) continue;
      if (r.width < 24 || r.height < 24) small.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
    return small;
  });
}

describe('tap targets', () => {
  it.each(PAGES)('are at least 24x24 px at 390 px: %s', async (path) => {
    const { page } = await site.newPage({ viewport: PHONE });
    await page.goto(path);
    // Open the "N more pages" disclosure where there is one, so its links are measured too.
    const disclosure = page.locator('details.disclosure summary');
    if ((await disclosure.count()) > 0) await disclosure.first().click();
    await expect(smallTargets(page)).resolves.toEqual([]);
  });
});

describe('small screens', () => {
  it('a comparison is one block per term below 480 px, a table above', async () => {
    const { page } = await site.newPage({ viewport: PHONE });
    await page.goto('/compare/offshoring-vs-outsourcing/');
    await expect(page.locator('.compare-table').isVisible()).resolves.toBe(false);
    await expect(page.locator('.compare-blocks section').count()).resolves.toBe(2);
    const widths = await page.locator('.compare-blocks section').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    for (const w of widths) expect(w).toBeGreaterThan(300);
    await page.setViewportSize(DESKTOP);
    await expect(page.locator('.compare-table').isVisible()).resolves.toBe(true);
    await expect(page.locator('.compare-blocks').isVisible()).resolves.toBe(false);
  });

  it('a wide guide table scrolls inside the column and shows that it does', async () => {
    const { page } = await site.newPage({ viewport: PHONE });
    await page.goto('/guides/what-is-your-hour-worth/');
    const table = page.locator('.prose table').first();
    const box = await table.evaluate((t) => ({ scroll: t.scrollWidth, client: t.clientWidth, background: getComputedStyle(t).backgroundImage, page: document.documentElement.scrollWidth }));
    expect(box.scroll).toBeGreaterThan(box.client);
    expect(box.background).toContain('gradient');
    expect(box.page).toBeLessThanOrEqual(390);
  });

  it('the 404 search form stacks: label, then a full-width field', async () => {
    const { page } = await site.newPage({ viewport: PHONE });
    await page.goto('/no-such-page/');
    const form = await page.locator('main form').boundingBox();
    const input = await page.locator('#notfound-search').boundingBox();
    const label = await page.locator('label[for="notfound-search"]').boundingBox();
    expect(input!.width).toBeGreaterThan(form!.width * 0.9);
    expect(label!.y + label!.height).toBeLessThanOrEqual(input!.y + 1);
  });
});

describe('previews in the dark theme', () => {
  it('have a visible edge, and a bold title over a regular summary', async () => {
    const { page } = await site.newPage({ viewport: DESKTOP, colorScheme: 'dark' });
    await page.goto('/terms/outsourcing/');
    await page.locator('main .prose a[data-term]').first().hover();
    const preview = page.locator('#term-preview');
    await preview.waitFor({ state: 'visible' });
    const style = await preview.evaluate((p) => {
      const s = getComputedStyle(p);
      return {
        border: s.borderTopColor,
        borderWidth: s.borderTopWidth,
        background: getComputedStyle(document.body).backgroundColor,
        title: Number(getComputedStyle(p.querySelector('.term-card__title')!).fontWeight),
        summary: Number(getComputedStyle(p.querySelector('.term-card__summary')!).fontWeight),
      };
    });
    expect(style.borderWidth).toBe('1px');
    expect(style.border).not.toBe(style.background);
    expect(style.title).toBeGreaterThanOrEqual(600);
    expect(style.summary).toBeLessThanOrEqual(400);
  });
});

describe('print', () => {
  const pdfPages = async (page: Page) => {
    const pdf = (await page.pdf({ format: 'A4', printBackground: false })).toString('latin1');
    return (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  };

  it.each(['/terms/outsourcing/', '/terms/offshoring/', '/terms/homeshoring/', '/terms/business-process-outsourcing/'])('%s prints on at most two A4 pages, without related, mentioned-in or the embed panel', async (path) => {
    const { page } = await site.newPage();
    await page.goto(path);
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['#related-heading', '#mentioned-heading', '.embed-panel', '.site-header', '.rail']) {
      if (await page.locator(selector).count()) await expect(page.locator(selector).first().isVisible(), selector).resolves.toBe(false);
    }
    await expect(page.locator('h1').isVisible()).resolves.toBe(true);
    await expect(page.locator('#sources-heading').isVisible()).resolves.toBe(true);
    expect(await pdfPages(page)).toBeLessThanOrEqual(2);
  });
});
