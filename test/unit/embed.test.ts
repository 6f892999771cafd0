import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'node-html-parser';
import {
  apiTerm,
  apiTermDetail,
  apiTermList,
  embedCode,
  escapeHtml,
  estimateCardHeight,
  iframeCode,
  oembed,
  oembedUrl,
  siteBase,
  termListScript,
  termListsByInitial,
  type EmbedTermSource,
} from '../../src/lib/embed.ts';
import {
  embedPath,
  frameTitle,
  heightFromMessage,
  isEmbeddableSlug,
  MAX_EMBED_HEIGHT,
  PROVIDER_NAME,
  SLUG_INITIALS,
  termListPath,
} from '../../src/lib/embed-protocol.ts';
import { SLUG_PATTERN } from '../../src/lib/content-schema.ts';
import { termCardData } from '../../src/lib/term-card.ts';
import { SITE_NAME } from '../../src/lib/site.ts';

const SITE = 'https://glossary.example.com';

const term: EmbedTermSource = {
  id: 'out-tasking',
  body: 'Handing [one task](term:outsourcing) to an *outside* worker.\n\nThen parting ways.\n\n## In practice\n\nAn example.',
  data: {
    title: 'Out-tasking',
    summary: 'Giving one job to an outsider, then parting ways when it is done.',
    aliases: ['outtasking'],
    topic: 'models',
    related: ['outsourcing'],
  },
};

/** A term whose text tries to break out of every context it lands in. */
const hostile: EmbedTermSource = {
  id: 'tricky',
  body: 'Body.',
  data: {
    title: `Tom & Jerry's "<b>bold</b>" </blockquote><script>alert(1)</script>`,
    summary: `Ends a tag early: "><img src=x onerror=alert(1)> and 'quotes' & ampersands.`,
    aliases: [],
    topic: 'models',
    related: [],
  },
};

describe('siteBase', () => {
  it('drops trailing slashes and keeps a path', () => {
    expect(siteBase('https://a.example/')).toBe('https://a.example');
    expect(siteBase(new URL('https://a.example/glossary/'))).toBe('https://a.example/glossary');
  });

  it('names the missing setting when there is no site', () => {
    expect(() => siteBase(undefined)).toThrow(/site URL is not set/);
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('leaves no markup characters and round-trips through an HTML parser', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(parse(`<p title="${escaped}">${escaped}</p>`).querySelector('p')!.getAttribute('title')).toBe(text);
      }),
    );
  });
});

describe('API records', () => {
  it('carries the frontmatter fields and an absolute URL', () => {
    expect(apiTerm(term, SITE)).toEqual({
      slug: 'out-tasking',
      title: 'Out-tasking',
      aliases: ['outtasking'],
      summary: term.data.summary,
      topic: 'models',
      url: 'https://glossary.example.com/terms/out-tasking/',
    });
  });

  it('adds the whole definition as plain text and the related slugs', () => {
    const detail = apiTermDetail(term, `${SITE}/`);
    expect(detail.definition).toBe('Handing one task to an outside worker.\n\nThen parting ways.');
    expect(detail.related).toEqual(['outsourcing']);
    expect(detail.related).not.toBe(term.data.related);
  });

  it('lists every term with a count', () => {
    const list = apiTermList([term, hostile], SITE);
    expect(list.count).toBe(2);
    expect(list.site).toBe(`${SITE}/`);
    expect(list.terms.map((t) => t.slug)).toEqual(['out-tasking', 'tricky']);
  });
});

