import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { builtPages, distDir, redirectPages } from '../support/dist.ts';
import { fromWire, nameKey, shardFile, shardFor, type NameManifest, type WireEntry } from '../../src/lib/name-index.ts';
import { TOPICS } from '../../src/lib/content-schema.ts';
import { SITE_NAME } from '../../src/lib/site.ts';

const dir = distDir();
const pages = builtPages(dir);
const termPages = pages.filter((p) => /^\/terms\/[^/]+\/$/.test(p.path));
const guidePages = pages.filter((p) => /^\/guides\/[^/]+\/$/.test(p.path));
const otherPages = pages.filter((p) => !termPages.includes(p) && !guidePages.includes(p));

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Pagefind's page records: gzip, a 12-byte signature, then JSON (one page, or a group of pages). */
function fragments(): Fragment[] {
  const folder = join(dir, 'pagefind', 'fragment');
  return readdirSync(folder).flatMap((name) => {
    const bytes = gunzipSync(readFileSync(join(folder, name)));
    expect(bytes.subarray(0, 12).toString()).toBe('pagefind_dcd');
    const json = JSON.parse(bytes.subarray(12).toString('utf8')) as Fragment | Record<string, Fragment>;
    return 'url' in json && typeof json.url === 'string' ? [json as Fragment] : Object.values(json as Record<string, Fragment>);
  });
}

describe('search markup on pages', () => {
  it.each(termPages.map((p) => [p.path, p] as const))('%s carries its search metadata', (_path, page) => {
    const metas = page.root.querySelectorAll('[data-search-meta]');
    expect(metas).toHaveLength(1);
    const meta = metas[0]!;
    expect(meta.hasAttribute('hidden')).toBe(true);
    expect(meta.getAttribute('data-kind')).toBe('term');
    expect(TOPICS).toContain(meta.getAttribute('data-topic'));
    expect(meta.getAttribute('data-title')).toBe(page.root.querySelector('h1')?.text.trim());
    expect(meta.getAttribute('data-summary')).toBe(page.root.querySelector('meta[name="description"]')?.getAttribute('content'));
    expect(meta.getAttribute('data-pagefind-filter')).toBe('kind[data-kind], topic[data-topic]');
    // The search metadata sits inside <main>, the part of the page that is indexed.
    expect(page.root.querySelector('main [data-search-meta]')).not.toBeNull();
  });

  it.each(guidePages.map((p) => [p.path, p] as const))('%s is marked as a guide', (_path, page) => {
    const meta = page.root.querySelector('main [data-search-meta]');
    expect(meta?.getAttribute('data-kind')).toBe('guide');
    expect(meta?.getAttribute('data-title')).toBe(page.root.querySelector('h1')?.text.trim());
  });

  it('other pages carry no search metadata', () => {
    for (const page of otherPages) expect(page.root.querySelectorAll('[data-search-meta]'), page.path).toHaveLength(0);
  });

  it('no page loads Pagefind before search is used', () => {
    for (const page of pages) expect(page.html, page.path).not.toMatch(/\/pagefind\//);
  });
});

describe('the Pagefind index', () => {
  const records = fragments();
  const byUrl = new Map(records.map((r) => [r.url, r]));

  it('is written with its entry file', () => {
    expect(existsSync(join(dir, 'pagefind', 'pagefind.js'))).toBe(true);
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages)).toEqual(['en']);
    expect(entry.languages.en?.page_count).toBe(termPages.length + guidePages.length);
  });

  it('holds every term and guide page and nothing else', () => {
    expect([...byUrl.keys()].sort()).toEqual([...termPages, ...guidePages].map((p) => p.path).sort());
  });

  it('leaves out the alias redirect pages', () => {
    const redirects = redirectPages(dir).map((p) => p.path);
    expect(redirects).toContain('/terms/homesourcing/');
    for (const path of redirects) expect(byUrl.has(path), path).toBe(false);
  });

  it('holds only each page\'s own text: no related terms, mentioned-in, sources or comparison lists', () => {
    for (const record of records) {
      for (const boilerplate of ['Related terms', 'Mentioned in', 'Sources', ': side by side', 'Embed this term', 'Last updated']) {
        expect(record.content, `${record.url}: ${boilerplate}`).not.toContain(boilerplate);
      }
    }
    // The page's own words are still there: the definition and the "Also called" line.
    const homeshoring = byUrl.get('/terms/homeshoring/')!;
    expect(homeshoring.content).toMatch(/Also called: homesourcing/);
    expect(homeshoring.content).toMatch(/In practice/);
  });

  it('gives each result its title, kind and summary, and the kind and topic filters', () => {
    for (const page of termPages) {
      const record = byUrl.get(page.path)!;
      const meta = page.root.querySelector('[data-search-meta]')!;
      expect(record.meta).toMatchObject({ title: meta.getAttribute('data-title'), kind: 'term', summary: meta.getAttribute('data-summary') });
      expect(record.filters).toEqual({ kind: ['term'], topic: [meta.getAttribute('data-topic')] });
      const aliases = meta.getAttribute('data-aliases');
      if (aliases) expect(record.meta.aliases).toBe(aliases);
    }
    for (const page of guidePages) {
      expect(byUrl.get(page.path)).toMatchObject({ meta: { kind: 'guide' }, filters: { kind: ['guide'] } });
    }
  });

  it('indexes the main content only: no header, navigation or footer', () => {
    const footer = pages[0]!.root.querySelector('.site-footer p')!.text.trim();
    for (const record of records) {
      expect(record.content, record.url).not.toContain(footer);
      expect(record.content, record.url).not.toContain('Skip to content');
      expect(record.content, record.url).not.toContain(SITE_NAME);
      expect(record.content.startsWith(record.meta.title!), record.url).toBe(true);
    }
  });
});

