import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkRehype from 'remark-rehype';
import { VFile } from 'vfile';
import type { Root } from 'hast';
import { rehypeGuideSanitize, remarkContentSafety, elementProblems } from '../../src/lib/content-safety.ts';
import remarkTermLinks from '../../src/lib/remark-term-links.ts';
import { urlProblem, SOURCE_RULES, LINK_RULES } from '../../src/lib/url-policy.ts';

describe('url policy', () => {
  it.each(['https://example.com/a?b=1&c=2#d', 'http://example.com', 'mailto:editor@example.com', 'term:outsourcing', '/guides/x/', '#sources', 'x/y', '../z', '?page=2'])(
    'allows %s',
    (url) => expect(urlProblem(url, LINK_RULES)).toBeUndefined(),
  );

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\u0001javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u200bjavascript:alert(1)',
    '&#106;avascript:alert(1)',
    'javascript&colon;alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/',
    '/\\evil.example/',
    'https://',
  ])('refuses %j', (url) => expect(urlProblem(url, LINK_RULES)).toBeTypeOf('string'));

  it('wants a full http(s) address for sources', () => {
    expect(urlProblem('https://example.com/', SOURCE_RULES)).toBeUndefined();
    expect(urlProblem('/guides/x/', SOURCE_RULES)).toMatch(/full address/);
    expect(urlProblem('mailto:a@example.com', SOURCE_RULES)).toMatch(/"mailto:" scheme/);
  });
});

const GUIDE = '/site/content/articles/guide.mdx';
const terms = [{ slug: 'outsourcing', names: ['Outsourcing'] }];

/** A guide's HTML tree as the MDX pipeline hands it on, after the sanitizer. */
async function sanitizeGuide(mdx: string, withChecks = false): Promise<Root> {
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(withChecks ? remarkContentSafety : () => undefined, { componentsDir: '/site/src/components' })
    .use(remarkTermLinks, { terms })
    .use(remarkRehype, { passThrough: ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'] })
    .use(rehypeGuideSanitize, { isGuide: (path: string) => path === GUIDE });
  const file = new VFile({ path: GUIDE, value: mdx });
  return (await processor.run(processor.parse(file), file)) as Root;
}

const flat = (node: unknown): Record<string, unknown>[] => {
  const n = node as { children?: unknown[] };
  return [n as Record<string, unknown>, ...(n.children ?? []).flatMap(flat)];
};

describe('guide sanitizer (rehype-sanitize with the guide schema)', () => {
  it('removes script, iframe, event handlers, style attributes and javascript: links written as HTML', async () => {
    const tree = await sanitizeGuide(
      [
        '<script>alert(1)</script>',
        '',
        '<iframe src="https://evil.example/"></iframe>',
        '',
        '<img src="/chart.png" alt="A chart" onerror="alert(1)" />',
        '',
        'Some <span style="position:fixed">covering</span> text and <a href="javascript:alert(1)">a link</a>.',
      ].join('\n'),
    );
    const nodes = flat(tree);
    const elements = nodes.filter((n) => n.type === 'element') as { tagName: string; properties: Record<string, unknown> }[];
    expect(elements.map((e) => e.tagName)).not.toContain('script');
    expect(elements.map((e) => e.tagName)).not.toContain('iframe');
    expect(nodes.some((n) => String(n.type).startsWith('mdxJsx'))).toBe(false);
    expect(nodes.filter((n) => n.type === 'text').map((n) => n.value).join('')).not.toContain('alert');
    const img = elements.find((e) => e.tagName === 'img')!;
    expect(img.properties).toEqual({ src: '/chart.png', alt: 'A chart' });
    expect(elements.find((e) => e.tagName === 'span')!.properties).toEqual({});
    expect(elements.find((e) => e.tagName === 'a')!.properties).toEqual({});
  });

  it('keeps components, their imports and the cross-link markup unchanged', async () => {
    const source = [
      "import WorthCalculator from '../../src/components/WorthCalculator.astro';",
      '',
      'Outsourcing is one choice; see [the list](/glossary/) and <b>bold</b> text.',
      '',
      '<WorthCalculator />',
    ].join('\n');
    const tree = await sanitizeGuide(source, true);
    const nodes = flat(tree);
    expect(nodes.filter((n) => n.type === 'mdxjsEsm')).toHaveLength(1);
    expect(nodes.find((n) => n.type === 'mdxJsxFlowElement')).toMatchObject({ name: 'WorthCalculator', attributes: [] });
    const links = nodes.filter((n) => n.type === 'element' && n.tagName === 'a') as { properties: Record<string, unknown> }[];
    expect(links.map((l) => l.properties)).toEqual([
      { href: '/terms/outsourcing/', className: ['term-link'], 'data-term': 'outsourcing' },
      { href: '/glossary/' },
    ]);
    expect(nodes.some((n) => n.type === 'element' && n.tagName === 'b')).toBe(true);
    expect(nodes.some((n) => n.tagName === 'glossary-kept-node')).toBe(false);
  });

  it('leaves files that are not guides alone', async () => {
    const processor = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeGuideSanitize, { isGuide: () => false });
    const file = new VFile({ path: '/site/content/terms/x.mdx', value: 'Text.' });
    const tree = (await processor.run(processor.parse(file), file)) as Root;
    expect(flat(tree).filter((n) => n.type === 'element').map((n) => n.tagName)).toEqual(['p']);
  });
});

describe('element allowlist, as the build reports it', () => {
  it('names the element or attribute the sanitizer would remove', () => {
    expect(elementProblems('script', {})).toEqual([expect.stringMatching(/<script> is not allowed in guides/)]);
    expect(elementProblems('object', { data: 'x.swf' })).toEqual([expect.stringMatching(/<object> is not allowed/)]);
    expect(elementProblems('img', { src: '/a.png', alt: 'A', onload: 'x()' })).toEqual([expect.stringMatching(/<img>: attribute "onload" is not allowed in guides \(no event handlers\)/)]);
    expect(elementProblems('p', { style: 'color:red' })).toEqual([expect.stringMatching(/attribute "style"/)]);
    expect(elementProblems('div', { id: 'term-previews' })).toEqual([expect.stringMatching(/attribute "id"/)]);
    expect(elementProblems('details', {})).toEqual([]);
    expect(elementProblems('a', { href: 'https://example.com/', title: 'Example' })).toEqual([]);
  });
});
