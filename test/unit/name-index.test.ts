import { describe, expect, it } from 'vitest';
import {
  buildShards,
  correction,
  editDistance,
  matchedAlias,
  mergeResults,
  findNames,
  fromWire,
  matchKey,
  neighborShards,
  queryFromPath,
  shardFile,
  shardFor,
  type NameEntry,
  type TermNames,
} from '../../src/lib/name-index.ts';

const TERMS: TermNames[] = [
  { slug: 'outsourcing', title: 'Outsourcing', aliases: [], id: 'p1', topic: 'models' },
  { slug: 'outsourcing-provider', title: 'Outsourcing provider', aliases: ['outsourcing company', 'outsourcing firm'], id: 'p2', topic: 'models' },
  { slug: 'business-process-outsourcing', title: 'Business process outsourcing', aliases: ['BPO', 'global BPO'], id: 'p3', topic: 'models' },
  { slug: 'homeshoring', title: 'Homeshoring', aliases: ['homesourcing', 'home-shoring'], id: 'p4', topic: 'work-at-home' },
  { slug: 'nearshoring', title: 'Nearshoring', aliases: ['nearshore outsourcing'], id: 'p5', topic: 'models' },
  { slug: 'offshoring', title: 'Offshoring', aliases: ['off-shoring'], id: 'p6', topic: 'models' },
  { slug: 'freelancer', title: 'Freelancer', aliases: ['freelance worker'], id: 'p7', topic: 'people' },
  { slug: 'freelance-platform', title: 'Freelance platform', aliases: [], id: 'p8', topic: 'people' },
  { slug: 'virtual-assistant', title: 'Virtual assistant', aliases: ['VA'], id: 'p9', topic: 'people' },
  { slug: 'out-tasking', title: 'Out-tasking', aliases: ['outtasking'], id: 'p10', topic: 'models' },
  { slug: 'time-and-materials', title: 'Time and materials', aliases: ['T&M'], id: 'p11', topic: 'contracts' },
  { slug: 'contract-worker', title: 'Contract worker', aliases: ['temp'], id: 'p12', topic: 'people' },
  { slug: 'team-augmentation', title: 'Staff augmentation', aliases: ['team augmentation'], id: 'p13', topic: 'models' },
];
const { topics, shards } = buildShards(TERMS);
const ENTRIES: NameEntry[] = [...shards.values()].flat().map((w) => fromWire(w, topics));
const first = (query: string) => findNames(ENTRIES, query)[0];
const titles = (query: string) => findNames(ENTRIES, query).map((h) => h.title);

