import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/axe.ts';
import { openSite, type SiteSession } from '../support/browser.ts';

let site: SiteSession;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => site?.close());

const PAGE = '/terms/outsourcing/';

async function firstTermLink(page: Page) {
  const link = page.locator('.prose a.term-link').first();
  const slug = await link.getAttribute('data-term');
  const title = await page.evaluate(
    (s) => (document.getElementById('term-previews') as HTMLTemplateElement).content.querySelector(`[data-term-card="${s}"] .term-card__title`)?.textContent,
    slug,
  );
  return { link, slug, title };
}

describe('term previews in Chromium', () => {
  it('shows the card on hover after a short delay, and Escape hides it', async () => {
    const { page, errors } = await site.newPage();
    await page.goto(PAGE);
    const { link, title } = await firstTermLink(page);
    expect(title).toBeTruthy();
    const preview = page.locator('#term-preview');
    await link.hover();
    await expect(preview.waitFor({ state: 'visible' })).resolves.toBeUndefined();
    await expect(preview.locator('.term-card__title').textContent()).resolves.toBe(title);
    await expect(link.getAttribute('aria-describedby')).resolves.toBe('term-preview');
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
  });

  it('shows the card on keyboard focus and hides it when focus moves on', async () => {
    const { page } = await site.newPage();
    await page.goto(PAGE);
    const { link, slug } = await firstTermLink(page);
    // Tab until the first term link has focus.
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if (await link.evaluate((el) => el === document.activeElement)) break;
    }
    await expect(link.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    const preview = page.locator('#term-preview');
    await preview.waitFor({ state: 'visible' });
    await expect(preview.locator(`[data-term-card="${slug}"]`).count()).resolves.toBe(1);
    await page.keyboard.press('Tab');
    const stillOnTermLink = await page.evaluate(() => document.activeElement?.classList.contains('term-link'));
    if (!stillOnTermLink) await preview.waitFor({ state: 'hidden' });
  });

  it('does not move the page when a preview opens (no layout shift)', async () => {
    const { page } = await site.newPage();
    await page.goto(PAGE);
    const { link } = await firstTermLink(page);
    const before = await page.locator('main').boundingBox();
    await link.focus();
    await page.locator('#term-preview').waitFor({ state: 'visible' });
    expect(await page.locator('main').boundingBox()).toEqual(before);
  });

  it('lets a tap on a touch screen follow the link', async () => {
    const { page } = await site.newPage({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
    await page.goto(PAGE);
    const { link, slug } = await firstTermLink(page);
    await link.scrollIntoViewIfNeeded();
    await link.tap();
    await page.waitForURL(`**/terms/${slug}/`);
  });

  it('passes axe with a preview open, in both themes', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await site.newPage({ colorScheme });
      await page.goto(PAGE);
      const { link } = await firstTermLink(page);
      await link.focus();
      await page.locator('#term-preview').waitFor({ state: 'visible' });
      expect((await axeViolations(page)).map((v) => `${colorScheme}: ${v}`)).toEqual([]);
    }
  });
});
