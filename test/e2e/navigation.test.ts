import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type SiteSession } from '../support/browser.ts';

let site: SiteSession;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => site?.close());

describe('in Chromium', () => {
  it('loads the home page and reaches a term page with a click', async () => {
    const { page, errors } = await site.newPage();
    await page.goto('/');
    await expect(page.locator('h1').textContent()).resolves.toContain('Outsourcing Glossary');
    await page.locator('main a[href="/terms/offshoring/"]').first().click();
    await page.waitForURL('**/terms/offshoring/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Offshoring');
    expect(errors).toEqual([]);
  });

  it('remembers the theme choice across pages without a flash', async () => {
    const { page } = await site.newPage({ colorScheme: 'light' });
    await page.goto('/');
    const toggle = page.locator('.theme-toggle');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await toggle.click();
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await page.goto('/glossary/');
    // The inline head script sets the theme before first paint, so it is there at DOMContentLoaded.
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await expect(page.locator('.theme-toggle').getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it('serves the 404 page for an unknown address', async () => {
    const { page } = await site.newPage();
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
  });
});
