import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/axe.ts';
import { openSite, type SiteSession } from '../support/browser.ts';
import { normalizeQuery } from '../../src/lib/search.ts';
import { distDir } from '../support/dist.ts';
import { contentDir, readTermFiles } from '../../src/lib/content-source.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

let site: SiteSession;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => site?.close());

const status = (page: Page) => page.locator('#search-status');
const resultTitles = (page: Page) => page.locator('#search-results .search-result h2').allTextContents();

/** Opens /search/ with a query string and waits until the live region reports the outcome. */
async function searchPage(page: Page, query: string) {
  await page.goto(`/search/${query}`);
  await page.waitForFunction(() => (document.querySelector('#search-status')?.textContent ?? '') !== '');
}

/** Opens the search dialog with `/` and waits until its field has focus. */
async function openSearch(page: Page) {
  await page.keyboard.press('/');
  await page.waitForFunction(() => document.querySelector<HTMLDialogElement>('#search-dialog')?.open && document.activeElement?.id === 'header-search-input');
}

/**
 * Types into the header box and waits for the suggestions to answer: for exactly that query,
 * or (`exact` false, on a freshly loaded page) for whatever the browser made of it.
 */
async function typeInHeader(page: Page, text: string, exact = true) {
  // The header box lives in the search dialog: open it with the header's search button first.
  if (!(await page.evaluate(() => document.querySelector<HTMLDialogElement>('#search-dialog')?.open))) {
    await page.locator('button.search-open').click();
    await page.waitForFunction(() => document.querySelector<HTMLDialogElement>('#search-dialog')?.open && document.activeElement?.id === 'header-search-input');
  }
  const input = page.locator('#header-search-input');
  await input.fill(text);
  const q = normalizeQuery(text);
  if (!q) return;
  await page.waitForFunction(
    (expected) => [...document.querySelectorAll('.header-search [role="status"]')].some((s) => (s.textContent ?? '').endsWith(expected)),
    exact ? `“${q}”.` : '”.',
  );
}

