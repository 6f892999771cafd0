/**
 * The term page as a reader meets it: breadcrumb (matching the BreadcrumbList JSON-LD), the h1,
 * "Updated 22 Nov 2026 · 3 min read", the summary, the takeaways when the term has them, the
 * body, a compact related list, "Mentioned in" (six, the rest behind a disclosure, twenty listed
 * at most, then a search for the term), sources; previous/next in A-Z order; related,
 * mentioned-in and the embed panel left out of print. And its weight: HTML + CSS within 14 KB
 * gzip, the first round trip (DESIGN.md budgets).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HTMLElement } from 'node-html-parser';
import { builtPage, builtPages, distDir } from '../support/dist.ts';
import { buildContent, type BuildResult } from '../support/build-site.ts';
import { pageWeight } from '../support/weight.ts';

const pages = builtPages();
const termPages = pages.filter((p) => /^\/terms\/[^/]+\/$/.test(p.path));

/** HTML + CSS of a term page, gzipped: at most 14 KB, so that it arrives in the first round trip. */
const TERM_PAGE_BUDGET = 14 * 1024;
/** "Mentioned in" lists six pages, then the rest behind a disclosure, twenty in all at most. */
const MENTIONED_VISIBLE = 6;
const MENTIONED_LISTED = 20;

/** How many other term and guide pages link each term page from their text, from the built site. */
function mentionCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const page of pages.filter((p) => /^\/(terms|guides)\/[^/]+\/$/.test(p.path))) {
    const targets = new Set(page.root.querySelectorAll('a.term-link').map((a) => a.getAttribute('href')!));
    for (const target of targets) if (target !== page.path) counts.set(target, (counts.get(target) ?? 0) + 1);
  }
  return counts;
}

/** Positions in document order of the first element matching each selector (-1 when missing). */
function order(root: HTMLElement, selectors: string[]): number[] {
  const all = root.querySelectorAll('*');
  return selectors.map((s) => {
    const el = root.querySelector(s);
    return el ? all.indexOf(el) : -1;
  });
}

const SEQUENCE = ['nav.breadcrumb', 'h1', '.page-meta', '.term-summary', '.takeaways', '.prose', '#related-heading', '#mentioned-heading', '#sources-heading'];

function expectOrder(root: HTMLElement, selectors: string[], label: string) {
  const positions = order(root, selectors);
  const present = selectors.map((s, i) => [s, positions[i]!] as const).filter(([, p]) => p >= 0);
  expect(present.map(([s]) => s), label).toEqual([...present].sort((a, b) => a[1] - b[1]).map(([s]) => s));
}

