import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  chunkEvenly,
  countLabel,
  DEFAULT_LIST_PAGE_SIZE,
  GUIDE_WORD_MAX,
  guideWord,
  listPageSize,
  pagePath,
  paginate,
  titleRange,
} from '../../src/lib/list-pages.ts';
import { groupByLetter, letterPath, letterSegment, needsSplit, splitByLetter } from '../../src/lib/a-z.ts';
import { definedTermSetJsonLd } from '../../src/lib/seo.ts';

const SITE = 'https://example.org';
const same = (s: string) => s;
/** Titles "Ka 0001" ... in A-Z order. */
const titles = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix} ${String(i + 1).padStart(4, '0')}`);

describe('the page size', () => {
  it('is 200 unless GLOSSARY_LIST_PAGE_SIZE says otherwise', () => {
    expect(DEFAULT_LIST_PAGE_SIZE).toBe(200);
    expect(listPageSize({})).toBe(200);
    expect(listPageSize({ GLOSSARY_LIST_PAGE_SIZE: '' })).toBe(200);
    expect(listPageSize({ GLOSSARY_LIST_PAGE_SIZE: ' 40 ' })).toBe(40);
  });

  it.each(['0', '1', '-5', '2.5', 'forty', '1e3', '10001'])('refuses GLOSSARY_LIST_PAGE_SIZE=%s, naming the variable', (value) => {
    expect(() => listPageSize({ GLOSSARY_LIST_PAGE_SIZE: value })).toThrow(/GLOSSARY_LIST_PAGE_SIZE must be a whole number from 2 to 10000/);
  });
});

describe('chunkEvenly', () => {
  it('keeps a list of exactly the maximum on one page', () => {
    expect(chunkEvenly(titles('A', 200), 200).map((c) => c.length)).toEqual([200]);
  });

  it('cuts one over the maximum into two near-equal pages, not 200 + 1', () => {
    expect(chunkEvenly(titles('A', 201), 200).map((c) => c.length)).toEqual([101, 100]);
  });

  it('gives no pages for no items, and refuses a page size under one', () => {
    expect(chunkEvenly([], 10)).toEqual([]);
    expect(() => chunkEvenly([1], 0)).toThrow(RangeError);
    expect(() => chunkEvenly([1], 2.5)).toThrow(RangeError);
  });

  it('keeps every item once, in order, in as few pages of at most the maximum as possible, within one item of each other', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 500 }), fc.integer({ min: 1, max: 60 }), (items, max) => {
        const chunks = chunkEvenly(items, max);
        expect(chunks.flat()).toEqual(items);
        expect(chunks.length).toBe(Math.ceil(items.length / max));
        const sizes = chunks.map((c) => c.length);
        for (const size of sizes) expect(size).toBeLessThanOrEqual(max);
        if (sizes.length) expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('guide words', () => {
  it('cut a title just past what it shares with the neighbouring title, as a dictionary does', () => {
    expect(guideWord('Kalomiren handoff', 'Kalodri ledger')).toBe('Kalom');
    expect(guideWord('Kamirentas desk', 'Kalozo audit')).toBe('Kam');
  });

  it('are at least three characters, and finish a word that has at most three more', () => {
    expect(guideWord('Accountability')).toBe('Acc');
    expect(guideWord('Kabuki theatre')).toBe('Kabuki');
    expect(guideWord('Offshoring', 'Offboarding')).toBe('Offs');
    expect(guideWord('AI')).toBe('AI');
  });

  it('never end on a space, and finish any word past the first', () => {
    expect(guideWord('Kalo desk', 'Kalo')).toBe('Kalo desk');
    expect(guideWord('Business process outsourcing', 'Business process management')).toBe('Business process outsourcing');
  });

  it('ignore case and accents when comparing, and keep the title as written', () => {
    expect(guideWord('Écrit public', 'ecrin')).toBe('Écrit');
    expect(guideWord('offshore desk', 'OFFSHORING')).toBe('offshore');
  });

  it(`are at most ${GUIDE_WORD_MAX} characters, cut at a word with an ellipsis`, () => {
    const word = guideWord('Service level agreement (SLA) credits and penalties', 'Service level agreement (SLA) credits');
    expect([...word].length).toBeLessThanOrEqual(GUIDE_WORD_MAX);
    expect(word).toBe('Service level agreement…');
  });
});

describe('paginate', () => {
  it('names each page by its first and last titles, told from the titles across each break', () => {
    const list = ['Kabuki', 'Kalodri ledger', 'Kalomiren handoff', 'Kamirentas desk', 'Kebab', 'Keel'];
    const pages = paginate(list, same, 2);
    expect(pages.map((p) => p.label)).toEqual(['Kabuki – Kalodri', 'Kalom – Kam', 'Kebab – Keel']);
    expect(pages.map((p) => [p.number, p.of])).toEqual([[1, 3], [2, 3], [3, 3]]);
    expect(pages.map((p) => p.items)).toEqual([list.slice(0, 2), list.slice(2, 4), list.slice(4)]);
  });

  it('never names a page "Kal – Kal": its last title is told from its first too', () => {
    const [page] = paginate(['Kalo desk', 'Kalodri ledger', 'Kamir'], same, 2);
    expect(page!.label).toBe('Kalo – Kalodri');
  });

  it('names a page of one item by that item\'s title', () => {
    const pages = paginate(['Alpha centre', 'Beta', 'Gamma ray burst'], same, 1);
    expect(pages.map((p) => p.label)).toEqual(['Alpha centre', 'Beta', 'Gamma ray burst']);
    expect(pages[1]!.from).toBe(pages[1]!.to);
    expect(paginate(['Quality assurance'], same, 200)[0]!.label).toBe('Quality assurance');
    expect(paginate(['Service level agreement (SLA) credits and penalties'], same, 200)[0]!.label).toBe('Service level agreement…');
  });

  it('gives every page of a long list its own label', () => {
    const pages = paginate(titles('Ka', 1000), same, 100);
    expect(pages).toHaveLength(10);
    expect(new Set(pages.map((p) => p.label)).size).toBe(10);
    expect(pages[0]!.label).toBe('Ka 0001 – Ka 0100');
  });
});

describe('a range in a page title', () => {
  it('reads "from to to", with no mark at which fitting the title would cut it', () => {
    expect(titleRange({ from: 'Kalom', to: 'Kamir' })).toBe('Kalom to Kamir');
    expect(titleRange({ from: 'ISO 9001: quality', to: 'Kanban – board' })).toBe('ISO 9001 quality to Kanban board');
    expect(titleRange({ from: 'Beta', to: 'Beta' })).toBe('Beta');
  });
});

describe('page paths', () => {
  it('put page 1 at the list itself and the others below it', () => {
    expect(pagePath('/topics/models/', 1)).toBe('/topics/models/');
    expect(pagePath('/topics/models/', 3)).toBe('/topics/models/3/');
    expect(pagePath('/compare/', 2, 'page/')).toBe('/compare/page/2/');
    expect(() => pagePath('/compare/', 0)).toThrow(RangeError);
    expect(() => pagePath('compare', 1)).toThrow(/starts and ends/);
  });

  it('of comparisons cannot be a comparison page /compare/<a>-vs-<b>/', () => {
    for (const n of [2, 10, 999]) expect(pagePath('/compare/', n, 'page/')).not.toMatch(/^\/compare\/[^/]+-vs-[^/]+\/$/);
  });

  it('of letters: /glossary/k/, /glossary/k/2/, and "other" for "#"', () => {
    expect(letterPath('K')).toBe('/glossary/k/');
    expect(letterPath('K', 2)).toBe('/glossary/k/2/');
    expect(letterPath('#')).toBe('/glossary/other/');
    expect(letterSegment('#')).toBe('other');
    expect(() => letterSegment('Ä')).toThrow(/not a letter/);
  });

  it('count in words', () => {
    expect(countLabel(1, 'term')).toBe('1 term');
    expect(countLabel(1250, 'term')).toBe('1,250 terms');
  });
});

describe('splitByLetter', () => {
  it('splits only past the maximum', () => {
    expect(needsSplit(200, 200)).toBe(false);
    expect(needsSplit(201, 200)).toBe(true);
  });

  it('gives each letter its page, A to Z then "#" for titles starting with a digit or a mark', () => {
    const pages = splitByLetter(['Zeta', '24/7 support', 'alpha', 'Éclair', '"Quoted"', 'Beta'], same, 10);
    expect(pages.map((p) => [p.letter, p.path, p.items])).toEqual([
      ['A', '/glossary/a/', ['alpha']],
      ['B', '/glossary/b/', ['Beta']],
      ['E', '/glossary/e/', ['Éclair']],
      ['Z', '/glossary/z/', ['Zeta']],
      ['#', '/glossary/other/', ['"Quoted"', '24/7 support']],
    ]);
  });

  it('keeps a letter of exactly the maximum on one page and cuts one over into two', () => {
    const exact = splitByLetter(titles('Ka', 40), same, 40);
    expect(exact.map((p) => [p.path, p.items.length])).toEqual([['/glossary/k/', 40]]);
    const over = splitByLetter(titles('Ka', 41), same, 40);
    expect(over.map((p) => [p.path, p.items.length, p.number, p.of])).toEqual([
      ['/glossary/k/', 21, 1, 2],
      ['/glossary/k/2/', 20, 2, 2],
    ]);
  });

  it('cuts a long letter into many consecutive pages, and leaves the other letters alone', () => {
    const items = [...titles('Ka', 1000), ...titles('Lo', 30)];
    const pages = splitByLetter(items, same, 100);
    const k = pages.filter((p) => p.letter === 'K');
    expect(k.map((p) => p.path)).toEqual(['/glossary/k/', ...Array.from({ length: 9 }, (_, i) => `/glossary/k/${i + 2}/`)]);
    expect(k.flatMap((p) => p.items)).toEqual(titles('Ka', 1000));
    expect(pages.filter((p) => p.letter === 'L').map((p) => [p.path, p.of, p.label])).toEqual([['/glossary/l/', 1, 'Lo 0001 – Lo 0030']]);
  });

  it('holds every item once, in A-Z order, on pages of at most the maximum with distinct paths', () => {
    const title = fc.stringMatching(/^[A-Za-z0-9 é#-]{1,12}$/).filter((t) => t.trim().length > 0);
    fc.assert(
      fc.property(fc.array(title, { maxLength: 300 }), fc.integer({ min: 2, max: 50 }), (list, max) => {
        const pages = splitByLetter(list, same, max);
        expect(pages.flatMap((p) => p.items)).toEqual(groupByLetter([...list], same).flatMap((g) => g.items));
        for (const page of pages) {
          expect(page.items.length).toBeGreaterThan(0);
          expect(page.items.length).toBeLessThanOrEqual(max);
          expect(page.label.length).toBeGreaterThan(0);
        }
        expect(new Set(pages.map((p) => p.path)).size).toBe(pages.length);
      }),
    );
  });
});

describe('the DefinedTermSet of a split A-Z', () => {
  const term = { slug: 'offshoring', title: 'Offshoring', summary: 'Moving work abroad.', aliases: [] };

  it('names no term on the index, only how many there are', () => {
    const set = definedTermSetJsonLd([], SITE, 12000) as Record<string, any>;
    expect(set).not.toHaveProperty('hasDefinedTerm');
    expect(set.description).toBe('Plain-words definitions of 12000 outsourcing terms.');
    expect(set['@id']).toBe(`${SITE}/glossary/#terms`);
  });

  it('names a letter page\'s terms in the same set', () => {
    const set = definedTermSetJsonLd([term], SITE, 12000) as Record<string, any>;
    expect(set['@id']).toBe(`${SITE}/glossary/#terms`);
    expect(set.hasDefinedTerm).toHaveLength(1);
    expect(set.description).toBe('Plain-words definitions of 12000 outsourcing terms.');
  });
});