describe('search page', () => {
  it('finds a term by its alias first: "homesourcing" lists Homeshoring first', async () => {
    const { page, errors } = await site.newPage();
    await searchPage(page, '?q=homesourcing');
    const titles = await resultTitles(page);
    expect(titles[0]).toBe('Homeshoring');
    await expect(status(page).textContent()).resolves.toMatch(/^\d+ results? for “homesourcing”\.$/);
    await expect(page.locator('#search-results mark').first().textContent()).resolves.toMatch(/homesourcing/i);
    expect(errors).toEqual([]);
  });

  it('finds a term by its abbreviation first: "BPO" lists business process outsourcing first', async () => {
    const term = join(distDir(), 'terms', 'business-process-outsourcing', 'index.html');
    expect(existsSync(term), 'the built glossary has no business-process-outsourcing term (alias BPO)').toBe(true);
    const { page, errors } = await site.newPage();
    await searchPage(page, '?q=BPO');
    expect((await resultTitles(page))[0]).toBe('Business process outsourcing');
    expect(errors).toEqual([]);
  });

  it('shows results at once for a query in the URL, with title, kind, excerpt and summary', async () => {
    const { page, errors } = await site.newPage();
    await searchPage(page, '?q=offshoring');
    await expect(page.locator('#search-q').inputValue()).resolves.toBe('offshoring');
    const first = page.locator('#search-results .search-result').first();
    await expect(first.locator('h2 a').textContent()).resolves.toBe('Offshoring');
    await expect(first.locator('h2 a').getAttribute('href')).resolves.toBe('/terms/offshoring/');
    await expect(first.locator('.search-result__meta').textContent()).resolves.toBe('Term · Sourcing models');
    await expect(first.locator('.search-result__excerpt mark').count()).resolves.toBeGreaterThan(0);
    await expect(first.locator('.search-result__summary').textContent()).resolves.toMatch(/another country/);
    await expect(page.locator('[data-search-nojs]').isHidden()).resolves.toBe(true);
    await expect(status(page).getAttribute('role')).resolves.toBe('status');
    // "Show more" appears exactly when some results are not shown yet; no empty-state message.
    const total = Number(/^(\d+) results?/.exec((await status(page).textContent()) ?? '')?.[1]);
    const shown = await page.locator('#search-results .search-result').count();
    expect(total).toBeGreaterThan(0);
    await expect(page.locator('#search-more').isHidden()).resolves.toBe(shown >= total);
    await expect(page.locator('#search-empty').isHidden()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  it('ranks a term above a guide that uses the same word', async () => {
    const { page } = await site.newPage();
    await searchPage(page, '?q=outsourcing');
    const kinds = await page.locator('#search-results .search-result__meta').allTextContents();
    expect(kinds.some((k) => k.startsWith('Guide'))).toBe(true);
    expect(kinds[0]).toMatch(/^Term/);
    expect((await resultTitles(page))[0]).toBe('Outsourcing');
  });

  it('the guides filter leaves only guides, and lives in the URL', async () => {
    const { page, errors } = await site.newPage();
    await searchPage(page, '?q=outsourcing');
    const before = await page.locator('#search-results > li').count();
    await page.getByRole('radio', { name: 'Guides' }).check();
    await page.waitForURL(/kind=guide/);
    await page.waitForFunction((n) => document.querySelectorAll('#search-results > li').length !== n, before);
    const kinds = await page.locator('#search-results .search-result__meta').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((k) => k.startsWith('Guide'))).toBe(true);
    expect(new URL(page.url()).searchParams.get('q')).toBe('outsourcing');

    // The same filter from a shared link.
    await searchPage(page, '?q=outsourcing&kind=guide');
    await expect(page.getByRole('radio', { name: 'Guides' }).isChecked()).resolves.toBe(true);
    const shared = await page.locator('#search-results .search-result__meta').allTextContents();
    expect(shared).toEqual(kinds);
    expect(errors).toEqual([]);
  });

  it('filters by topic', async () => {
    const { page } = await site.newPage();
    await searchPage(page, '?q=outsourcing&topic=work-at-home');
    await expect(page.locator('#search-topic').inputValue()).resolves.toBe('work-at-home');
    const kinds = await page.locator('#search-results .search-result__meta').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.every((k) => k === 'Term · Work at home')).toBe(true);
  });

  it('says clearly when nothing matched and offers the A-Z index and popular terms', async () => {
    const { page, errors } = await site.newPage();
    await searchPage(page, '?q=xylophonequux');
    await expect(status(page).textContent()).resolves.toBe('No results for “xylophonequux”.');
    const empty = page.locator('#search-empty');
    await expect(empty.isVisible()).resolves.toBe(true);
    await expect(empty.locator('a[href="/glossary/"]').count()).resolves.toBe(1);
    const popular = await empty.locator('li a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(popular).toEqual(expect.arrayContaining(['/terms/outsourcing/', '/terms/offshoring/', '/terms/homeshoring/']));
    expect(errors).toEqual([]);
  });

  it('keeps searches in history: typing, a filter change, Back and Forward', async () => {
    const { page, errors } = await site.newPage();
    await searchPage(page, '?q=offshoring');
    await page.locator('#search-q').fill('homeshoring');
    await page.waitForURL(/q=homeshoring/);
    await page.waitForFunction(() => document.querySelector('#search-results h2')?.textContent === 'Homeshoring');
    await page.getByRole('radio', { name: 'Terms' }).check();
    await page.waitForURL(/q=homeshoring&kind=term/);

    await page.goBack();
    await page.waitForURL((url) => url.search === '?q=homeshoring');
    await expect(page.getByRole('radio', { name: 'Everything' }).isChecked()).resolves.toBe(true);

    await page.goBack();
    await page.waitForURL((url) => url.search === '?q=offshoring');
    await page.waitForFunction(() => document.querySelector('#search-results h2')?.textContent === 'Offshoring');
    await expect(page.locator('#search-q').inputValue()).resolves.toBe('offshoring');

    await page.goForward();
    await page.waitForURL((url) => url.search === '?q=homeshoring');
    await page.waitForFunction(() => document.querySelector('#search-results h2')?.textContent === 'Homeshoring');
    expect(errors).toEqual([]);
  });
});

describe('header search box', () => {
  it('loads Pagefind once per page, with options it knows: no warning from the header box and the page searching together', async () => {
    const { page, errors, warnings } = await site.newPage();
    const entries: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/pagefind/pagefind-entry.json')) entries.push(r.url());
    });
    // The wasm module and the metadata come as brotli of their content (the build's .br copies),
    // which Pagefind's loader must take as readily as the gzip files themselves.
    const encodings: Promise<string>[] = [];
    page.on('response', (r) => {
      if (/\/pagefind\/(wasm\.en\.pagefind|pagefind\.en_\w+\.pf_meta)$/.test(r.url())) encodings.push(r.headerValue('content-encoding').then((e) => `${new URL(r.url()).pathname.replace(/_\w+\./, '_*.')} ${e}`));
    });
    await searchPage(page, '?q=offshoring');
    await typeInHeader(page, 'homeshoring');
    // Close the dialog (Escape closes the suggestions, then the dialog), then search again with
    // the page's own box.
    for (let i = 0; i < 3 && (await page.evaluate(() => document.querySelector<HTMLDialogElement>('#search-dialog')?.open)); i++) {
      await page.keyboard.press('Escape');
    }
    await page.waitForFunction(() => !document.querySelector<HTMLDialogElement>('#search-dialog')?.open);
    await page.locator('#search-q').fill('nearshoring');
    await page.locator('#search-q').press('Enter');
    await expect.poll(() => status(page).textContent()).toMatch(/nearshoring/);
    expect(warnings.filter((w) => /pagefind/i.test(w))).toEqual([]);
    expect(entries).toHaveLength(1);
    expect((await Promise.all(encodings)).sort()).toEqual(['/pagefind/pagefind.en_*.pf_meta br', '/pagefind/wasm.en.pagefind br']);
    expect(errors).toEqual([]);
  });

  it('loads Pagefind only when search is first used', async () => {
    const { page } = await site.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto('/terms/outsourcing/');
    await page.waitForLoadState('networkidle');
    expect(requests.filter((p) => p.startsWith('/pagefind/'))).toEqual([]);
    const pagefind = page.waitForRequest((r) => new URL(r.url()).pathname === '/pagefind/pagefind.js');
    await openSearch(page);
    await pagefind;
  });

  it('`/` and Ctrl-K open the search dialog, but not while typing in another field', async () => {
    const { page } = await site.newPage();
    await page.goto('/terms/offshoring/');
    await openSearch(page);
    await expect(page.locator('#header-search-input').inputValue()).resolves.toBe('');
    await page.keyboard.press('Escape');
    await expect(page.evaluate(() => document.querySelector<HTMLDialogElement>('#search-dialog')!.open)).resolves.toBe(false);

    await page.locator('main a').first().focus();
    await page.keyboard.press('Control+k');
    await page.waitForFunction(() => document.activeElement?.id === 'header-search-input');
    await page.keyboard.press('Escape');
    // Closing hands focus back to the link the reader was on.
    await expect(page.evaluate(() => document.activeElement === document.querySelector('main a'))).resolves.toBe(true);

    await page.locator('button.search-open').click();
    await page.waitForFunction(() => document.activeElement?.id === 'header-search-input');

    await page.goto('/search/');
    await page.locator('#search-q').focus();
    await page.keyboard.type('a/b');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-q');
    await expect(page.locator('#search-q').inputValue()).resolves.toBe('a/b');
  });

  it('is a combobox: suggestions as you type, arrows, Enter opens the active one', async () => {
    const { page, errors } = await site.newPage();
    await page.goto('/terms/outsourcing/');
    const input = page.locator('#header-search-input');
    await openSearch(page);
    await typeInHeader(page, 'homesourcing');
    await expect(input.getAttribute('role')).resolves.toBe('combobox');
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('true');
    const listId = await input.getAttribute('aria-controls');
    const options = page.locator(`#${listId} [role="option"]`);
    await expect(options.first().locator('.search-popup__title').textContent()).resolves.toBe('Homeshoring');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBeNull();

    await page.keyboard.press('ArrowDown');
    const activeId = await input.getAttribute('aria-activedescendant');
    expect(activeId).toBe(await options.first().getAttribute('id'));
    await expect(options.first().getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowDown');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBe(activeId);

    await page.keyboard.press('Enter');
    await page.waitForURL('**/terms/homeshoring/');
    expect(errors).toEqual([]);
  });

  it('Escape closes the list; Enter with no active option goes to the search page', async () => {
    const { page, errors } = await site.newPage();
    await page.goto('/guides/what-outsourcing-is/');
    const input = page.locator('#header-search-input');
    await openSearch(page);
    await typeInHeader(page, 'offshoring');
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.keyboard.press('Escape');
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.locator('.search-popup').isHidden()).resolves.toBe(true);
    await expect(input.inputValue()).resolves.toBe('offshoring');

    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/search/' && url.searchParams.get('q') === 'offshoring');
    await page.waitForFunction(() => document.querySelector('#search-results h2')?.textContent === 'Offshoring');
    expect(errors).toEqual([]);
  });
});

