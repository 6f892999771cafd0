import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { headersForPath, parseHeadersFile } from '../../src/lib/headers-file.ts';
import { builtPages, distDir } from '../support/dist.ts';

const dir = distDir();
const rules = parseHeadersFile(readFileSync(join(dir, '_headers'), 'utf8'));
const pages = builtPages(dir);
const headers = (path: string) => {
  const all = headersForPath(rules, path);
  return Object.fromEntries(Object.entries(all).map(([k, v]) => [k.toLowerCase(), v]));
};
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('security headers from _headers', () => {
  it.each(pages.map((p) => [p.path, p] as const))('%s: inline scripts allowed by hash, no inline handlers or styles', (path, page) => {
    const csp = headers(path)['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src [^;]*'self'|script-src [^;]*'sha256-/);
    expect(csp).not.toContain("'unsafe-inline'");
    expect(csp).not.toContain("'unsafe-eval'");
    for (const script of page.root.querySelectorAll('script')) {
      const type = script.getAttribute('type');
      if (script.getAttribute('src') || (type && type !== 'module' && type !== 'text/javascript')) continue;
      expect(csp, `inline script in ${path}: ${script.rawText.slice(0, 60)}`).toContain(sha256(script.rawText));
    }
    const handlers = page.root.querySelectorAll('*').filter((el) => Object.keys(el.attributes).some((a) => /^on/i.test(a)));
    expect(handlers.map((el) => el.outerHTML.slice(0, 80))).toEqual([]);
    expect(page.root.querySelectorAll('[style]').map((el) => el.outerHTML.slice(0, 80))).toEqual([]);
  });

  it('sends nosniff, a referrer policy and a permissions policy everywhere', () => {
    for (const path of ['/', '/terms/outsourcing/', '/embed/outsourcing/', '/api/terms.json', '/_astro/x.js']) {
      const h = headers(path);
      expect(h['x-content-type-options'], path).toBe('nosniff');
      expect(h['referrer-policy'], path).toBeTruthy();
      expect(h['permissions-policy'], path).toContain('camera=()');
    }
  });

  it('refuses framing everywhere except the embed views', () => {
    for (const page of pages) {
      const h = headers(page.path);
      const framed = page.path.startsWith('/embed/');
      if (framed) {
        expect(h['x-frame-options'], page.path).toBeUndefined();
        expect(h['content-security-policy'], page.path).toContain('frame-ancestors *');
      } else {
        expect(h['x-frame-options'], page.path).toBe('DENY');
        expect(h['content-security-policy'], page.path).toContain("frame-ancestors 'none'");
      }
    }
  });

  it('caches fingerprinted assets for a year, immutable, and nothing else that way', () => {
    expect(headers('/_astro/BaseLayout.abc123.css')['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/terms/outsourcing/', '/', '/pagefind/pagefind.js', '/embed/outsourcing/', '/api/terms.json']) {
      expect(headers(path)['cache-control'], path).toBe('public, max-age=0, must-revalidate');
    }
  });
});
