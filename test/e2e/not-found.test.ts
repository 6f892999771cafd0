/**
 * The 404 page in Chromium, at an ordinary address and under /embed/ (issue 18, defect 13):
 * the server answers a 404 with the 404 page's own headers, so its scripts are not blocked by
 * the embed views' Content-Security-Policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, type SiteSession } from '../support/browser.ts';

let site: SiteSession;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => site?.close());

describe('the 404 page in Chromium', () => {
  it.each(['/no-such-page/', '/embed/no-such-term/', '/embed/no-such-term', '/_astro/no-such-file.js'])('%s: the page works, with no CSP violation', async (path) => {
    const { page, errors } = await site.newPage({ colorScheme: 'light' });
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportViolation(t: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
      ),
    );
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    // The inline theme script in <head> ran, and the header's module script took over the toggle.
    await expect(page.evaluate(() => document.documentElement.classList.contains('js'))).resolves.toBe(true);
    // The theme control cycles system -> light -> dark: it reaches dark within three clicks.
    const seen: (string | undefined)[] = [];
    for (let i = 0; i < 3 && seen.at(-1) !== 'dark'; i++) {
      await page.locator('.theme-toggle').click();
      seen.push(await page.evaluate(() => document.documentElement.dataset.theme));
    }
    expect(seen).toContain('dark');
    expect(violations).toEqual([]);
    expect(errors.filter((e) => !/Failed to load resource.*404/.test(e))).toEqual([]);
  });
});
