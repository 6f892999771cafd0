import { describe, expect, it } from 'vitest';
import { termSchema, articleSchema, describeSchemaError, SUMMARY_MAX } from '../../src/lib/content-schema.ts';

const validTerm = {
  title: 'Out-tasking',
  aliases: ['outtasking'],
  summary: 'Hiring outside help for one project or a few tasks, then parting ways when they are done.',
  topic: 'models',
  related: ['outsourcing'],
  contrasts: ['outsourcing'],
  sources: [{ title: 'An article', publication: 'A blog' }],
  takeaways: ['One project or a few tasks, then both sides part ways.', 'Suits work that comes back rarely.'],
  updated: '2026-11-01',
};

describe('term schema', () => {
  it('accepts a complete term and fills defaults', () => {
    const parsed = termSchema.parse({ ...validTerm, aliases: undefined });
    expect(parsed.aliases).toEqual([]);
    expect(parsed.updated).toBeInstanceOf(Date);
  });

  it('rejects a term with a missing summary, naming the field', () => {
    const { summary: _omit, ...withoutSummary } = validTerm;
    const result = termSchema.safeParse(withoutSummary);
    expect(result.success).toBe(false);
    const message = describeSchemaError('content/terms/out-tasking.mdx', result.error!);
    expect(message).toContain('content/terms/out-tasking.mdx');
    expect(message).toContain('field "summary"');
  });

  it('rejects a term without takeaways, naming the field', () => {
    const { takeaways: _omit, ...withoutTakeaways } = validTerm;
    const result = termSchema.safeParse(withoutTakeaways);
    expect(result.success).toBe(false);
    const message = describeSchemaError('content/terms/out-tasking.mdx', result.error!);
    expect(message).toContain('content/terms/out-tasking.mdx: field "takeaways": takeaways is required');
  });

  it('rejects one takeaway, five takeaways, or one over 120 characters', () => {
    for (const takeaways of [['Only one point here.'], Array(5).fill('A point long enough.'), ['A point long enough.', 'x'.repeat(121)]]) {
      const result = termSchema.safeParse({ ...validTerm, takeaways });
      expect(result.success, JSON.stringify(takeaways)).toBe(false);
      expect(result.error!.issues[0]!.path[0]).toBe('takeaways');
    }
  });

  it(`rejects a summary longer than ${SUMMARY_MAX} characters`, () => {
    const result = termSchema.safeParse({ ...validTerm, summary: 'word '.repeat(40) });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['summary']);
  });

  it('rejects a topic outside the fixed list', () => {
    const result = termSchema.safeParse({ ...validTerm, topic: 'misc' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(/topic must be one of/);
  });

  it('rejects a related slug that is not a slug', () => {
    const result = termSchema.safeParse({ ...validTerm, related: ['Out Tasking'] });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['related', 0]);
  });

  it('takes old slugs in redirectFrom (none by default) and rejects one that is not a slug, naming the field', () => {
    expect(termSchema.parse(validTerm).redirectFrom).toEqual([]);
    expect(termSchema.parse({ ...validTerm, redirectFrom: ['outtask', 'out-task'] }).redirectFrom).toEqual(['outtask', 'out-task']);
    const result = termSchema.safeParse({ ...validTerm, redirectFrom: ['Out Task'] });
    expect(result.success).toBe(false);
    expect(describeSchemaError('content/terms/out-tasking.mdx', result.error!)).toContain('field "redirectFrom.0"');
  });

  it('rejects unknown fields, so typos do not pass silently', () => {
    const result = termSchema.safeParse({ ...validTerm, sumary: 'typo' });
    expect(result.success).toBe(false);
  });

  it('rejects a source with neither url nor publication', () => {
    const result = termSchema.safeParse({ ...validTerm, sources: [{ title: 'Bare' }] });
    expect(result.success).toBe(false);
  });

  it('rejects a date that is not a date', () => {
    const result = termSchema.safeParse({ ...validTerm, updated: 'last tuesday' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['updated']);
  });
});

describe('article schema', () => {
  it('requires a summary', () => {
    const result = articleSchema.safeParse({ title: 'A guide', updated: '2026-11-01' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path[0])).toContain('summary');
  });
});

describe('updated: a real calendar date, not after the build date', () => {
  const parse = (updated: unknown, env = '2026-11-24') => {
    const before = process.env.GLOSSARY_BUILD_DATE;
    process.env.GLOSSARY_BUILD_DATE = env;
    try {
      return termSchema.safeParse({ ...validTerm, updated });
    } finally {
      if (before === undefined) delete process.env.GLOSSARY_BUILD_DATE;
      else process.env.GLOSSARY_BUILD_DATE = before;
    }
  };

  it.each(['2026-13-45', '2026-02-30', '2025-02-29', 0, 20261101, '2026-1-5', '2026-11-01T10:00:00Z', new Date('2026-11-01T10:00:00Z'), new Date('x')])(
    'refuses %j',
    (value) => {
      const result = parse(value);
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]!.path).toEqual(['updated']);
      expect(result.error!.issues[0]!.message).toMatch(/updated must be a real calendar date written YYYY-MM-DD/);
    },
  );

  it('accepts a leap day, the build date itself, and a Date at midnight UTC', () => {
    expect(parse('2024-02-29').data?.updated).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(parse('2026-11-24').success).toBe(true);
    expect(parse(new Date('2026-11-01')).success).toBe(true);
  });

  it('refuses a date after the build date', () => {
    const result = parse('2026-11-25');
    expect(result.error!.issues[0]!.message).toBe('updated is 2026-11-25, after the build date 2026-11-24: use the date of the last change');
  });
});

