/**
 * The term page as a reader meets it: breadcrumb (matching the BreadcrumbList JSON-LD), the h1,
 * "Updated 22 Nov 2026 · 3 min read", the summary, the takeaways when the term has them, the
 * body, a compact related list, "Mentioned in" (six, the rest behind a disclosure), sources;
 * previous/next in A-Z order; related, mentioned-in and the embed panel left out of print.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HTMLElement } from 'node-html-parser';
import { builtPage, builtPages } from '../support/dist.ts';
import { buildContent, type BuildResult } from '../support/build-site.ts';

const termPages = builtPages().filter((p) => /^\/terms\/[^/]+\/$/.test(p.path));

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

  it('shows six "Mentioned in" pages and the rest behind a closed disclosure', () => {
    const busiest = [...termPages].sort((a, b) => b.root.querySelectorAll('.mentioned-in li').length - a.root.querySelectorAll('.mentioned-in li').length)[0]!;
    const section = busiest.root.querySelector('#mentioned-heading')!.parentNode;
    const total = section.querySelectorAll('.mentioned-in li').length;
    expect(total, busiest.path).toBeGreaterThan(6);
    expect(section.querySelectorAll(':scope > .mentioned-in li')).toHaveLength(6);
    const more = section.querySelector('details')!;
    expect(more.hasAttribute('open')).toBe(false);
    expect(more.querySelectorAll('li')).toHaveLength(total - 6);
    expect(more.querySelector('summary')!.text).toBe(`${total - 6} more pages`);
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
    for (const id of ['related-heading', 'mentioned-heading']) expect(page.root.querySelector(`#${id}`)!.parentNode.classList.contains('no-print'), id).toBe(true);
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
