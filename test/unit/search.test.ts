import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TOPICS } from '../../src/lib/content-schema.ts';
import {
  EMPTY_STATE,
  MAX_QUERY_LENGTH,
  excerptParts,
  historyMode,
  nameKey,
  normalizeQuery,
  pagefindFilters,
  parseSearchState,
  promoteExactMatches,
  resultCountText,
  safeResultUrl,
  sameState,
  searchStateToQuery,
  toResultView,
  type SearchState,
} from '../../src/lib/search.ts';
import { isSearchShortcut, isTypingTarget, nextActiveIndex } from '../../src/lib/search-keys.ts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

// Any code points, plus the awkward ones: broken surrogate halves, NUL, bidi overrides.
const messyString = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('\uD800', '\uDFFF', '\u0000', '\u202E', ' \n ')), { maxLength: 60 })
  .map((pieces) => pieces.join(''));

describe('normalizeQuery', () => {
  it('trims, collapses whitespace and applies NFC', () => {
    expect(normalizeQuery('  business \t process\n outsourcing ')).toBe('business process outsourcing');
    expect(normalizeQuery('cafe\u0301')).toBe('café');
  });

  it('turns anything that is not a string into an empty query', () => {
    for (const value of [undefined, null, 42, {}, ['bpo'], Symbol('q')]) expect(normalizeQuery(value)).toBe('');
  });

  it('removes control characters, bidi overrides and broken surrogate halves', () => {
    expect(normalizeQuery('a\u0000b\u202Ec\u2066d')).toBe('a b c d');
    expect(normalizeQuery('x\uD800y\uDC00z')).toBe('xyz');
    expect(normalizeQuery('👩‍💻 homeshoring')).toBe('👩‍💻 homeshoring');
  });

  it('cuts long queries at MAX_QUERY_LENGTH code points without splitting a character', () => {
    const long = '😀'.repeat(1000);
    const result = normalizeQuery(long);
    expect(Array.from(result)).toHaveLength(MAX_QUERY_LENGTH);
    expect(result).not.toMatch(/[\uD800-\uDBFF]$/);
  });

  it('always returns a clean string that survives URL encoding (property)', () => {
    fc.assert(
      fc.property(messyString, (raw) => {
        const q = normalizeQuery(raw);
        expect(q).toBe(q.trim());
        expect(q).not.toMatch(/\s{2}|[\u0000-\u001f]/);
        expect(Array.from(q).length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
        expect(() => encodeURIComponent(q)).not.toThrow();
        expect(normalizeQuery(q)).toBe(q);
      }),
    );
  });
});

describe('search state in the URL', () => {
  it('reads the query and known filters', () => {
    expect(parseSearchState('?q=BPO&kind=guide&topic=models', TOPICS)).toEqual({ q: 'BPO', kind: 'guide', topic: 'models' });
    expect(parseSearchState('', TOPICS)).toEqual(EMPTY_STATE);
  });

  it('drops unknown kinds and topics instead of trusting them', () => {
    expect(parseSearchState('?q=x&kind=<script>&topic=javascript:alert(1)', TOPICS)).toEqual({ q: 'x', kind: null, topic: null });
    expect(parseSearchState('?kind=TERM&topic=Models', TOPICS)).toEqual(EMPTY_STATE);
  });

  it('writes only the parts that are set, encoded', () => {
    expect(searchStateToQuery(EMPTY_STATE)).toBe('');
    expect(searchStateToQuery({ q: 'out-tasking & more', kind: 'term', topic: null })).toBe('?q=out-tasking+%26+more&kind=term');
    expect(searchStateToQuery({ q: '   ', kind: null, topic: 'work-at-home' })).toBe('?topic=work-at-home');
  });

  it('round-trips any state (property)', () => {
    const state = fc.record({
      q: fc.string({ maxLength: 300 }).map(normalizeQuery),
      kind: fc.constantFrom(null, 'term' as const, 'guide' as const),
      topic: fc.constantFrom(null, ...TOPICS),
    });
    fc.assert(
      fc.property(state, (s: SearchState) => {
        expect(parseSearchState(searchStateToQuery(s), TOPICS)).toEqual(s);
      }),
    );
  });

  it('compares states by their normalised query and filters', () => {
    expect(sameState({ q: ' bpo ', kind: null, topic: null }, { q: 'bpo', kind: null, topic: null })).toBe(true);
    expect(sameState({ q: 'bpo', kind: 'term', topic: null }, { q: 'bpo', kind: null, topic: null })).toBe(false);
  });

  it('maps the state to Pagefind filters', () => {
    expect(pagefindFilters({ q: 'x', kind: 'guide', topic: null })).toEqual({ kind: 'guide' });
    expect(pagefindFilters({ q: 'x', kind: null, topic: 'models' })).toEqual({ topic: 'models' });
    expect(pagefindFilters(EMPTY_STATE)).toEqual({});
  });
});

describe('historyMode', () => {
  const a: SearchState = { q: 'off', kind: null, topic: null };
  const b: SearchState = { q: 'offshoring', kind: null, topic: null };

  it('adds an entry for a submitted search or a filter change', () => {
    expect(historyMode(a, b, 'commit', true)).toBe('push');
    expect(historyMode(a, { ...a, kind: 'term' }, 'commit', false)).toBe('push');
  });

  it('adds one entry per run of typing, then replaces it', () => {
    expect(historyMode(EMPTY_STATE, a, 'typing', false)).toBe('push');
    expect(historyMode(a, b, 'typing', true)).toBe('replace');
  });

  it('leaves history alone when nothing changed', () => {
    expect(historyMode(a, { ...a, q: ' off ' }, 'typing', true)).toBe('none');
    expect(historyMode(a, a, 'commit', false)).toBe('none');
  });
});

describe('excerptParts', () => {
  it('splits highlighted words from plain text and undoes Pagefind’s escaping', () => {
    expect(excerptParts('Also called: <mark>BPO,</mark> global <mark>BPO.</mark> Then &lt;b&gt;')).toEqual([
      { text: 'Also called: ', mark: false },
      { text: 'BPO,', mark: true },
      { text: ' global ', mark: false },
      { text: 'BPO.', mark: true },
      { text: ' Then <b>', mark: false },
    ]);
  });

  it('keeps anything else that looks like markup as text', () => {
    const parts = excerptParts('&lt;img src=x onerror=alert(1)&gt; <script>x</script> <mark>hit</mark>');
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['hit']);
    expect(parts.map((p) => p.text).join('')).toBe('<img src=x onerror=alert(1)> <script>x</script> hit');
  });

  it('returns nothing for empty or non-string input', () => {
    expect(excerptParts('')).toEqual([]);
    expect(excerptParts(undefined)).toEqual([]);
    expect(excerptParts({ toString: () => '<mark>x</mark>' })).toEqual([]);
  });

  it('loses no text and marks only what was inside <mark> (property)', () => {
    // Pagefind escapes < and > in page text, then wraps matched words in <mark>.
    const escape = (t: string) => t.replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const text = fc.string({ maxLength: 12 }).filter((t) => !t.includes('&'));
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.boolean()), { maxLength: 10 }), (pieces) => {
        const excerpt = pieces.map(([t, mark]) => (mark ? `<mark>${escape(t)}</mark>` : escape(t))).join('');
        const parts = excerptParts(excerpt);
        expect(parts.map((p) => p.text).join('')).toBe(pieces.map(([t]) => t).join(''));
        expect(parts.filter((p) => p.mark).map((p) => p.text).join('')).toBe(pieces.filter(([, m]) => m).map(([t]) => t).join(''));
        expect(parts.every((p) => p.text.length > 0)).toBe(true);
      }),
    );
  });
});

