import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cardTree, defaultCard, estimateLines, kindCard, lightThemeFromTokens, renderFingerprint, renderOgImage, renderOgSvg, titleFontSize } from '../../src/lib/og-image.ts';
import { cacheFile, cachedOgImage, ogCacheDir, ogImageResponse } from '../../src/lib/og-cache.ts';
import { pngDimensions } from '../../src/lib/png.ts';

const tokens = readFileSync('src/styles/tokens.css', 'utf8');
const theme = lightThemeFromTokens(tokens);
const card = kindCard('terms', { title: 'Offshoring', summary: 'Moving a business process to another country, most often because labour there costs less.' }, 'https://glossary.example');

/** Every string child in the element tree, in order. */
function texts(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === 'object' && 'props' in node) return texts((node as { props: { children?: unknown } }).props.children);
  return [];
}

describe('theme from tokens.css', () => {
  it('takes the light value of each light-dark() colour', () => {
    const css = `--color-bg: light-dark(#ffffff, #000000); --color-surface: light-dark(#eeeeee, #111); --color-text: #123456;
      --color-muted: light-dark(#555, #aaa); --color-border: light-dark(#ccc, #333); --color-accent: light-dark(#b3401a, #ff9b73);`;
    expect(lightThemeFromTokens(css)).toEqual({ bg: '#ffffff', surface: '#eeeeee', text: '#123456', muted: '#555', border: '#ccc', accent: '#b3401a' });
  });

  it('reads every colour it needs from the real tokens file', () => {
    for (const value of Object.values(theme)) expect(value).toMatch(/^#[0-9a-f]{3,8}$/i);
    // The accent is the token's light value, not its dark one.
    const accentDecl = /--color-accent:\s*light-dark\((#[0-9a-f]+),\s*(#[0-9a-f]+)\)/i.exec(tokens)!;
    expect(theme.accent).toBe(accentDecl[1]);
  });

  it('names the missing token', () => {
    expect(() => lightThemeFromTokens('--color-bg: #fff;')).toThrow(/--color-surface/);
  });
});

describe('card layout', () => {
  it('shows the kind, title, summary, site name and host', () => {
    expect(texts(cardTree(card, theme))).toEqual([
      'Glossary term',
      'Offshoring',
      'Moving a business process to another country, most often because labour there costs less.',
      'Outsourcing Glossary',
      'glossary.example',
    ]);
    expect(texts(cardTree(defaultCard(undefined), theme))[0]).toBe('Outsourcing Glossary');
  });

  it('shrinks long titles and cuts over-long ones at a word', () => {
    expect(titleFontSize('Offshoring')).toBeGreaterThan(titleFontSize('Business process outsourcing (BPO) and its relatives'));
    const long = texts(cardTree({ ...card, title: 'word '.repeat(40) }, theme))[1]!;
    expect(long.length).toBeLessThanOrEqual(90);
    expect(long.endsWith('word…')).toBe(true);
  });

  it('estimates wrapped lines cautiously', () => {
    expect(estimateLines('Offshoring', 88, 1040)).toBe(1);
    expect(estimateLines('What outsourcing is, and what it is not', 72, 1040)).toBe(2);
    expect(estimateLines('x'.repeat(100), 50, 500)).toBeGreaterThanOrEqual(6);
  });

  it('refuses a card without a title', () => {
    expect(() => cardTree({ ...card, title: '  ' }, theme)).toThrow(/title/);
  });
});

describe('rendering', () => {
  it('renders a 1200x630 PNG', async () => {
    const png = await renderOgImage(card);
    expect(pngDimensions(png)).toEqual({ width: 1200, height: 630 });
    expect(png.byteLength).toBeGreaterThan(5_000);
  });

  it('draws text as paths in the theme colours, with the accent bar', async () => {
    const svg = await renderOgSvg(card);
    expect(svg).toMatch(/^<svg[^>]*width="1200"[^>]*height="630"/);
    expect(svg).not.toContain('<text');
    expect(svg).toContain('<path');
    for (const colour of [theme.bg, theme.accent, theme.text, theme.muted]) expect(svg.toLowerCase()).toContain(colour.toLowerCase());
  });

  it('renders different text to different images, and survives hostile and non-Latin text', async () => {
    const a = await renderOgImage(card);
    const b = await renderOgImage({ ...card, title: 'Homeshoring' });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    const odd = await renderOgImage({ ...card, title: '</svg><script>Łódź “quotes” & more', summary: 'Zażółć gęślą jaźń ' + 'W'.repeat(300) });
    expect(pngDimensions(odd)).toEqual({ width: 1200, height: 630 });
  });
});

describe('image cache', () => {
  it('is on by default under node_modules/.cache, moves with OG_CACHE_DIR and turns off', () => {
    expect(ogCacheDir({})).toMatch(/node_modules\/\.cache\/og-images$/);
    expect(ogCacheDir({ OG_CACHE_DIR: '/tmp/x' })).toBe('/tmp/x');
    expect(ogCacheDir({ OG_CACHE_DIR: 'off' })).toBeUndefined();
  });

  it('fingerprints the text and the layout', () => {
    expect(renderFingerprint(card)).toBe(renderFingerprint({ ...card }));
    expect(renderFingerprint(card)).not.toBe(renderFingerprint({ ...card, summary: `${card.summary} More.` }));
    expect(renderFingerprint(card)).not.toBe(renderFingerprint({ ...card, eyebrow: 'Guide' }));
  });

  it('renders and stores on a miss, then serves the stored file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'og-cache-'));
    try {
      const first = await cachedOgImage(card, dir);
      const file = cacheFile(dir, renderFingerprint(card));
      expect(existsSync(file)).toBe(true);
      expect(Buffer.from(readFileSync(file)).equals(Buffer.from(first))).toBe(true);
      expect(pngDimensions(first)).toEqual({ width: 1200, height: 630 });
      // Whatever the cache holds is what a hit returns: proof that the second call reads it.
      const marker = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1]);
      writeFileSync(file, marker);
      expect([...(await cachedOgImage(card, dir))]).toEqual([...marker]);
      // Another card is another entry; no temporary files are left behind.
      await cachedOgImage({ ...card, title: 'Homeshoring' }, dir);
      const entries = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.png'));
      expect(entries).toHaveLength(2);
      expect(readdirSync(dir, { recursive: true, encoding: 'utf8' }).some((f) => f.endsWith('.tmp'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers endpoints with image/png', async () => {
    const response = await ogImageResponse(card, undefined);
    expect(response.headers.get('Content-Type')).toBe('image/png');
    expect(pngDimensions(new Uint8Array(await response.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
  });
});

describe('PNG header', () => {
  it('rejects data that is not a PNG', () => {
    expect(() => pngDimensions(new Uint8Array(30))).toThrow(/not a PNG/);
    expect(() => pngDimensions(new TextEncoder().encode('GIF89a'))).toThrow(/not a PNG/);
  });

  it('reads width and height from IHDR', () => {
    const header = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 0, 2]);
    expect(pngDimensions(header)).toEqual({ width: 256, height: 2 });
  });
});