describe('the name index', () => {
  const folder = join(dir, 'name-index');
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as NameManifest;
  const shards = manifest.prefixes.map((prefix) => ({
    prefix,
    entries: (JSON.parse(readFileSync(join(folder, shardFile(prefix)), 'utf8')) as WireEntry[]).map((w) => fromWire(w, manifest.topics)),
  }));
  const ids = new Map<string, string>();
  for (const name of readdirSync(join(dir, 'pagefind', 'fragment'))) {
    const bytes = gunzipSync(readFileSync(join(dir, 'pagefind', 'fragment', name)));
    const json = JSON.parse(bytes.subarray(12).toString('utf8')) as Fragment | Record<string, Fragment>;
    if ('url' in json && typeof json.url === 'string') ids.set((json as Fragment).url, name.replace('.pf_fragment', ''));
    else for (const [id, f] of Object.entries(json as Record<string, Fragment>)) ids.set(f.url, id);
  }

  it('lists every title and alias of every term page once, with its Pagefind id and topic', () => {
    const all = shards.flatMap((s) => s.entries);
    for (const page of termPages) {
      const meta = page.root.querySelector('[data-search-meta]')!;
      const names = [meta.getAttribute('data-title')!, ...(meta.getAttribute('data-aliases') ?? '').split(', ').filter(Boolean)];
      const slug = page.path.split('/')[2]!;
      const mine = all.filter((e) => e.slug === slug);
      expect(new Set(mine.map((e) => e.key)), page.path).toEqual(new Set(names.map(nameKey)));
      for (const entry of mine) {
        expect(entry.title).toBe(names[0]);
        expect(entry.id).toBe(ids.get(page.path));
        expect(entry.topic).toBe(meta.getAttribute('data-topic'));
      }
    }
    expect(new Set(all.map((e) => e.slug)).size).toBe(termPages.length);
  });

  it('puts each name in the shard its key falls in, and no shard holds everything', () => {
    const prefixes = manifest.prefixes;
    expect(prefixes.length).toBeGreaterThan(5);
    // Beside each JSON file, its precompressed .gz and .br copies (src/lib/deploy).
    expect(readdirSync(folder).filter((f) => f.endsWith('.json')).sort()).toEqual(['manifest.json', ...prefixes.map(shardFile)].sort());
    for (const { prefix, entries } of shards) {
      for (const e of entries) expect(shardFor(prefixes, e.key), e.name).toBe(prefix);
      expect(entries.length).toBeLessThan(termPages.length / 2);
    }
  });
});
