import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distDir, redirectPages } from '../support/dist.ts';
import { contentDir, readTermFiles } from '../../src/lib/content-source.ts';
import { slugify } from '../../src/lib/redirects.ts';
import { siteUrl } from '../../src/lib/site.ts';
import { HtmlValidate, type ConfigData } from 'html-validate';

const dir = distDir();
const terms = readTermFiles(contentDir());
const slugs = new Set(terms.map((t) => t.slug));
const pages = new Map(redirectPages(dir).map((p) => [p.path, p]));
const lines = readFileSync(join(dir, '_redirects'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'));

/** Every address the content asks for, read from the term files themselves: [from, to, why]. */
const expected = terms.flatMap((t) =>
  [...t.data.aliases.map((a) => [slugify(a), `alias "${a}"`]), ...t.data.redirectFrom.map((r) => [r, `redirectFrom "${r}"`])]
    .filter(([from]) => from && from !== t.slug)
    .map(([from, why]) => [from!, t.slug, `${t.file}: ${why}`] as const),
);

describe('alias and old-address redirects', () => {
  it('the content has aliases to redirect (homesourcing among them)', () => {
    expect(expected.length).toBeGreaterThan(20);
    expect(expected.some(([from, to]) => from === 'homesourcing' && to === 'homeshoring')).toBe(true);
  });

  it.each(expected)('/terms/%s/ leads to /terms/%s/ (%s)', (from, to) => {
    const target = `/terms/${to}/`;
    const page = pages.get(`/terms/${from}/`);
    expect(page, `no redirect page at /terms/${from}/`).toBeDefined();
    const root = page!.root;
    expect(root.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(`0; url=${target}`);
    expect(root.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(new URL(target, siteUrl()).href);
    expect(root.querySelector('meta[name="robots"]')?.getAttribute('content')).toMatch(/noindex/);
    expect(root.querySelector(`main a[href="${target}"]`)).not.toBeNull();
    expect(lines).toContain(`/terms/${from}/ ${target} 301`);
    expect(existsSync(join(dir, 'terms', to, 'index.html'))).toBe(true);
  });

  it('nothing more: every redirect page and _redirects line comes from the content, and none shadows a term', () => {
    const wanted = new Set(expected.map(([from]) => `/terms/${from}/`));
    // /terms/ itself forwards to the A-Z: a page of the site, not of the content.
    const aliasPaths = (paths: string[]) => paths.filter((p) => p !== '/terms/').sort();
    expect(aliasPaths([...pages.keys()])).toEqual([...wanted].sort());
    expect(aliasPaths(lines.map((l) => l.split(' ')[0]!))).toEqual([...wanted].sort());
    for (const path of pages.keys()) expect(slugs.has(path.split('/')[2]!), path).toBe(false);
  });

  it('a redirect page is valid HTML', async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')) as ConfigData);
    const page = pages.get('/terms/homesourcing/')!;
    const report = await validator.validateString(page.html, page.file);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`))).toEqual([]);
  });

  it('redirect pages stay out of the sitemap (the search-index tests keep them out of the index)', () => {
    const sitemap = readFileSync(join(dir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('/terms/homeshoring/<');
    for (const path of pages.keys()) expect(sitemap, path).not.toContain(`${path}<`);
  });
});
