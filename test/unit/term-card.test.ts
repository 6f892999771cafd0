import { describe, expect, it } from 'vitest';
import { definitionText, markdownToPlainText, shorten, termCardData } from '../../src/lib/term-card.ts';

describe('term card data', () => {
  it('takes the first paragraph before any heading as the definition', () => {
    const body = 'First *paragraph* with a [link](term:outsourcing).\n\nSecond one.\n\n## In practice\n\nExample.';
    expect(definitionText(body)).toBe('First paragraph with a link.\n\nSecond one.');
    const card = termCardData({ id: 'x', body, data: { title: 'X', summary: 'Sum.' } });
    expect(card).toEqual({ slug: 'x', title: 'X', summary: 'Sum.', definition: 'First paragraph with a link.', path: '/terms/x/' });
  });

  it('skips imports and components', () => {
    expect(definitionText("import A from './a';\n\n<A />\n\nText.")).toBe('Text.');
  });

  it('strips inline markdown', () => {
    expect(markdownToPlainText('**bold** and `code` and <abbr>HTML</abbr>')).toBe('bold and code and HTML');
  });

  it('shortens at a sentence boundary when it can, else at a word', () => {
    const text = `${'a'.repeat(200)}. ${'b '.repeat(100)}`;
    expect(shorten(text, 300)).toBe(`${'a'.repeat(200)}.`);
    expect(shorten('word '.repeat(100), 50).endsWith('…')).toBe(true);
    expect(shorten('short', 50)).toBe('short');
  });
});