describe('forgiving search: typos, prefixes and aliases', () => {
  const TYPOS = [
    ['outsorcing', 'Outsourcing'],
    ['homshoring', 'Homeshoring'],
    ['virtual asistant', 'Virtual assistant'],
    ['nearshor', 'Nearshoring'],
    ['freelancr', 'Freelancer'],
  ] as const;

  it.each(TYPOS)('"%s" puts %s first on the search page', async (query, title) => {
    const { page, errors } = await site.newPage();
    await searchPage(page, `?q=${encodeURIComponent(query)}`);
    expect((await resultTitles(page))[0]).toBe(title);
    expect(errors).toEqual([]);
  });

  it('each typo puts the intended term first in the header suggestions', async () => {
    const { page, errors } = await site.newPage();
    await page.goto('/terms/offshoring/');
    await page.locator('#header-search-input').focus();
    for (const [query, title] of TYPOS) {
      await typeInHeader(page, query);
      await expect(page.locator('.search-popup__option .search-popup__title').first().textContent(), query).resolves.toBe(title);
    }
    expect(errors).toEqual([]);
  });

  it('offers "Did you mean Outsourcing?" for a misspelt name, and nothing of the kind for a right one', async () => {
    const { page, errors } = await site.newPage();
    await searchPage(page, '?q=outsorcing');
    const correction = page.locator('#search-correction');
    await expect(correction.isVisible()).resolves.toBe(true);
    await expect(correction.textContent()).resolves.toBe('Did you mean Outsourcing?');
    await expect(correction.locator('a').getAttribute('href')).resolves.toBe('/terms/outsourcing/');

    await page.locator('#search-q').fill('outsourcing');
    await page.waitForFunction(() => (document.querySelector('#search-status')?.textContent ?? '').endsWith('“outsourcing”.'));
    await expect(correction.isHidden()).resolves.toBe(true);
    expect(errors).toEqual([]);
  });

  it('says which alias matched: "also called homesourcing", on the search page and in the suggestions', async () => {
    const { page, errors } = await site.newPage();
    await searchPage(page, '?q=homesourcing');
    const first = page.locator('#search-results .search-result').first();
    await expect(first.locator('h2').textContent()).resolves.toBe('Homeshoring');
    await expect(first.locator('.search-result__alias').textContent()).resolves.toBe('also called homesourcing');
    await searchPage(page, '?q=homeshoring');
    await expect(page.locator('#search-results .search-result').first().locator('.search-result__alias').count()).resolves.toBe(0);

    await page.locator('#header-search-input').focus();
    await typeInHeader(page, 'homesourcing');
    await expect(page.locator('.search-popup__option').first().locator('.search-popup__alias').textContent()).resolves.toBe('also called homesourcing');
    expect(errors).toEqual([]);
  });

  it('"BPO" finds only terms whose own text mentions it', async () => {
    // A term's own text: its title, aliases, summary, takeaways and body, from its file.
    const own = new Map(
      readTermFiles(contentDir()).map((t) => [`/terms/${t.slug}/`, [t.data.title, ...t.data.aliases, t.data.summary, ...(t.data.takeaways ?? []), t.body].join('\n')]),
    );
    const { page, errors } = await site.newPage();
    await searchPage(page, '?q=BPO');
    while (await page.locator('#search-more').isVisible()) await page.locator('#search-more').click();
    const links = await page.locator('#search-results .search-result h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const terms = links.filter((href) => href.startsWith('/terms/'));
    expect(terms[0]).toBe('/terms/business-process-outsourcing/');
    for (const href of terms) expect(own.get(href), href).toMatch(/\bBPO\b/i);
    expect(errors).toEqual([]);
  });

  it('no excerpt shows "Mentioned in", "Related terms" or "Sources"', async () => {
    const { page } = await site.newPage();
    for (const q of ['BPO', 'outsourcing', 'offshoring', 'freelancer', 'sources', 'related']) {
      await searchPage(page, `?q=${q}`);
      const excerpts = await page.locator('.search-result__excerpt').allTextContents();
      for (const excerpt of excerpts) expect(excerpt, q).not.toMatch(/Mentioned in|Related terms|Sources/);
    }
  });
});

describe('alias addresses and the 404 page', () => {
  it('/terms/homesourcing/ leads to /terms/homeshoring/', async () => {
    const { page, errors } = await site.newPage();
    await page.goto('/terms/homesourcing/');
    await page.waitForURL('**/terms/homeshoring/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Homeshoring');
    expect(errors).toEqual([]);
  });

  it.each([
    ['/terms/outsorcing/', 'Outsourcing', '/terms/outsourcing/', 'outsorcing'],
    ['/guides/old/deep/homshoring.html', 'Homeshoring', '/terms/homeshoring/', 'homshoring'],
  ])('%s is the 404 page offering %s, with its search box filled in', async (path, title, href, query) => {
    const { page, errors } = await site.newPage();
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    const offer = page.locator('#notfound-suggest');
    await offer.waitFor({ state: 'visible' });
    await expect(offer.textContent()).resolves.toMatch(new RegExp(`^Did you mean ${title}\\b`));
    await expect(offer.locator('a').first().getAttribute('href')).resolves.toBe(href);
    await expect(page.locator('#notfound-search').inputValue()).resolves.toBe(query);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors.filter((e) => !/404/.test(e))).toEqual([]);
  });

  it('without JavaScript the 404 page is a plain search form', async () => {
    const { page } = await site.newPage({ javaScriptEnabled: false });
    await page.goto('/terms/outsorcing/');
    await expect(page.locator('#notfound-suggest').isHidden()).resolves.toBe(true);
    await page.locator('#notfound-search').fill('outsourcing');
    await page.locator('#notfound-search').press('Enter');
    await page.waitForURL((url) => url.pathname === '/search/' && url.searchParams.get('q') === 'outsourcing');
  });
});

