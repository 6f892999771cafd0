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
