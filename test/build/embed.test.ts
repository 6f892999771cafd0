/**
 * The embed surfaces in the built site, checked against the content files themselves: the
 * JSON API, oEmbed, discovery tags, embed views, the loader's term lists and the headers.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { builtPage, distDir } from '../support/dist.ts';
import { fileWeight, pageWeight } from '../support/weight.ts';
import { contentDir, readTermFiles } from '../../src/lib/content-source.ts';
import { definitionText } from '../../src/lib/term-card.ts';
import { siteUrl } from '../../src/lib/site.ts';
import { headersForPath, parseHeadersFile } from '../../src/lib/headers-file.ts';

const dir = distDir();
const site = siteUrl();
const terms = readTermFiles(contentDir());
const json = (path: string) => JSON.parse(readFileSync(join(dir, path), 'utf8'));

describe('the term files', () => {
  it('are there to check against', () => {
    expect(terms.length).toBeGreaterThanOrEqual(3);
  });
});

describe('/api/terms.json', () => {
  const list = json('api/terms.json');

  it('has one entry per term file and nothing else', () => {
    expect(list.count).toBe(terms.length);
    expect(list.site).toBe(`${site}/`);
    expect(list.terms.map((t: { slug: string }) => t.slug).sort()).toEqual(terms.map((t) => t.slug).sort());
  });

  it.each(terms.map((t) => [t.slug, t] as const))('%s matches its frontmatter', (slug, file) => {
    const entry = list.terms.find((t: { slug: string }) => t.slug === slug);
    expect(entry).toEqual({
      slug,
      title: file.data.title,
      aliases: file.data.aliases,
      summary: file.data.summary,
      topic: file.data.topic,
      url: `${site}/terms/${slug}/`,
    });
    expect(existsSync(join(dir, 'terms', slug, 'index.html'))).toBe(true);
  });
});

describe.each(terms.map((t) => [t.slug, t] as const))('%s', (slug, file) => {
  it('has an API record with its definition as plain text and its related slugs', () => {
    const record = json(`api/terms/${slug}.json`);
    expect(record).toEqual({
      slug,
      title: file.data.title,
      aliases: file.data.aliases,
      summary: file.data.summary,
      topic: file.data.topic,
      url: `${site}/terms/${slug}/`,
      definition: definitionText(file.body),
      related: file.data.related,
    });
    expect(record.definition.length).toBeGreaterThan(40);
    expect(record.definition).not.toMatch(/\]\(|<[a-z]|\*\*|^#/m);
  });

  it('has an oEmbed 1.0 rich response', () => {
    const response = json(`oembed/${slug}.json`);
    // Required by oEmbed 1.0 for every response, then for type "rich".
    expect(response.type).toBe('rich');
    expect(response.version).toBe('1.0');
    expect(typeof response.html).toBe('string');
    expect(Number.isInteger(response.width) && response.width > 0).toBe(true);
    expect(Number.isInteger(response.height) && response.height > 0).toBe(true);
    // Optional fields we promise.
    expect(response.title).toBe(file.data.title);
    expect(response.provider_name).toBe('Outsourcing Glossary');
    expect(response.provider_url).toBe(`${site}/`);
    expect(Number.isInteger(response.cache_age) && response.cache_age > 0).toBe(true);
    // The blockquote-and-script code, as the term page offers it.
    const html = parse(response.html);
    expect(html.querySelector('blockquote.glossary-embed')!.getAttribute('data-term')).toBe(slug);
    expect(html.querySelector('blockquote strong a')!.text).toBe(file.data.title);
    expect(html.querySelector('script')!.getAttribute('src')).toBe(`${site}/embed.js`);
    const panel = builtPage(`/terms/${slug}/`).root.querySelector('textarea#embed-code-script')!.text;
    expect(response.html).toBe(panel);
  });

  it('announces its oEmbed file on its page', () => {
    const page = builtPage(`/terms/${slug}/`);
    const links = page.root.querySelectorAll('head link[rel="alternate"][type="application/json+oembed"]');
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe(`${site}/oembed/${slug}.json`);
    expect(links[0]!.getAttribute('title')).toBe(file.data.title);
    expect(existsSync(join(dir, new URL(links[0]!.getAttribute('href')!).pathname))).toBe(true);
  });

  it('offers both embed codes and a lazy preview in a closed panel', () => {
    const page = builtPage(`/terms/${slug}/`);
    const panel = page.root.querySelector('details.embed-panel')!;
    expect(panel.hasAttribute('open')).toBe(false);
    const script = parse(panel.querySelector('textarea#embed-code-script')!.text);
    expect(script.querySelector('blockquote.glossary-embed')!.getAttribute('data-term')).toBe(slug);
    expect(script.querySelector('blockquote a')!.getAttribute('href')).toBe(`${site}/terms/${slug}/`);
    expect(script.querySelector('script')!.getAttribute('src')).toBe(`${site}/embed.js`);
    const frame = parse(panel.querySelector('textarea#embed-code-iframe')!.text).querySelector('iframe')!;
    expect(frame.getAttribute('src')).toBe(`${site}/embed/${slug}/`);
    for (const id of ['embed-code-script', 'embed-code-iframe']) {
      expect(panel.querySelector(`label[for="${id}"]`)).not.toBeNull();
      expect(panel.querySelector(`#${id}`)!.hasAttribute('readonly')).toBe(true);
      expect(panel.querySelector(`button[data-copy-target="${id}"]`)).not.toBeNull();
    }
    expect(panel.querySelectorAll('[aria-live="polite"]')).toHaveLength(2);
    const preview = panel.querySelector('iframe.embed-panel__preview')!;
    expect(preview.getAttribute('src')).toBe(`/embed/${slug}/`);
    expect(preview.getAttribute('loading')).toBe('lazy');
    expect(preview.getAttribute('title')).toBeTruthy();
  });

  it('has an embed view: the card alone, no site chrome, noindex, links to a new tab', () => {
    const page = builtPage(`/embed/${slug}/`);
    const { root } = page;
    expect(root.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(root.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${site}/terms/${slug}/`);
    expect(root.querySelectorAll('.site-header, .site-footer, nav')).toHaveLength(0);
    expect(root.querySelectorAll('main')).toHaveLength(1);
    const cards = root.querySelectorAll('article.term-card');
    expect(cards).toHaveLength(1);
    expect(cards[0]!.getAttribute('data-term-card')).toBe(slug);
    expect(root.querySelector('h1')!.text).toContain(file.data.title);
    expect(root.querySelector('.term-card__summary')!.text).toBe(file.data.summary);
    const links = root.querySelectorAll('a');
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const a of links) {
      expect(a.getAttribute('href')).toBe(`${site}/terms/${slug}/`);
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')?.split(/\s+/)).toContain('noopener');
    }
    // Readable with no JavaScript to fetch: only inline scripts, none with src.
    expect(root.querySelectorAll('script[src], script[type="module"]')).toHaveLength(0);
    // Only the card's CSS, not the site stylesheet.
    const css = [
      ...root.querySelectorAll('style').map((s) => s.text),
      ...root.querySelectorAll('link[rel="stylesheet"]').map((l) => readFileSync(join(dir, l.getAttribute('href')!), 'utf8')),
    ].join('\n');
    expect(css).toContain('.term-card');
    expect(css).not.toMatch(/\.site-header|\.skip-link|\.letter-nav/);
    expect(pageWeight(dir, `/embed/${slug}/`).gzip).toBeLessThanOrEqual(6 * 1024);
  });

  it('is in the term list script for its first letter', () => {
    const script = readFileSync(join(dir, 'embed', `terms-${slug[0]}.js`), 'utf8');
    const listed: string[] = [];
    new Function('window', script)({ [Symbol.for('glossaryEmbed')]: { known: (s: string[]) => listed.push(...s) } });
    expect(listed).toContain(slug);
  });
});

describe('the loader and its term lists', () => {
  it('serves /embed.js minified within 1.5 KB gzipped', () => {
    const code = readFileSync(join(dir, 'embed.js'), 'utf8');
    expect(code.trim().split('\n')).toHaveLength(1);
    expect(fileWeight(dir, '/embed.js').gzip).toBeLessThanOrEqual(1536);
  });

  it('has a term list for every possible first character, listing exactly the terms', () => {
    const listed: string[] = [];
    for (const c of '0123456789abcdefghijklmnopqrstuvwxyz') {
      const script = readFileSync(join(dir, 'embed', `terms-${c}.js`), 'utf8');
      new Function('window', script)({ [Symbol.for('glossaryEmbed')]: { known: (s: string[]) => listed.push(...s) } });
    }
    expect(listed.sort()).toEqual(terms.map((t) => t.slug).sort());
  });
});

describe('dist/_headers', () => {
  const rules = parseHeadersFile(readFileSync(join(dir, '_headers'), 'utf8'));

  it('refuses framing on pages and allows it on embed views', () => {
    for (const path of ['/', '/terms/outsourcing/', '/glossary/', '/embed.js', '/embedded/']) {
      const headers = headersForPath(rules, path);
      expect(headers['X-Frame-Options'], path).toBe('DENY');
      expect(headers['Content-Security-Policy'], path).toContain("frame-ancestors 'none'");
    }
    const embed = headersForPath(rules, '/embed/outsourcing/');
    expect(embed['X-Frame-Options']).toBeUndefined();
    expect(embed['Content-Security-Policy']).toMatch(/(^|; )frame-ancestors \*(;|$)/);
    expect(embed['X-Robots-Tag']).toBe('noindex');
  });

  it('lets any origin read the API and oEmbed files', () => {
    for (const path of ['/api/terms.json', '/api/terms/outsourcing.json', '/oembed/outsourcing.json']) {
      expect(headersForPath(rules, path)['Access-Control-Allow-Origin'], path).toBe('*');
    }
    expect(headersForPath(rules, '/terms/outsourcing/')['Access-Control-Allow-Origin']).toBeUndefined();
  });
});
