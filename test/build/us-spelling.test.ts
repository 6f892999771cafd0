import { describe, expect, it } from 'vitest';
import { findUkSpellings, findUkSpellingsInText, formatUkSpelling } from '../support/us-spelling.ts';

// The site is written in US English (see the content guide). UK variants may stay as aliases
// so readers who type them find the term, but not in titles, summaries, takeaways or prose.
describe('US spelling', () => {
  it('the content uses no UK spellings in titles, summaries, takeaways or prose', () => {
    const found = findUkSpellings('content').map(formatUkSpelling);
    expect(found, found.join('\n')).toEqual([]);
  });

  it('reports a UK spelling with its file and line, and leaves aliases and source titles alone', () => {
    const found = findUkSpellings('test/fixtures/uk-spelling').map(formatUkSpelling);
    expect(found).toEqual(['test/fixtures/uk-spelling/terms/call-center.mdx:20: "centre" is UK spelling; use center']);
  });

  it('checks titles, summaries and takeaways but not slugs or link targets', () => {
    const text = [
      '---',
      'title: Labour arbitrage',
      'aliases: [labour arbitrage]',
      'summary: Cutting labour costs.',
      'takeaways:',
      '  - Work goes where labour is cheaper.',
      'related: [labour-arbitrage]',
      '---',
      '',
      'See [labor arbitrage](term:labour-arbitrage) and https://example.com/labour.',
    ].join('\n');
    expect(findUkSpellingsInText(text, 'x.mdx').map((f) => f.line)).toEqual([2, 4, 6]);
  });
});
