import { describe, expect, it } from 'vitest';
import { buildGlossary, comparePath, GlossaryError, type GlossaryInput } from '../../src/lib/glossary.ts';
import { computeBacklinks } from '../../src/lib/backlinks.ts';

const term = (slug: string, extra: Partial<GlossaryInput> = {}): GlossaryInput => ({
  slug,
  file: `content/terms/${slug}.mdx`,
  title: slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()),
  aliases: [],
  related: [],
  contrasts: [],
  hasProfile: true,
  ...extra,
});

const problemsOf = (inputs: GlossaryInput[]): string[] => {
  try {
    buildGlossary(inputs);
  } catch (e) {
    expect(e).toBeInstanceOf(GlossaryError);
    return (e as GlossaryError).problems;
  }
  return [];
};

describe('glossary graph', () => {
  it('builds names, contrast pairs and contrasts in both directions', () => {
    const g = buildGlossary([
      term('outsourcing', { contrasts: ['offshoring'] }),
      term('offshoring', { aliases: ['off-shoring'], contrasts: ['outsourcing', 'homeshoring'] }),
      term('homeshoring'),
    ]);
    expect(g.get('offshoring')!.names).toEqual(['Offshoring', 'off-shoring']);
    expect(g.contrastPairs().map((p) => p.path)).toEqual(['/compare/homeshoring-vs-offshoring/', '/compare/offshoring-vs-outsourcing/']);
    expect(g.contrastsOf('homeshoring')).toEqual(['offshoring']);
  });

  it('orders comparison slugs alphabetically', () => {
    expect(comparePath('outsourcing', 'offshoring')).toBe('/compare/offshoring-vs-outsourcing/');
  });

  it('rejects duplicate slugs', () => {
    expect(problemsOf([term('a'), { ...term('a'), file: 'other/a.mdx' }])).toEqual(['other/a.mdx: slug: "a" is already used by content/terms/a.mdx']);
  });

  it('rejects an alias used by two terms, case-insensitively', () => {
    expect(problemsOf([term('a', { aliases: ['VA'] }), term('b', { aliases: ['va'] })])).toEqual([
      'content/terms/b.mdx: field "aliases": "va" is already an alias of content/terms/a.mdx',
    ]);
  });

  it("rejects an alias equal to another term's title, whatever the order", () => {
    const expected = ['content/terms/b.mdx: field "aliases": "A" is already the title of content/terms/a.mdx'];
    expect(problemsOf([term('a'), term('b', { aliases: ['A'] })])).toEqual(expected);
    expect(problemsOf([term('b', { aliases: ['A'] }), term('a')])).toEqual(expected);
  });

  it('rejects unknown related and contrast slugs', () => {
    expect(problemsOf([term('a', { related: ['nope'], contrasts: ['gone'] })])).toEqual([
      'content/terms/a.mdx: field "related": unknown term "nope" (no content/terms/nope.mdx)',
      'content/terms/a.mdx: field "contrasts": unknown term "gone" (no content/terms/gone.mdx)',
    ]);
  });

  it('rejects a term related to itself', () => {
    expect(problemsOf([term('a', { related: ['a'] })])).toEqual(['content/terms/a.mdx: field "related": a term cannot list itself ("a")']);
  });

  it('requires a comparison profile on both sides of a contrast', () => {
    const problems = problemsOf([term('a', { contrasts: ['b'] }), term('b', { hasProfile: false })]);
    expect(problems).toEqual(['content/terms/b.mdx: field "profile": required, because /compare/ pages set this term beside "a"']);
  });

  it('reports every problem at once', () => {
    expect(problemsOf([term('a', { related: ['x', 'a'] }), term('b', { aliases: ['A'] })])).toHaveLength(3);
  });
});

describe('backlinks', () => {
  it('lists guides first, then terms, and never a term linking to itself', () => {
    const map = computeBacklinks([
      { kind: 'term', slug: 'b', title: 'B term', path: '/terms/b/', links: ['a', 'b', 'a'] },
      { kind: 'guide', slug: 'g', title: 'Guide', path: '/guides/g/', links: ['a'] },
    ]);
    expect(map.get('a')!.map((p) => p.path)).toEqual(['/guides/g/', '/terms/b/']);
    expect(map.get('b')).toBeUndefined();
  });
});