describe('every term page', () => {
  it.each(termPages.map((p) => [p.path, p] as const))('%s holds breadcrumb, h1, date, summary, body, related, mentioned-in, sources in that order', (path, page) => {
    const main = page.root.querySelector('main')!;
    for (const s of ['nav.breadcrumb', 'h1', '.page-meta', '.term-summary', '.prose', '#sources-heading']) expect(main.querySelector(s), `${path}: ${s}`).not.toBeNull();
    expectOrder(main, SEQUENCE, path);
  });

  it.each(termPages.map((p) => [p.path, p] as const))('%s: the breadcrumb is Home > Topic > Term, as in its JSON-LD', (path, page) => {
    const visible = page.root.querySelectorAll('nav.breadcrumb li').map((li) => li.text.trim());
    const ld = page.root
      .querySelectorAll('script[type="application/ld+json"]')
      .map((s) => JSON.parse(s.rawText))
      .find((d) => d['@type'] === 'BreadcrumbList');
    expect(ld, path).toBeDefined();
    expect(ld.itemListElement.map((i: { name: string }) => i.name)).toEqual(visible);
    expect(visible).toHaveLength(3);
    expect(visible[0]).toBe('Home');
    expect(visible[2]).toBe(page.root.querySelector('h1')!.text.trim());
    expect(page.root.querySelector('nav.breadcrumb a[href^="/topics/"]'), path).not.toBeNull();
  });

  it('says when it was updated and how long it takes to read, under the title', () => {
    const page = builtPage('/terms/outsourcing/');
    const meta = page.root.querySelector('.page-meta')!;
    expect(meta.text).toMatch(/^Updated \d{1,2} [A-Z][a-z]{2} \d{4} · \d+ min read/);
    expect(meta.querySelector('time')!.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('shows related terms as a compact list: title and one regular line, no "Read the full entry"', () => {
    const page = builtPage('/terms/outsourcing/');
    const items = page.root.querySelectorAll('#related-heading ~ .term-list li');
    expect(items.length).toBeGreaterThan(0);
    for (const li of items) {
      expect(li.querySelectorAll('a')).toHaveLength(1);
      expect(li.querySelectorAll('p')).toHaveLength(1);
    }
    expect(page.root.querySelector('main .term-card__link')).toBeNull();
  });

  it('shows six "Mentioned in" pages and the rest behind a closed disclosure, twenty listed at most, then a search', () => {
    const counts = mentionCounts();
    const capped = termPages.filter((p) => (counts.get(p.path) ?? 0) > MENTIONED_LISTED);
    const disclosed = termPages.filter((p) => (counts.get(p.path) ?? 0) > MENTIONED_VISIBLE);
    expect(capped.length, 'a term mentioned by more pages than are listed').toBeGreaterThan(0);
    expect(disclosed.length).toBeGreaterThan(capped.length);
    for (const page of termPages) {
      const total = counts.get(page.path) ?? 0;
      const section = page.root.querySelector('#mentioned-heading')?.parentNode;
      if (total === 0) {
        expect(section, page.path).toBeUndefined();
        continue;
      }
      expect(section, page.path).toBeDefined();
      expect(section!.querySelectorAll(':scope > .mentioned-in li'), page.path).toHaveLength(Math.min(total, MENTIONED_VISIBLE));
      const more = section!.querySelector('details');
      if (total <= MENTIONED_VISIBLE) {
        expect(more, page.path).toBeNull();
        continue;
      }
      expect(more!.hasAttribute('open'), page.path).toBe(false);
      expect(more!.querySelector('summary')!.text, page.path).toBe(`${total - MENTIONED_VISIBLE} more ${total - MENTIONED_VISIBLE === 1 ? 'page' : 'pages'}`);
      expect(more!.querySelectorAll('.mentioned-in li'), page.path).toHaveLength(Math.min(total, MENTIONED_LISTED) - MENTIONED_VISIBLE);
      const search = more!.querySelector('a[href^="/search/?q="]');
      if (total <= MENTIONED_LISTED) {
        expect(search, page.path).toBeNull();
        continue;
      }
      const title = page.root.querySelector('h1')!.text.trim();
      expect(new URL(search!.getAttribute('href')!, 'http://site').searchParams.get('q'), page.path).toBe(title);
      expect(search!.parentNode!.text, page.path).toBe(`Search the glossary for “${title}” to find the other ${total - MENTIONED_LISTED}.`);
    }
  });

  it('weighs at most 14 KB gzip, HTML and CSS together, on every term page', () => {
    const weights = termPages.map((p) => ({ path: p.path, gzip: pageWeight(distDir(), p.path).gzip }));
    expect(weights.length).toBeGreaterThan(0);
    const over = weights.filter((w) => w.gzip > TERM_PAGE_BUDGET).map((w) => `${w.path} ${w.gzip} B`);
    expect(over, `over ${TERM_PAGE_BUDGET} B (bench/term-weights.ts shows what weighs what)`).toEqual([]);
  });

  it('shows "On this page" beside long entries only', () => {
    expect(builtPage('/terms/outsourcing/').root.querySelector('.rail .toc')).not.toBeNull();
    expect(builtPage('/terms/retainer/').root.querySelector('.rail .toc')).toBeNull();
    expect(builtPage('/terms/retainer/').root.querySelector('.rail a[href="/topics/contracts/"]')).not.toBeNull();
  });

  it('links the previous and next terms in A-Z order', () => {
    const titles = termPages.map((p) => p.root.querySelector('h1')!.text.trim()).sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
    const page = builtPage('/terms/outsourcing/');
    const i = titles.indexOf('Outsourcing');
    expect(page.root.querySelector('.pager [rel="prev"] strong')!.text).toBe(titles[i - 1]);
    expect(page.root.querySelector('.pager [rel="next"] strong')!.text).toBe(titles[i + 1]);
  });

  it('keeps related, mentioned-in, the embed panel and the pager out of print; the embed panel starts closed', () => {
    const page = builtPage('/terms/outsourcing/');
    for (const id of ['related-heading', 'mentioned-heading']) expect(page.root.querySelector(`#${id}`)!.parentNode!.classList.contains('no-print'), id).toBe(true);
    const embed = page.root.querySelector('details.embed-panel')!;
    expect(embed.classList.contains('no-print')).toBe(true);
    expect(embed.hasAttribute('open')).toBe(false);
  });

  it('shows the overlap diagram, with the term highlighted, on the four terms it explains', () => {
    for (const slug of ['outsourcing', 'offshoring', 'homeshoring', 'business-process-outsourcing']) {
      const page = builtPage(`/terms/${slug}/`);
      expect(page.root.querySelector('figure.overlap'), slug).not.toBeNull();
      expect(page.root.querySelectorAll('.overlap__cell--hl').length, slug).toBeGreaterThanOrEqual(2);
    }
    expect(builtPage('/terms/retainer/').root.querySelector('figure.overlap')).toBeNull();
    expect(builtPage('/').root.querySelector('figure.overlap')).not.toBeNull();
  });
});

describe('a term with takeaways (fixture)', () => {
  let build: BuildResult;
  beforeAll(() => {
    build = buildContent('test/fixtures/with-takeaways', { OG_IMAGES: 'off' });
  }, 180_000);
  afterAll(() => build?.cleanup());

  it('renders them after the summary and before the body', () => {
    expect(build.ok, build.output.slice(-2000)).toBe(true);
    const page = builtPage('/terms/outsourcing/', build.outDir);
    const items = page.root.querySelectorAll('.takeaways li').map((li) => li.text);
    expect(items).toEqual(['Outsourcing is about who does the work, not where it is done.', 'A provider can be across the street or abroad.']);
    const positions = order(page.root.querySelector('main')!, SEQUENCE);
    expect(positions.filter((p) => p >= 0)).toEqual([...positions.filter((p) => p >= 0)].sort((a, b) => a - b));
    expect(positions[SEQUENCE.indexOf('.takeaways')]).toBeGreaterThan(positions[SEQUENCE.indexOf('.term-summary')]!);
    expect(positions[SEQUENCE.indexOf('.takeaways')]).toBeLessThan(positions[SEQUENCE.indexOf('.prose')]!);
    expect(builtPage('/terms/offshoring/', build.outDir).root.querySelectorAll('.takeaways li')).toHaveLength(2);
  });
});
