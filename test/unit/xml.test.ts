// The strict XML parser the build tests use for the feed and the sitemaps.
import { describe, expect, it } from 'vitest';
import { childText, descendants, parseXml } from '../support/xml.ts';

describe('strict XML parser', () => {
  it('reads elements, attributes, entities and CDATA', () => {
    const root = parseXml(`<?xml version="1.0" encoding="UTF-8"?>
      <!-- a comment -->
      <rss version="2.0"><channel><title>A &amp; B &#x2019;s</title>
        <item><link>https://x.example/a/</link><description><![CDATA[<b>bold</b>]]></description></item>
        <item><link>https://x.example/b/</link><empty a='1' /></item>
      </channel></rss>`);
    expect(root.name).toBe('rss');
    expect(root.attributes).toEqual({ version: '2.0' });
    expect(childText(root.children[0]!, 'title')).toBe('A & B \u2019s');
    const items = descendants(root, 'item');
    expect(items.map((item) => childText(item, 'link'))).toEqual(['https://x.example/a/', 'https://x.example/b/']);
    expect(childText(items[0]!, 'description')).toBe('<b>bold</b>');
  });

  it.each([
    ['an unclosed element', '<a><b></a>'],
    ['a bare ampersand', '<a>fish & chips</a>'],
    ['a bare "<"', '<a x="1<2"/>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['two roots', '<a/><b/>'],
    ['no root', '<!-- nothing -->'],
    ['text after the root', '<a/>trailing'],
  ])('rejects %s', (_what, xml) => {
    expect(() => parseXml(xml)).toThrow(/line \d+/);
  });
});
