import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import remarkTermLinks, { createTermMatcher, type LinkableTerm } from '../../src/lib/remark-term-links.ts';

const terms: LinkableTerm[] = [
  { slug: 'outsourcing', names: ['Outsourcing'] },
  { slug: 'business-process-outsourcing', names: ['Business process outsourcing', 'BPO'] },
  { slug: 'homeshoring', names: ['Homeshoring', 'homesourcing'] },
  { slug: 'offshoring', names: ['Offshoring'] },
  { slug: 'independent-contractor', names: ['Independent contractor', 'IC', 'contractor'] },
  { slug: 'virtual-assistant', names: ['Virtual assistant', 'VA'] },
  { slug: 'back-office', names: ['Back office'] },
  { slug: 'time-and-materials', names: ['Time and materials', 'T&M'] },
  { slug: 'employee', names: ['Employee'] },
];

const slugOfFile = (path: string) => /content\/terms\/([a-z0-9-]+)\.mdx$/.exec(path)?.[1];

async function render(markdown: string, path = 'content/articles/guide.mdx') {
  const file = new VFile({ value: markdown, path });
  const html = String(
    await unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkMdx)
      .use(remarkTermLinks, { terms, slugOfFile })
      .use(remarkRehype)
      .use(rehypeStringify)
      .process(file),
  );
  const links = [...html.matchAll(/<a href="([^"]+)"( class="term-link" data-term="([^"]+)")?>([^<]*)<\/a>/g)].map((m) => ({
    href: m[1],
    term: m[3],
    text: m[4]!.replace(/&#x26;/g, '&'),
  }));
  return { html, links, frontmatter: (file.data as { astro?: { frontmatter?: { termLinks?: string[] } } }).astro?.frontmatter };
}

describe('automatic term links', () => {
  it('links the first mention with class and data-term', async () => {
    const { links, html } = await render('Outsourcing is common. Outsourcing again.');
    expect(links).toEqual([{ href: '/terms/outsourcing/', term: 'outsourcing', text: 'Outsourcing' }]);
    expect(html).toContain('Outsourcing again.');
  });

  it('matches whatever the case of a plain word', async () => {
    const { links } = await render('Many firms rely on OUTSOURCING.');
    expect(links.map((l) => l.term)).toEqual(['outsourcing']);
  });

  it('links an alias to its term', async () => {
    const { links } = await render('Some call it homesourcing.');
    expect(links).toEqual([{ href: '/terms/homeshoring/', term: 'homeshoring', text: 'homesourcing' }]);
  });

  it('links abbreviations only in their exact case', async () => {
    const { links } = await render('A BPO firm. The word bpo in lower case, and Va or ic, are not links.');
    expect(links.map((l) => l.text)).toEqual(['BPO']);
  });

  it('links simple plurals, including of abbreviations', async () => {
    const { links } = await render('Hire contractors. Some VAs work nights. Employees differ.');
    expect(links.map((l) => [l.term, l.text])).toEqual([
      ['independent-contractor', 'contractors'],
      ['virtual-assistant', 'VAs'],
      ['employee', 'Employees'],
    ]);
  });

  it('links possessives with the apostrophe inside the link', async () => {
    const { links } = await render("Offshoring's reputation, and the contractor’s tools.");
    expect(links.map((l) => l.text)).toEqual(["Offshoring's", 'contractor’s']);
  });

  it('lets the longest name win when terms overlap', async () => {
    const { links } = await render('Business process outsourcing is a kind of outsourcing.');
    expect(links.map((l) => [l.term, l.text])).toEqual([
      ['business-process-outsourcing', 'Business process outsourcing'],
      ['outsourcing', 'outsourcing'],
    ]);
  });

  it('handles punctuation around the term', async () => {
    const { links } = await render('(Offshoring), "homeshoring"; outsourcing! back office: T&M.');
    expect(links.map((l) => l.text)).toEqual(['Offshoring', 'homeshoring', 'outsourcing', 'back office', 'T&M']);
  });

  it('matches whole words only, not parts of words or hyphenated compounds', async () => {
    const { links } = await render('Outsourcingly, subcontractor, non-outsourcing and outsourcing-friendly are not mentions.');
    expect(links).toEqual([]);
  });

  it('matches a name across a line break and accepts a hyphen for a space', async () => {
    const { links } = await render('Work in the back-office and business process\noutsourcing.');
    expect(links.map((l) => l.term)).toEqual(['back-office', 'business-process-outsourcing']);
  });

  it('links the first mention again in each new section', async () => {
    const { links } = await render('Outsourcing here.\n\n## Next\n\nOutsourcing there, outsourcing again.');
    expect(links).toHaveLength(2);
  });

  it('never links inside headings', async () => {
    const { links } = await render('## Outsourcing basics\n\nText without terms.');
    expect(links).toEqual([]);
  });

  it('never links inside existing links', async () => {
    const { links } = await render('[About outsourcing](https://example.com/) is a link.');
    expect(links).toEqual([{ href: 'https://example.com/', term: undefined, text: 'About outsourcing' }]);
  });

  it('never links inside inline or block code', async () => {
    const { links } = await render('Use `outsourcing` here.\n\n```\noffshoring\n```');
    expect(links).toEqual([]);
  });

  it('never links inside MDX components', async () => {
    const { links } = await render('<Aside>outsourcing inside a component</Aside>\n\nAnd offshoring outside.');
    expect(links.map((l) => l.term)).toEqual(['offshoring']);
  });

  it("never links a term on its own page", async () => {
    const { links } = await render('Outsourcing and offshoring.', 'content/terms/outsourcing.mdx');
    expect(links.map((l) => l.term)).toEqual(['offshoring']);
  });

  it('links inside emphasis and lists', async () => {
    const { links } = await render('- *offshoring* matters\n- so does **homeshoring**');
    expect(links.map((l) => l.term)).toEqual(['offshoring', 'homeshoring']);
  });

  it('records the linked slugs in the frontmatter', async () => {
    const { frontmatter } = await render('Offshoring and [a helper](term:virtual-assistant).');
    expect(frontmatter?.termLinks).toEqual(['offshoring', 'virtual-assistant']);
  });
});