describe('safeResultUrl', () => {
  it('accepts site paths', () => {
    expect(safeResultUrl('/terms/homeshoring/')).toBe('/terms/homeshoring/');
    expect(safeResultUrl('/guides/x/#part')).toBe('/guides/x/#part');
  });

  it('rejects other schemes, other hosts and non-strings', () => {
    for (const url of ['javascript:alert(1)', 'https://evil.example/', '//evil.example/x', '/\\evil.example', 'terms/x/', '', null, 7]) {
      expect(safeResultUrl(url), String(url)).toBeNull();
    }
  });
});

describe('toResultView', () => {
  const data = {
    url: '/terms/homeshoring/',
    excerpt: 'also called <mark>homesourcing</mark>',
    meta: { title: 'Homeshoring', kind: 'term', summary: 'Work moved into homes.', aliases: 'homesourcing, home-shoring' },
    filters: { kind: ['term'], topic: ['work-at-home'] },
  };

  it('shapes a Pagefind result for display', () => {
    expect(toResultView(data)).toEqual({
      url: '/terms/homeshoring/',
      title: 'Homeshoring',
      kind: 'term',
      kindLabel: 'Term',
      topic: 'work-at-home',
      summary: 'Work moved into homes.',
      excerpt: [
        { text: 'also called ', mark: false },
        { text: 'homesourcing', mark: true },
      ],
      names: ['Homeshoring', 'homesourcing', 'home-shoring'],
    });
  });

  it('falls back to the kind filter and tolerates missing parts', () => {
    const view = toResultView({ url: '/guides/a/', meta: { title: 'A guide' }, filters: { kind: ['guide'] } });
    expect(view).toMatchObject({ kind: 'guide', kindLabel: 'Guide', topic: null, summary: '', excerpt: [], names: ['A guide'] });
  });

  it('returns null for malformed records', () => {
    expect(toResultView(null)).toBeNull();
    expect(toResultView('x')).toBeNull();
    expect(toResultView({ ...data, url: 'javascript:alert(1)' })).toBeNull();
    expect(toResultView({ ...data, meta: { title: '  ' } })).toBeNull();
  });
});

