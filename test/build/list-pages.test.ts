// Long lists cut into pages: a synthetic glossary built with a tiny page size (so that the A-Z,
// every letter, every topic and the comparisons all split) must keep every term two clicks from
// the A-Z, no page over the maximum, every list page in the sitemap and every link working;
// the real glossary (dist/) fits one page and stays one page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, type ConfigData } from 'html-validate';
import { writeSyntheticContent } from '../../bench/synthetic-content.ts';
import { buildContent, type BuildResult } from '../support/build-site.ts';
import { builtPage, builtPages, distDir, type BuiltPage } from '../support/dist.ts';
import { checkInternalLinks } from '../support/links.ts';
import { childText, descendants, parseXml } from '../support/xml.ts';
import { siteUrl } from '../../src/lib/site.ts';
import { readTermFiles } from '../../src/lib/content-source.ts';
import { DEFAULT_LIST_PAGE_SIZE } from '../../src/lib/list-pages.ts';

/** Small enough that 160 terms split everywhere: letters of about 10 terms, topics of about 27, 80 comparisons. */
const PAGE_SIZE = 8;
const TERMS = 160;
const site = siteUrl();

const mainLinks = (page: BuiltPage) =>
  page.root.querySelectorAll('main a[href]').map((a) => new URL(a.getAttribute('href')!, `http://x${page.path}`).pathname);
const isLetterPage = (path: string) => /^\/glossary\/[a-z]+\/(\d+\/)?$/.test(path);
const isTopicPage = (path: string) => /^\/topics\/[a-z-]+\/(\d+\/)?$/.test(path);
const isCompareIndex = (path: string) => path === '/compare/' || /^\/compare\/page\/\d+\/$/.test(path);
const isComparison = (path: string) => /^\/compare\/[^/]+-vs-[^/]+\/$/.test(path);

/** Every URL the sitemaps of a build list. */
function sitemapUrls(dir: string): string[] {
  const index = parseXml(readFileSync(join(dir, 'sitemap-index.xml'), 'utf8'));
  return descendants(index, 'loc').flatMap((loc) => {
    const file = join(dir, new URL(loc.text.trim()).pathname);
    return descendants(parseXml(readFileSync(file, 'utf8')), 'url').map((u) => childText(u, 'loc')!);
  });
}

