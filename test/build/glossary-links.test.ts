/** The glossary-links script and its index in the built site (src/lib/links-index.ts). */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtPage, distDir } from '../support/dist.ts';
import { fileWeight } from '../support/weight.ts';
import { contentDir, readTermFiles } from '../../src/lib/content-source.ts';
import { headersForPath, parseHeadersFile } from '../../src/lib/headers-file.ts';
import { bucketOf, bucketPath, cardPath, decodeFilter, firstWord, mayContain, type CardNode, type LinksEntry, type LinksManifest } from '../../src/lib/links-index.ts';
import { siteUrl } from '../../src/lib/site.ts';

const dir = distDir();
const terms = readTermFiles(contentDir());
const json = (path: string) => JSON.parse(readFileSync(join(dir, path), 'utf8'));

/** All text of a card tree, and every element as [tag, attributes]. */
function flatten(node: CardNode, out: { text: string[]; elements: [string, Record<string, string>][] } = { text: [], elements: [] }) {
  if (typeof node === 'string') out.text.push(node);
  else {
    out.elements.push([node[0], node[1]]);
    node.slice(2).forEach((child) => flatten(child as CardNode, out));
  }
  return out;
}

describe('/glossary-links.js', () => {
  it('is served minified within 3 KB gzipped, with no imports', () => {
    const code = readFileSync(join(dir, 'glossary-links.js'), 'utf8');
    expect(code).not.toMatch(/\bimport\s*\(|^import\s/m);
    expect(code).not.toContain('innerHTML');
    expect(fileWeight(dir, '/glossary-links.js').gzip).toBeLessThanOrEqual(3072);
  });
});

describe('the links index', () => {
  const manifest = json('glossary-links/index.json') as LinksManifest;
  const filter = decodeFilter(manifest);

  it('has every bucket file, and the popover stylesheet', () => {
    for (let b = 0; b < manifest.b; b++) expect(existsSync(join(dir, bucketPath(b).slice(1))), bucketPath(b)).toBe(true);
    expect(manifest.css).toContain('.b{');
  });

  it.each(terms.map((t) => [t.slug, t] as const))('files %s under every name’s first word, and has its card', (slug, file) => {
    for (const name of [file.data.title, ...file.data.aliases]) {
      const key = firstWord(name)!;
      expect(mayContain(filter, manifest.k, key), name).toBe(true);
      const bucket = json(bucketPath(bucketOf(key, manifest.b)).slice(1)) as LinksEntry[];
      const entry = bucket.find(([s]) => s === slug);
      expect(entry?.slice(2), name).toContain(name);
      expect(entry?.[1]).toBe(file.data.topic);
    }
    const card = flatten(json(cardPath(slug).slice(1)) as CardNode);
    const text = card.text.join('');
    expect(text).toContain(file.data.title);
    expect(text).toContain(file.data.summary);
    expect(text).toContain('From the Outsourcing Glossary');
    expect(card.elements[0]![1].class).toBe('term-card');
    // Links are site-relative (the script adds its own origin) and point at the term.
    const hrefs = card.elements.map(([, a]) => a.href).filter(Boolean);
    expect(hrefs).toEqual([`/terms/${slug}/`]);
    expect(card.elements.every(([tag]) => /^(article|p|a|span|ul|li)$/.test(tag))).toBe(true);
  });

  it('may be read from any origin, and is revalidated hourly', () => {
    const rules = parseHeadersFile(readFileSync(join(dir, '_headers'), 'utf8'));
    for (const path of ['/glossary-links/index.json', '/glossary-links/0.json', '/glossary-links/cards/outsourcing.json']) {
      expect(headersForPath(rules, path)['Access-Control-Allow-Origin'], path).toBe('*');
      expect(headersForPath(rules, path)['Cache-Control'], path).toBe('public, max-age=3600');
    }
  });
});

describe('/for-bloggers/', () => {
  it('offers both tools’ codes, pointed at the public site, and runs both on sample text', () => {
    const page = builtPage('/for-bloggers/');
    const codes = page.root.querySelectorAll('textarea').map((t) => t.text);
    expect(codes.some((c) => c.includes(`<script async src="${siteUrl()}/glossary-links.js"></script>`))).toBe(true);
    expect(codes.some((c) => c.includes('data-max="5"') && c.includes('data-new-tab'))).toBe(true);
    expect(codes.some((c) => c.includes('class="glossary-embed"') && c.includes(`${siteUrl()}/embed.js`))).toBe(true);
    const scripts = page.root.querySelectorAll('script[src]').map((s) => s.getAttribute('src'));
    expect(scripts).toContain('/glossary-links.js');
    expect(scripts).toContain('/embed.js');
    expect(page.root.querySelector('[data-outsourcing-glossary]')).not.toBeNull();
    for (const host of ['WordPress', 'Ghost', 'Substack', 'Plain HTML']) expect(page.root.text).toContain(host);
  });
});