describe('ranking', () => {
  it('moves exact title or alias matches to the front', () => {
    const views = [
      { id: 1, names: ['Business process outsourcing', 'BPO'] },
      { id: 2, names: ['Outsourcing'] },
      { id: 3, names: ['Homeshoring', 'home-shoring'] },
    ];
    expect(promoteExactMatches(views, 'outsourcing').map((v) => v.id)).toEqual([2, 1, 3]);
    expect(promoteExactMatches(views, 'bpo').map((v) => v.id)).toEqual([1, 2, 3]);
    expect(promoteExactMatches(views, 'Home Shoring').map((v) => v.id)).toEqual([3, 1, 2]);
    expect(promoteExactMatches(views, '!!!').map((v) => v.id)).toEqual([1, 2, 3]);
  });

  it('compares names without case, accents, spaces or hyphens', () => {
    expect(nameKey('Out-Tasking')).toBe(nameKey('outtasking'));
    expect(nameKey('Café ')).toBe('cafe');
  });
});

describe('resultCountText', () => {
  it('announces counts in words', () => {
    expect(resultCountText(0, 'zzz')).toBe('No results for “zzz”.');
    expect(resultCountText(1, 'bpo')).toBe('1 result for “bpo”.');
    expect(resultCountText(12, ' bpo ')).toBe('12 results for “bpo”.');
    expect(resultCountText(3, '')).toBe('');
  });
});

describe('keyboard', () => {
  it('opens search with / or Ctrl/Cmd-K', () => {
    expect(isSearchShortcut(key('/'), { tagName: 'BODY' })).toBe(true);
    expect(isSearchShortcut(key('k', { ctrlKey: true }), { tagName: 'A' })).toBe(true);
    expect(isSearchShortcut(key('K', { metaKey: true }), null)).toBe(true);
    expect(isSearchShortcut(key('k'), null)).toBe(false);
    expect(isSearchShortcut(key('/', { altKey: true }), null)).toBe(false);
    expect(isSearchShortcut(key('/', { ctrlKey: true }), null)).toBe(false);
  });

  it('leaves keys alone while the reader types in a field', () => {
    for (const target of [{ tagName: 'INPUT', type: 'text' }, { tagName: 'input', type: 'search' }, { tagName: 'TEXTAREA' }, { tagName: 'SELECT' }, { tagName: 'DIV', isContentEditable: true }, { tagName: 'INPUT' }]) {
      expect(isTypingTarget(target), JSON.stringify(target)).toBe(true);
      expect(isSearchShortcut(key('/'), target)).toBe(false);
      expect(isSearchShortcut(key('k', { ctrlKey: true }), target)).toBe(false);
    }
    expect(isSearchShortcut(key('/'), { tagName: 'INPUT', type: 'checkbox' })).toBe(true);
  });

  it('moves the active option with wrapping', () => {
    expect(nextActiveIndex(-1, 3, 'ArrowDown')).toBe(0);
    expect(nextActiveIndex(2, 3, 'ArrowDown')).toBe(0);
    expect(nextActiveIndex(-1, 3, 'ArrowUp')).toBe(2);
    expect(nextActiveIndex(0, 3, 'ArrowUp')).toBe(2);
    expect(nextActiveIndex(1, 3, 'ArrowUp')).toBe(0);
    expect(nextActiveIndex(0, 0, 'ArrowDown')).toBe(-1);
  });
});
