/**
 * Starts the built site on a loopback port and a headless Chromium to drive it.
 */
import { inject } from 'vitest';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../../scripts/static-server.ts';
import { distDir } from './dist.ts';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  // Playwright gives every launch a fresh, temporary user-data-dir.
  return chromium.launch({ executablePath: inject('chromePath'), headless: true, args: CHROMIUM_ARGS });
}

export interface SiteSession {
  server: StaticServer;
  browser: Browser;
  /** A new page; console errors and page errors are collected in `errors`, console warnings in `warnings`. */
  newPage(options?: BrowserContextOptions): Promise<{ page: Page; errors: string[]; warnings: string[] }>;
  close(): Promise<void>;
}

export async function openSite(root = distDir()): Promise<SiteSession> {
  const server = await startStaticServer({ root });
  const browser = await launchChromium();
  return {
    server,
    browser,
    async newPage(options) {
      const context = await browser.newContext({ baseURL: server.url, ...options });
      const page = await context.newPage();
      const errors: string[] = [];
      const warnings: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
        if (m.type() === 'warning') warnings.push(m.text());
      });
      return { page, errors, warnings };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