describe('embed code', () => {
  it('is a blockquote that reads on its own, then the loader script', () => {
    const root = parse(embedCode(termCardData(term), SITE));
    const quote = root.querySelector('blockquote')!;
    expect(quote.classList.contains('glossary-embed')).toBe(true);
    expect(quote.getAttribute('data-term')).toBe('out-tasking');
    expect(quote.querySelector('strong a')!.getAttribute('href')).toBe(`${SITE}/terms/out-tasking/`);
    expect(quote.text).toContain(term.data.summary);
    const scripts = root.querySelectorAll('script');
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.getAttribute('src')).toBe(`${SITE}/embed.js`);
    expect(scripts[0]!.hasAttribute('async')).toBe(true);
  });

  it('is light unless asked for dark or the reader’s system', () => {
    expect(embedCode(termCardData(term), SITE)).not.toContain('data-theme');
    expect(embedCode(termCardData(term), SITE, { theme: 'light' })).not.toContain('data-theme');
    expect(embedCode(termCardData(term), SITE, { theme: 'dark' })).toContain('data-theme="dark"');
    expect(embedCode(termCardData(term), SITE, { theme: 'auto' })).toContain('data-theme="auto"');
    expect(iframeCode(termCardData(term), SITE, { theme: 'light' })).toContain('/embed/out-tasking/"');
    expect(iframeCode(termCardData(term), SITE, { theme: 'dark' })).toContain('/embed/out-tasking/?theme=dark"');
    expect(iframeCode(termCardData(term), SITE, { theme: 'auto' })).toContain('/embed/out-tasking/?theme=auto"');
    // The frame's own color-scheme matches the card's, so that Chromium keeps it transparent.
    expect(iframeCode(termCardData(term), SITE)).toContain(';color-scheme:light"');
    expect(iframeCode(termCardData(term), SITE, { theme: 'dark' })).toContain(';color-scheme:dark"');
    expect(iframeCode(termCardData(term), SITE, { theme: 'auto' })).toContain(';color-scheme:light dark"');
  });

  it('sizes the plain iframe for the narrowest card and caps both codes at one width', () => {
    const card = termCardData(term);
    const frame = parse(iframeCode(card, SITE)).querySelector('iframe')!;
    expect(frame.getAttribute('height')).toBe(String(estimateCardHeight(card, 320)));
    expect(frame.getAttribute('style')).toContain('max-width:600px');
  });

  it('keeps hostile titles and summaries as text', () => {
    const card = termCardData(hostile);
    const root = parse(embedCode(card, SITE));
    expect(root.querySelectorAll('script')).toHaveLength(1);
    expect(root.querySelectorAll('img, b')).toHaveLength(0);
    expect(root.querySelectorAll('blockquote')).toHaveLength(1);
    expect(root.querySelector('strong a')!.text).toBe(hostile.data.title);
    expect(root.querySelector('blockquote p')!.text).toContain(hostile.data.summary);

    const frame = parse(iframeCode(card, SITE)).querySelectorAll('iframe');
    expect(frame).toHaveLength(1);
    expect(frame[0]!.getAttribute('title')).toBe(frameTitle(hostile.data.title));
  });
});

describe('oEmbed', () => {
  it('is a rich 1.0 response whose html is the blockquote-and-script code', () => {
    const card = termCardData(term);
    const response = oembed(card, SITE);
    expect(response).toMatchObject({
      type: 'rich',
      version: '1.0',
      title: 'Out-tasking',
      provider_name: 'Outsourcing Glossary',
      provider_url: `${SITE}/`,
      width: 600,
    });
    expect(response.html).toBe(embedCode(card, SITE));
    // For consumers that frame the html at a fixed size: tall enough at the narrowest width.
    expect(response.height).toBe(estimateCardHeight(card, 320));
    expect(Number.isInteger(response.cache_age) && response.cache_age > 0).toBe(true);
    const quote = parse(response.html).querySelector('blockquote.glossary-embed')!;
    expect(quote.getAttribute('data-term')).toBe('out-tasking');
    expect(oembedUrl('out-tasking', SITE)).toBe(`${SITE}/oembed/out-tasking.json`);
  });

  it('refuses a slug that is not one', () => {
    expect(() => oembedUrl('../x', SITE)).toThrow(/not a term slug/);
  });
});

describe('estimated card height', () => {
  const card = termCardData(term);

  it('grows as the frame narrows and as the text lengthens', () => {
    expect(estimateCardHeight(card, 320)).toBeGreaterThan(estimateCardHeight(card, 600));
    const longer = { ...card, definition: `${card.definition} ${'More words here. '.repeat(10)}` };
    expect(estimateCardHeight(longer, 600)).toBeGreaterThan(estimateCardHeight(card, 600));
  });

  it('leaves out the definition line when there is none', () => {
    expect(estimateCardHeight({ ...card, definition: '' })).toBeLessThan(estimateCardHeight(card));
  });
});