describe('limits and names', () => {
  const issue = (over: object) => {
    const result = termSchema.safeParse({ ...validTerm, ...over });
    expect(result.success).toBe(false);
    return `${result.error!.issues[0]!.path.join('.')}: ${result.error!.issues[0]!.message}`;
  };

  it('refuses a title with no visible characters, or over 80 characters', () => {
    expect(issue({ title: '\u200b\u200c\u200d\ufeff \u00a0' })).toBe('title: title is required: it has no visible characters');
    expect(issue({ title: 'x'.repeat(81) })).toBe('title: title must be at most 80 characters');
    expect(termSchema.safeParse({ ...validTerm, title: 'x'.repeat(80) }).success).toBe(true);
  });

  it('refuses common words, one-character and lower-case two-character aliases', () => {
    expect(issue({ aliases: ['the'] })).toMatch(/^aliases\.0: "the" is a common word/);
    expect(issue({ aliases: ['Work'] })).toMatch(/^aliases\.0: "Work" is a common word/);
    expect(issue({ aliases: ['B'] })).toMatch(/too short/);
    expect(issue({ aliases: ['va'] })).toMatch(/two-character alias must be an abbreviation in capitals/);
    expect(termSchema.safeParse({ ...validTerm, aliases: ['VA', 'HR', 'IC', 'T&M'] }).success).toBe(true);
  });

  it('caps aliases, sources, related and contrasts', () => {
    const many = (n: number, make: (i: number) => unknown) => Array.from({ length: n }, (_, i) => make(i));
    expect(issue({ aliases: many(13, (i) => `alias number ${i}`) })).toBe('aliases: at most 12 aliases');
    expect(issue({ aliases: ['x'.repeat(61)] })).toMatch(/longer than 60 characters/);
    expect(issue({ sources: many(13, (i) => ({ title: `Source ${i}`, publication: 'P' })) })).toBe('sources: at most 12 sources');
    expect(issue({ related: many(13, (i) => `term-${i}`) })).toBe('related: at most 12 related terms');
    expect(issue({ contrasts: many(7, (i) => `term-${i}`) })).toBe('contrasts: at most 6 contrasts');
  });

  it('wants http(s) source addresses', () => {
    expect(issue({ sources: [{ title: 'S', url: 'javascript:alert(1)' }] })).toMatch(/^sources\.0\.url: must be a full http\(s\) URL/);
    expect(issue({ sources: [{ title: 'S', url: 'data:text/html,x' }] })).toMatch(/"data:" scheme/);
  });
});