describe('explicit term links', () => {
  it('turns [text](term:slug) into a term link', async () => {
    const { links } = await render('Ask [someone at home](term:homeshoring) to help.');
    expect(links).toEqual([{ href: '/terms/homeshoring/', term: 'homeshoring', text: 'someone at home' }]);
  });

  it('counts as the section’s mention, so the plain word later is not linked again', async () => {
    const { links } = await render('[This](term:offshoring) and offshoring.');
    expect(links).toHaveLength(1);
  });

  it('fails on an unknown slug, naming the file and line', async () => {
    await expect(render('Fine line.\n\nSee [this](term:no-such-term).', 'content/articles/broken.mdx')).rejects.toThrow(
      'content/articles/broken.mdx:3:5: unknown term "no-such-term"',
    );
  });
});

describe('term matcher', () => {
  it('scales with the text, not the glossary', () => {
    // 20,000 names sharing their first word: lookups walk a word trie, not a list.
    const many: LinkableTerm[] = Array.from({ length: 20_000 }, (_, i) => ({ slug: `t${i}`, names: [`term number ${i}`, `alias${i}`] }));
    const matcher = createTermMatcher(many);
    const text = 'We discussed term number 19999 and alias42 today. '.repeat(200);
    const found = matcher.find(text);
    expect(found).toHaveLength(400);
    expect(found.slice(0, 2).map((m) => m.slug)).toEqual(['t19999', 't42']);
  });

  it('prefers the longest name even when a shorter one ends on the same word', () => {
    const matcher = createTermMatcher([
      { slug: 'it-outsourcing', names: ['IT outsourcing', 'ITO'] },
      { slug: 'outsourcing', names: ['Outsourcing'] },
    ]);
    expect(matcher.find('Cheap IT outsourcing and plain outsourcing; it outsourcing in lower case.').map((m) => m.slug)).toEqual([
      'it-outsourcing',
      'outsourcing',
      'outsourcing',
    ]);
  });
});