describe('editDistance (optimal string alignment)', () => {
  it('counts a wrong, missing, extra or swapped letter as one edit', () => {
    expect(editDistance('outsorcing', 'outsourcing')).toBe(1);
    expect(editDistance('outsourcing', 'outsourcing')).toBe(0);
    expect(editDistance('outsourcingg', 'outsourcing')).toBe(1);
    expect(editDistance('outsuorcing', 'outsourcing')).toBe(1);
    expect(editDistance('otusuorcing', 'outsourcing')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('stops at the limit', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('a', 'abcdefgh', 2)).toBe(3);
  });

  it('measures against the closest beginning of the name with `prefix`', () => {
    expect(editDistance('outsorc', 'outsourcing', 2, true)).toBe(1);
    expect(editDistance('nearshor', 'nearshoring', 2, true)).toBe(0);
    expect(editDistance('zzzzzz', 'nearshoring', 2, true)).toBe(3);
  });
});

describe('matchKey', () => {
  it('ranks kinds of match', () => {
    expect(matchKey('outsourcing', 'outsourcing')).toEqual({ kind: 'exact', edits: 0 });
    expect(matchKey('nearshor', 'nearshoring')).toEqual({ kind: 'prefix', edits: 0 });
    expect(matchKey('outsorcing', 'outsourcing')).toEqual({ kind: 'fuzzy', edits: 1 });
    expect(matchKey('outsorc', 'outsourcing')).toEqual({ kind: 'fuzzy-prefix', edits: 1 });
  });

  it('needs 4 letters for a prefix and 5 for a typo, and allows 2 typos from 8 letters', () => {
    expect(matchKey('nea', 'nearshoring')).toBeNull();
    expect(matchKey('near', 'nearshoring')?.kind).toBe('prefix');
    expect(matchKey('nesr', 'nearshoring')).toBeNull();
    expect(matchKey('nesrs', 'nearshoring')?.kind).toBe('fuzzy-prefix');
    expect(matchKey('homshorin', 'homeshoring')).toEqual({ kind: 'fuzzy', edits: 2 });
    expect(matchKey('homshrin', 'homeshoring')).toEqual({ kind: 'fuzzy-prefix', edits: 2 });
    expect(matchKey('hmshrn', 'homeshoring')).toBeNull();
  });

  it('matches two- and three-letter abbreviations exactly only', () => {
    expect(matchKey('va', 'va')?.kind).toBe('exact');
    expect(matchKey('bpo', 'bpo')?.kind).toBe('exact');
    expect(matchKey('bpi', 'bpo')).toBeNull();
    expect(matchKey('v', 'va')).toBeNull();
  });
});

describe('findNames', () => {
  it.each([
    ['outsorcing', 'Outsourcing'],
    ['homshoring', 'Homeshoring'],
    ['virtual asistant', 'Virtual assistant'],
    ['nearshor', 'Nearshoring'],
    ['freelancr', 'Freelancer'],
    ['ofshoring', 'Offshoring'],
    ['offshornig', 'Offshoring'],
    ['virtualassistant', 'Virtual assistant'],
    ['Virtual-Assistant', 'Virtual assistant'],
  ])('"%s" finds %s first', (query, title) => {
    expect(first(query)?.title).toBe(title);
  });

  it('finds a term by an alias and says so', () => {
    expect(first('homesourcing')).toMatchObject({ title: 'Homeshoring', name: 'homesourcing', alias: true, kind: 'exact' });
    expect(first('homesourcng')).toMatchObject({ title: 'Homeshoring', alias: true, kind: 'fuzzy' });
    expect(first('bpo')).toMatchObject({ slug: 'business-process-outsourcing', alias: true });
    expect(first('VA')).toMatchObject({ slug: 'virtual-assistant', alias: true });
    expect(first('t&m')).toMatchObject({ slug: 'time-and-materials' });
    expect(first('Homeshoring')).toMatchObject({ alias: false });
  });

  it('ranks exact before prefix before typo', () => {
    // "outsourcing" is exactly Outsourcing and the start of Outsourcing provider.
    expect(titles('outsourcing')).toEqual(['Outsourcing', 'Outsourcing provider']);
    // "freelance" starts Freelance platform and Freelancer's alias; Freelancer is one letter off.
    const hits = findNames(ENTRIES, 'freelance');
    expect(hits.map((h) => h.kind)).toEqual(['prefix', 'prefix']);
    expect(findNames(ENTRIES, 'freelancr')[0]?.kind).toBe('fuzzy');
  });

  it('keeps one hit a term, the best', () => {
    const hits = findNames(ENTRIES, 'outsourcing');
    expect(new Set(hits.map((h) => h.slug)).size).toBe(hits.length);
  });

  it.each(['tax', 'cost', 'fee', 'work', 'hire', 'a', 'xy', 'q', 'zzzzzz', 'sales', 'price', 'budget', 'how to hire a virtual assistant for my small business'])(
    'finds nothing for the unrelated query "%s"',
    (query) => {
      expect(findNames(ENTRIES, query)).toEqual([]);
    },
  );
});

describe('shards', () => {
  it('keep every name once, each in the shard its key starts with', () => {
    const total = TERMS.reduce((n, t) => n + 1 + t.aliases.length, 0);
    // "home-shoring", "off-shoring" and "outtasking" each have the key of their own title.
    expect(ENTRIES).toHaveLength(total - 3);
    for (const [prefix, wires] of shards) for (const w of wires) expect(fromWire(w, topics).key.startsWith(prefix)).toBe(true);
  });

  it('split a large letter one level deeper, short keys staying in the parent', () => {
    const many: TermNames[] = Array.from({ length: 30 }, (_, i) => ({ slug: `t${i}`, title: `Ta${String.fromCharCode(97 + (i % 3))}${i}`, aliases: [], id: `${i}`, topic: 'x' }));
    many.push({ slug: 'ta', title: 'Ta', aliases: [], id: 'ta', topic: 'x' });
    const split = buildShards(many, 10, 3).shards;
    expect([...split.keys()].sort()).toEqual(['ta', 'taa', 'tab', 'tac']);
    expect(split.get('ta')?.map((w) => w[0])).toEqual(['Ta']);
    expect([...split.values()].flat()).toHaveLength(31);
    const prefixes = [...split.keys()];
    expect(shardFor(prefixes, 'tab12')).toBe('tab');
    expect(shardFor(prefixes, 'ta')).toBe('ta');
    expect(shardFor(prefixes, 'tz')).toBeNull();
  });

  it('name shard files by prefix', () => {
    expect(shardFile('pel')).toBe('pel.json');
    expect(shardFile('中文')).toBe('中文.json');
  });

  it('neighbours cover a swapped first pair, an extra letter and a missing letter in the prefix', () => {
    const prefixes = ['o', 'u', 'h', 'ho', 'hom', 'hon'];
    expect(neighborShards(prefixes, 'uotsourcing')).toContain('o');
    expect(neighborShards(prefixes, 'xoutsourcing')).toContain('o');
    expect(neighborShards(prefixes, 'hmeshoring')).toContain('hom');
    expect(neighborShards(prefixes, 'uot')).toEqual([]);
  });
});

describe('merging with Pagefind', () => {
  const results = [{ id: 'p6' }, { id: 'p1' }, { id: 'guide' }];

  it('puts name hits first, with Pagefind\'s result for the same page, and shows no page twice', () => {
    const merged = mergeResults(findNames(ENTRIES, 'outsorcing'), results);
    expect(merged.map((m) => m.hit?.slug ?? m.result?.id)).toEqual(['outsourcing', 'outsourcing-provider', 'p6', 'guide']);
    expect(merged[0]).toMatchObject({ hit: { slug: 'outsourcing' }, result: { id: 'p1' } });
    expect(merged[1]?.result).toBeUndefined();
  });

  it('leaves out hits a filter rejects, and keeps Pagefind\'s order otherwise', () => {
    const merged = mergeResults(findNames(ENTRIES, 'outsorcing'), results, () => false);
    expect(merged.map((m) => m.result?.id)).toEqual(['p6', 'p1', 'guide']);
    expect(mergeResults([], results).map((m) => m.result?.id)).toEqual(['p6', 'p1', 'guide']);
  });

  it('offers a correction for a misspelt name only', () => {
    expect(correction(findNames(ENTRIES, 'outsorcing'), 20)?.title).toBe('Outsourcing');
    expect(correction(findNames(ENTRIES, 'homshoring'), 0)?.title).toBe('Homeshoring');
    expect(correction(findNames(ENTRIES, 'outsourcing'), 0)).toBeNull();
    expect(correction(findNames(ENTRIES, 'nearshor'), 0)).toBeNull();
    // A typo at the start of a longer name only when the query found little by itself.
    expect(correction(findNames(ENTRIES, 'outsorc'), 2)?.title).toBe('Outsourcing');
    expect(correction(findNames(ENTRIES, 'outsorc'), 10)).toBeNull();
    expect(correction([], 0)).toBeNull();
  });

  it('tells which alias a query matched on a page', () => {
    expect(matchedAlias(['Homeshoring', 'homesourcing', 'home-shoring'], 'homesourcing')).toBe('homesourcing');
    expect(matchedAlias(['Homeshoring', 'homesourcing', 'home-shoring'], 'homeshoring')).toBeNull();
    expect(matchedAlias(['Business process outsourcing', 'BPO', 'global BPO'], 'bpo')).toBe('BPO');
    expect(matchedAlias(['Business process outsourcing', 'BPO'], 'payroll')).toBeNull();
    expect(matchedAlias(['Outsourcing'], 'outsourcing')).toBeNull();
  });
});

describe('queryFromPath (the 404 page)', () => {
  it.each([
    ['/terms/outsorcing/', 'outsorcing'],
    ['/terms/call-centr/', 'call centr'],
    ['/embed/homshoring/', 'homshoring'],
    ['/a/b/c/virtual_asistant.html', 'virtual asistant'],
    ['/terms/caf%C3%A9/', 'café'],
    ['/terms/%E0%A4%A/', '%E0%A4%A'],
    ['/', ''],
  ])('%s -> "%s"', (path, query) => expect(queryFromPath(path)).toBe(query));
});
