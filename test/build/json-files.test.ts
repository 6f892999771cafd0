/**
 * The small JSON files the build renders as one bundle and splits after the build
 * (src/lib/file-bundle.ts, src/integrations/file-bundles.ts): every term has its three files,
 * every glossary-links bucket is there, the folders hold nothing else, and the bundle itself is
 * not served.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distDir } from '../support/dist.ts';
import { contentDir, readTermFiles } from '../../src/lib/content-source.ts';
import { JSON_FILES_BUNDLE } from '../../src/lib/file-bundle.ts';
import type { LinksManifest } from '../../src/lib/links-index.ts';

const dir = distDir();
const slugs = readTermFiles(contentDir()).map((t) => t.slug).sort();
const json = (path: string) => JSON.parse(readFileSync(join(dir, path), 'utf8'));
/** The .json files of a folder (their .gz and .br copies aside), by slug. */
const slugsIn = (folder: string) =>
  readdirSync(join(dir, folder))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();

describe('bundled JSON files', () => {
  it('leave no bundle in the output', () => {
    expect(existsSync(join(dir, JSON_FILES_BUNDLE.slice(1)))).toBe(false);
    expect(readdirSync(dir).filter((name) => name.includes('bundle'))).toEqual([]);
  });

  it('are there for every term, and nothing else is in their folders', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(3);
    expect(slugsIn('api/terms')).toEqual(slugs);
    expect(slugsIn('oembed')).toEqual(slugs);
    expect(slugsIn('glossary-links/cards')).toEqual(slugs);
  });

  it('include every glossary-links bucket, and no other file beside the index', () => {
    const { b } = json('glossary-links/index.json') as LinksManifest;
    const expected = [...Array.from({ length: b }, (_, i) => String(i)), 'index'].sort();
    expect(slugsIn('glossary-links')).toEqual(expected);
    for (let i = 0; i < b; i++) expect(Array.isArray(json(`glossary-links/${i}.json`)), `bucket ${i}`).toBe(true);
  });

  it.each(slugs)('%s: each file is one JSON document about the term', (slug) => {
    expect(json(`api/terms/${slug}.json`).slug).toBe(slug);
    expect(json(`oembed/${slug}.json`).html).toContain(`data-term="${slug}"`);
    const card = json(`glossary-links/cards/${slug}.json`);
    expect(card.slice(0, 2)).toEqual(['article', { class: 'term-card', 'data-term-card': slug }]);
  });
});