describe('slugs, paths and term lists', () => {
  it('names the site in frame titles exactly as the site names itself', () => {
    expect(PROVIDER_NAME).toBe(SITE_NAME);
    expect(frameTitle('BPO')).toBe(`BPO: definition from the ${SITE_NAME}`);
  });

  it('accepts exactly the slugs the content schema accepts', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9-]{0,12}$/), (s) => {
        expect(isEmbeddableSlug(s)).toBe(SLUG_PATTERN.test(s));
      }),
    );
    for (const bad of ['<img src=x onerror=alert(1)>', 'Outsourcing', 'a--b', '-a', 'a/b', '../a', '', 'a b', 42, null]) {
      expect(isEmbeddableSlug(bad)).toBe(false);
    }
  });

  it('builds embed and term-list paths only for real slugs', () => {
    expect(embedPath('bpo')).toBe('/embed/bpo/');
    expect(embedPath('bpo', 'dark')).toBe('/embed/bpo/?theme=dark');
    expect(embedPath('bpo', 'auto')).toBe('/embed/bpo/?theme=auto');
    expect(embedPath('bpo', 'light')).toBe('/embed/bpo/');
    expect(embedPath('bpo', '"><script>')).toBe('/embed/bpo/');
    expect(termListPath('bpo')).toBe('/embed/terms-b.js');
    expect(() => embedPath('a/../b')).toThrow(/not a term slug/);
    expect(() => termListPath('')).toThrow(/not a term slug/);
  });

  it('groups slugs by first character, with a (possibly empty) list for every character', () => {
    const lists = termListsByInitial(['outsourcing', 'offshoring', '3pl', 'bpo']);
    expect([...lists.keys()].join('')).toBe(SLUG_INITIALS);
    expect(lists.get('o')).toEqual(['offshoring', 'outsourcing']);
    expect(lists.get('3')).toEqual(['3pl']);
    expect(lists.get('z')).toEqual([]);
    expect(() => termListsByInitial(['Bad Slug'])).toThrow(/not a term slug/);
  });

  it('writes a list script that hands its slugs to the loader, and does nothing without it', () => {
    const script = termListScript(['offshoring', 'outsourcing']);
    const received: unknown[] = [];
    const loader = { known: (slugs: unknown) => received.push(slugs) };
    new Function('window', script)({ [Symbol.for('glossaryEmbed')]: loader });
    // A host element named glossaryEmbed (window.glossaryEmbed) is not the loader.
    expect(() => new Function('window', script)({ glossaryEmbed: {} })).not.toThrow();
    expect(received).toEqual([['offshoring', 'outsourcing']]);
    expect(() => new Function('window', script)({})).not.toThrow();
  });
});

describe('height messages', () => {
  const ok = { type: 'glossary-embed:height', slug: 'bpo', height: 211.4 };

  it('accepts a well-formed report for the expected slug, rounded up', () => {
    expect(heightFromMessage(ok, 'bpo')).toBe(212);
  });

  it.each([
    ['another slug', { ...ok, slug: 'offshoring' }],
    ['another type', { ...ok, type: 'resize' }],
    ['a string height', { ...ok, height: '211' }],
    ['NaN', { ...ok, height: Number.NaN }],
    ['Infinity', { ...ok, height: Number.POSITIVE_INFINITY }],
    ['zero', { ...ok, height: 0 }],
    ['a negative height', { ...ok, height: -10 }],
    ['an absurd height', { ...ok, height: MAX_EMBED_HEIGHT + 1 }],
    ['a string', 'glossary-embed:height'],
    ['null', null],
    ['an array', [ok]],
  ])('rejects %s', (_label, data) => {
    expect(heightFromMessage(data, 'bpo')).toBeUndefined();
  });

  it('never returns a height outside the sane range', () => {
    fc.assert(
      fc.property(fc.anything(), fc.double(), (extra, height) => {
        const result = heightFromMessage({ type: 'glossary-embed:height', slug: 'bpo', height, extra }, 'bpo');
        if (result !== undefined) {
          expect(Number.isInteger(result)).toBe(true);
          expect(result).toBeGreaterThanOrEqual(1);
          expect(result).toBeLessThanOrEqual(MAX_EMBED_HEIGHT);
        }
      }),
    );
  });
});