describe('accessibility', () => {
  it.each(['light', 'dark'] as const)('the search page with results and open suggestions has no axe violations (%s)', async (colorScheme) => {
    const { page } = await site.newPage({ colorScheme });
    await searchPage(page, '?q=outsourcing');
    await page.locator('h1').click();
    await openSearch(page);
    await typeInHeader(page, 'off');
    await page.keyboard.press('ArrowDown');
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
  });
});

describe('hostile queries', () => {
  const HOSTILE = [
    '<script>window.__pwned=1</script>',
    '<img src=x onerror="window.__pwned=1">',
    '"><img src=x onerror=window.__pwned=1>',
    "'><svg onload=window.__pwned=1>",
    '<iframe src="javascript:window.__pwned=1"></iframe>',
    '</mark><img src=x onerror=window.__pwned=1><mark>',
    '<mark>offshoring</mark>',
    '&lt;img src=x onerror=window.__pwned=1&gt;',
    '<style>body{display:none}</style>',
    '<a href="javascript:window.__pwned=1">offshoring</a>',
    'javascript:window.__pwned=1',
    '${window.__pwned=1}',
    '{{constructor.constructor("window.__pwned=1")()}}',
    '.*',
    '(',
    ')[',
    '\\',
    '^$|',
    '(a+)+$',
    '[^]*?',
    '\\u0000',
    '%00',
    '%E0%A4%A',
    '?q=x&kind=guide#top',
    '"',
    "'",
    '`',
    'null',
    'undefined',
    'NaN',
    '__proto__',
    'constructor',
    'x'.repeat(1000),
    'bpo '.repeat(250),
    '😀'.repeat(300),
    '👩‍👩‍👧‍👦 homeshoring',
    'مرحبا بالعالم',
    'שלום outsourcing',
    '\u202Egnirohsffo',
    'Z̴̡̢a̷l̸g̶o̵ offshoring',
    '\u0000\u0001\u0002',
    '\uD800 lone surrogate',
    '   ',
    '',
    '\t\n',
    'ÆØÅ café naïve',
    '中文 搜索',
    "outsourcing' OR 1=1; DROP TABLE terms;--",
    '"offshoring"',
    '-outsourcing +offshoring',
  ];

  const snapshot = (page: Page) =>
    page.evaluate(() => ({
      scripts: [...document.scripts].map((s) => s.src || s.textContent?.slice(0, 40)),
      // The header's own icons (svg.icon, svg.logo) are not injected.
      injected: document.querySelectorAll('img, iframe, svg:not(.icon, .logo), object, embed, body style, [onerror], [onload], [onclick], a[href^="javascript:"]').length,
      strayMarks: document.querySelectorAll('mark:not(.search-result__excerpt > mark)').length,
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    }));

  const watchDialogs = (page: Page) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    return dialogs;
  };

  it('there are at least 50 of them', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(50);
  });

  // In batches, one page load per query: the query arrives the way a shared link brings it.
  const batches = Array.from({ length: Math.ceil(HOSTILE.length / 10) }, (_, i) => HOSTILE.slice(i * 10, i * 10 + 10));
  it.each(batches.map((batch, i) => [i + 1, batch] as const))('hostile queries in the search page URL, batch %i: no error, nothing injected', async (_n, batch) => {
    const { page, errors } = await site.newPage();
    const dialogs = watchDialogs(page);
    await page.goto('/search/');
    const baseline = await snapshot(page);
    expect(baseline.injected).toBe(0);

    for (const query of batch) {
      const params = new URLSearchParams({ q: query }).toString();
      await page.goto(`/search/?${params}`);
      // What the browser reads back (a broken surrogate half arrives as U+FFFD).
      const q = normalizeQuery(new URLSearchParams(params).get('q'));
      if (q) {
        await page.waitForFunction((expected) => (document.querySelector('#search-status')?.textContent ?? '').endsWith(expected), `“${q}”.`);
        await expect(page.locator('#search-q').inputValue()).resolves.toBe(q);
      }
      expect(await snapshot(page), JSON.stringify(query)).toEqual(baseline);
    }
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });

  it(`${HOSTILE.length} hostile queries typed into the header box raise no error and inject nothing`, async () => {
    const { page, errors } = await site.newPage();
    const dialogs = watchDialogs(page);
    await page.goto('/terms/homeshoring/');
    const baseline = await snapshot(page);
    const input = page.locator('#header-search-input');
    await openSearch(page);
    await typeInHeader(page, 'homeshoring');

    for (const query of HOSTILE) {
      await input.fill(query);
      const q = normalizeQuery(await input.inputValue());
      if (q) {
        await page.waitForFunction(
          (expected) => [...document.querySelectorAll('.header-search [role="status"]')].some((s) => (s.textContent ?? '').endsWith(expected)),
          `“${q}”.`,
        );
      } else {
        await page.waitForFunction(() => document.querySelector('#header-search-input')?.getAttribute('aria-expanded') === 'false');
      }
      const after = await snapshot(page);
      expect(after, JSON.stringify(query)).toEqual(baseline);
    }
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('without JavaScript', () => {
  it('the header search is a link to /search/, whose form reaches /search/?q=, where a note links the A-Z index', async () => {
    const { page } = await site.newPage({ javaScriptEnabled: false });
    await page.goto('/terms/offshoring/');
    await page.locator('a.search-open').click();
    await page.waitForURL((url) => url.pathname === '/search/');
    await page.locator('#search-q').fill('homeshoring');
    await page.locator('#search-q').press('Enter');
    await page.waitForURL((url) => url.pathname === '/search/' && url.searchParams.get('q') === 'homeshoring');
    const note = page.locator('[data-search-nojs]');
    await expect(note.isVisible()).resolves.toBe(true);
    await expect(note.textContent()).resolves.toMatch(/needs JavaScript/);
    await expect(note.locator('a[href="/glossary/"]').count()).resolves.toBe(1);
  });
});