describe(`a glossary of ${TERMS} terms with GLOSSARY_LIST_PAGE_SIZE=${PAGE_SIZE}`, () => {
  let content: string;
  let build: BuildResult;
  let pages: BuiltPage[];
  let byPath: Map<string, BuiltPage>;
  const page = (path: string) => {
    const found = byPath.get(path);
    if (!found) throw new Error(`no page at ${path}`);
    return found;
  };

  beforeAll(() => {
    content = writeSyntheticContent({ terms: TERMS });
    // One title that starts with a digit, for the "#" letter.
    writeFileSync(
      join(content, 'terms', '24-7-coverage.mdx'),
      '---\ntitle: 24/7 coverage\nsummary: Work answered around the clock by a provider in several time zones.\ntopic: operations\ntakeaways:\n  - Someone picks up at any hour.\n  - Usually shared between teams in several countries.\nsources:\n  - title: Synthetic source\n    publication: Test\nupdated: 2026-01-01\n---\n\nA definition.\n',
    );
    build = buildContent(content, { OG_IMAGES: 'off', GLOSSARY_LIST_PAGE_SIZE: String(PAGE_SIZE) });
    if (!build.ok) throw new Error(build.output.slice(-3000));
    pages = builtPages(build.outDir);
    byPath = new Map(pages.map((p) => [p.path, p]));
  }, 180_000);

  afterAll(() => {
    build?.cleanup();
    if (content) rmSync(content, { recursive: true, force: true });
  });

  it('turns /glossary/ into an index of letter pages, with no term listed on it', () => {
    const index = page('/glossary/');
    expect(mainLinks(index).filter((p) => p.startsWith('/terms/'))).toEqual([]);
    expect(index.root.querySelectorAll('main dl')).toHaveLength(0);
    // The letter navigation leads to the letter pages.
    const letters = index.root.querySelectorAll('nav.letter-nav a').map((a) => a.getAttribute('href'));
    expect(letters.length).toBeGreaterThan(10);
    for (const href of letters) expect(href).toMatch(/^\/glossary\/[a-z]+\/$/);
    expect(letters).toContain('/glossary/other/');
    // No DefinedTermSet listing every term: the letter pages name their own.
    const ld = index.root.querySelectorAll('script[type="application/ld+json"]').map((s) => s.textContent).join('');
    expect(ld).toContain('DefinedTermSet');
    expect(ld).not.toContain('hasDefinedTerm');
  });

  it('links every letter page from /glossary/, with its guide words and count', () => {
    const letterPages = pages.filter((p) => isLetterPage(p.path)).map((p) => p.path);
    const linked = new Set(mainLinks(page('/glossary/')));
    expect(letterPages.filter((p) => !linked.has(p))).toEqual([]);
    // At least one letter runs to three pages and more.
    expect(letterPages.some((p) => /\/3\/$/.test(p))).toBe(true);
    const item = page('/glossary/').root.querySelector('main a[href="/glossary/k/2/"]')!.parentNode!;
    expect(item.text).toMatch(/^\S.* – \S.* \d+ terms?$/);
  });

  it('keeps every term two clicks from the A-Z: /glossary/ -> a letter page -> the term', () => {
    const termPages = pages.filter((p) => /^\/terms\/[^/]+\/$/.test(p.path)).map((p) => p.path);
    expect(termPages).toHaveLength(TERMS + 1);
    const reached = new Set(
      mainLinks(page('/glossary/'))
        .filter(isLetterPage)
        .flatMap((path) => mainLinks(page(path)).filter((p) => p.startsWith('/terms/'))),
    );
    expect(termPages.filter((p) => !reached.has(p))).toEqual([]);
    expect(mainLinks(page('/glossary/other/'))).toContain('/terms/24-7-coverage/');
  });

  it(`puts at most ${PAGE_SIZE} items on any list page, each item on exactly one page of its list`, () => {
    const letterPages = pages.filter((p) => isLetterPage(p.path));
    const onLetterPages = letterPages.flatMap((p) => {
      const items = p.root.querySelectorAll('main dl > div');
      expect(items.length, p.path).toBeGreaterThan(0);
      expect(items.length, p.path).toBeLessThanOrEqual(PAGE_SIZE);
      return items.map((d) => d.querySelector('a')!.getAttribute('href'));
    });
    expect(onLetterPages).toHaveLength(TERMS + 1);
    expect(new Set(onLetterPages).size).toBe(TERMS + 1);

    const topicPages = pages.filter((p) => isTopicPage(p.path));
    expect(topicPages.some((p) => /\/\d+\/$/.test(p.path))).toBe(true);
    const onTopicPages = topicPages.flatMap((p) => {
      const items = p.root.querySelectorAll('main ul.term-list > li');
      expect(items.length, p.path).toBeGreaterThan(0);
      expect(items.length, p.path).toBeLessThanOrEqual(PAGE_SIZE);
      return items.map((li) => li.querySelector('a')!.getAttribute('href'));
    });
    expect(new Set(onTopicPages).size).toBe(TERMS + 1);
    expect(onTopicPages).toHaveLength(TERMS + 1);

    const compareIndexes = pages.filter((p) => isCompareIndex(p.path));
    expect(compareIndexes.length).toBeGreaterThan(2);
    const onCompareIndexes = compareIndexes.flatMap((p) => {
      const items = p.root.querySelectorAll('main ul.term-list > li');
      expect(items.length, p.path).toBeGreaterThan(0);
      expect(items.length, p.path).toBeLessThanOrEqual(PAGE_SIZE);
      return items.map((li) => li.querySelector('a')!.getAttribute('href'));
    });
    expect([...onCompareIndexes].sort()).toEqual(pages.filter((p) => isComparison(p.path)).map((p) => p.path).sort());
  });

  it('chains the letter pages with previous and next links, A to Z then "#"', () => {
    const ordered = page('/glossary/').root.querySelectorAll('main .az-index li a').map((a) => a.getAttribute('href')!);
    const chain = [ordered[0]!];
    for (;;) {
      const next = page(chain.at(-1)!).root.querySelector('main a[rel="next"]')?.getAttribute('href');
      if (!next) break;
      chain.push(next);
    }
    expect(chain).toEqual(ordered);
    expect(chain.at(-1)).toBe('/glossary/other/');
    expect(page(chain[0]!).root.querySelector('main a[rel="prev"]')).toBeNull();
  });

  it('gives each part of a letter a breadcrumb, the list of its parts and the current letter', () => {
    const second = page('/glossary/k/2/');
    expect(second.root.querySelectorAll('nav.breadcrumb li').map((li) => li.text.trim())).toEqual(['Home', 'Glossary', 'Letter K', expect.stringMatching(/ – /)]);
    expect(second.root.querySelector('nav.letter-nav a[aria-current]')?.getAttribute('href')).toBe('/glossary/k/');
    const parts = second.root.querySelectorAll('nav.list-parts a').map((a) => a.getAttribute('href'));
    expect(parts.slice(0, 2)).toEqual(['/glossary/k/', '/glossary/k/2/']);
    expect(second.root.querySelector('nav.list-parts a[aria-current="page"]')?.getAttribute('href')).toBe('/glossary/k/2/');
    expect(second.root.querySelector('h1')?.text).toBe('Terms starting with K');
  });

  it('gives every list page its own title, a canonical URL, one h1 and a place in the sitemap', () => {
    const listPages = pages.filter((p) => p.path === '/glossary/' || isLetterPage(p.path) || isTopicPage(p.path) || isCompareIndex(p.path));
    const titles = listPages.map((p) => p.root.querySelector('title')!.text);
    expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([]);
    const listed = new Set(sitemapUrls(build.outDir));
    for (const p of listPages) {
      expect(p.root.querySelector('link[rel="canonical"]')?.getAttribute('href'), p.path).toBe(`${site}${p.path}`);
      expect(p.root.querySelectorAll('h1'), p.path).toHaveLength(1);
      expect(listed.has(`${site}${p.path}`), `${p.path} in the sitemap`).toBe(true);
    }
  });

  it('passes the link check: every link from and to the list pages resolves', () => {
    const { broken, checked } = checkInternalLinks(build.outDir);
    expect(checked).toBeGreaterThan(pages.length);
    // The home page and the calculator name real guides and terms by slug, which a synthetic
    // glossary does not have; every other broken link counts.
    const isList = (path: string) => path === '/glossary/' || isLetterPage(path) || isTopicPage(path) || isCompareIndex(path);
    const ours = broken.filter((line) => {
      const [from, ref] = line.split(': ');
      return !['/', '/calculator/'].includes(from!) || isList(new URL(ref!, 'http://x/').pathname);
    });
    expect(ours).toEqual([]);
    expect(broken.length).toBeLessThan(10);
  });

  it('writes valid HTML on every list page', async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')) as ConfigData);
    const listPages = pages.filter((p) => p.path === '/glossary/' || isLetterPage(p.path) || isTopicPage(p.path) || isCompareIndex(p.path));
    const messages: string[] = [];
    for (const p of listPages) {
      const report = await validator.validateString(p.html, p.file);
      messages.push(...report.results.flatMap((r) => r.messages.map((m) => `${p.path} ${m.line}:${m.column} ${m.ruleId}: ${m.message}`)));
    }
    expect(messages).toEqual([]);
  });
});

describe('the real glossary, which fits one page', () => {
  const dir = distDir();
  const terms = readTermFiles('content');

  it(`has fewer terms than a page holds (${DEFAULT_LIST_PAGE_SIZE}), so nothing is split`, () => {
    expect(terms.length).toBeLessThanOrEqual(DEFAULT_LIST_PAGE_SIZE);
  });

  it('lists every term with its summary on /glossary/, under letter anchors', () => {
    const index = builtPage('/glossary/', dir);
    const listed = index.root.querySelectorAll('main dl > div a').map((a) => a.getAttribute('href'));
    expect([...listed].sort()).toEqual(terms.map((t) => `/terms/${t.slug}/`).sort());
    for (const href of index.root.querySelectorAll('nav.letter-nav a').map((a) => a.getAttribute('href'))) expect(href).toMatch(/^#[a-z]+$/);
  });

  it('builds no letter pages, no further topic pages and no further comparison pages', () => {
    const paths = builtPages(dir).map((p) => p.path);
    expect(paths.filter((p) => isLetterPage(p) || /^\/topics\/[^/]+\/\d+\/$/.test(p) || /^\/compare\/page\//.test(p))).toEqual([]);
    expect(existsSync(join(dir, 'compare', 'page'))).toBe(false);
  });
});
