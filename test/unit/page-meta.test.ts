import { describe, expect, it } from 'vitest';
import { displayDate, isoDate, neighbours, readingMinutes } from '../../src/lib/page-meta.ts';
import { inRegion } from '../../src/lib/overlap.ts';

describe('the line under a title', () => {
  it('writes dates as "22 Nov 2026", in UTC', () => {
    expect(displayDate(new Date('2026-11-22'))).toBe('22 Nov 2026');
    expect(displayDate(new Date('2026-01-05'))).toBe('5 Jan 2026');
    expect(isoDate(new Date('2026-09-30'))).toBe('2026-09-30');
  });

  it('counts reading minutes from prose words, at least one', () => {
    expect(readingMinutes('word '.repeat(660))).toBe(3);
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes("import X from './x.astro';\n\n<X />\n\n[a link](https://example.com/a/very/long/url)")).toBe(1);
  });
});

describe('neighbours in A-Z order', () => {
  it('has no previous for the first item and no next for the last', () => {
    expect(neighbours(['a', 'b', 'c'], 0)).toEqual({ previous: undefined, next: 'b' });
    expect(neighbours(['a', 'b', 'c'], 1)).toEqual({ previous: 'a', next: 'c' });
    expect(neighbours(['a', 'b', 'c'], 2)).toEqual({ previous: 'b', next: undefined });
    expect(neighbours(['a'], -1)).toEqual({ previous: undefined, next: undefined });
  });
});

describe('overlap diagram regions', () => {
  it('shades the third-party column for outsourcing and BPO, a row for homeshoring and offshoring', () => {
    const cells = (term: string) => [0, 1, 2].flatMap((r) => [0, 1].filter((c) => inRegion(term, r, c)).map((c) => `${r}${c}`));
    expect(cells('outsourcing')).toEqual(['01', '11', '21']);
    expect(cells('business-process-outsourcing')).toEqual(['01', '11', '21']);
    expect(cells('homeshoring')).toEqual(['10', '11']);
    expect(cells('offshoring')).toEqual(['20', '21']);
    expect(cells('retainer')).toEqual([]);
  });
});
