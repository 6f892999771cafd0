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

  it('has a three-state theme control (system, light, dark) whose name says its state, remembered across pages', async () => {
    const { page } = await site.newPage({ colorScheme: 'dark' });
    await page.goto('/');
    const toggle = page.locator('.theme-toggle');
    const state = async () => ({
      name: (await toggle.evaluate((b) => (b as HTMLElement).innerText.trim() || b.textContent)).replace(/\s+/g, ' ').trim(),
      theme: await page.evaluate(() => document.documentElement.dataset.theme ?? 'system'),
      background: await page.evaluate(() => getComputedStyle(document.body).backgroundColor),
    });
    const system = await state();
    expect(system.theme).toBe('system');
    await expect(page.getByRole('button', { name: 'Theme: system' }).count()).resolves.toBe(1);
    await toggle.click();
    await expect(page.getByRole('button', { name: 'Theme: light' }).count()).resolves.toBe(1);
    const light = await state();
    expect(light.theme).toBe('light');
    expect(light.background).not.toBe(system.background);
    await toggle.click();
    await expect(page.getByRole('button', { name: 'Theme: dark' }).count()).resolves.toBe(1);
    expect((await state()).theme).toBe('dark');
    await page.goto('/glossary/');
    // The inline head script sets the theme before first paint, so it is there at DOMContentLoaded.
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await expect(page.getByRole('button', { name: 'Theme: dark' }).count()).resolves.toBe(1);
    await page.locator('.theme-toggle').click();
    // Back to following the system, and remembered as such.
    await expect(page.getByRole('button', { name: 'Theme: system' }).count()).resolves.toBe(1);
    await page.goto('/');
    await expect(page.evaluate(() => document.documentElement.dataset.theme ?? 'system')).resolves.toBe('system');
  });

  it('serves the 404 page for an unknown address', async () => {
    const { page } = await site.newPage();
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
  });
});
