import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCard, kindCard, layoutCard, lightThemeFromTokens, TEXT_WIDTH, titleFontSize, wrapText, type Measure } from '../../src/lib/og-image.ts';
import { cardLayout, renderFingerprint, renderOgImage } from '../../src/lib/og-render.ts';
import { cacheFile, cachedOgImageFile, ogCacheDir } from '../../src/lib/og-cache.ts';
import { drawShareImages, poolSize, slices } from '../../src/lib/og-pool.ts';
import { jpegDimensions } from '../../src/lib/image-size.ts';
import { loadImage, createCanvas } from '@napi-rs/canvas';

const tokens = readFileSync('src/styles/tokens.css', 'utf8');
const theme = lightThemeFromTokens(tokens);
const card = kindCard('terms', { title: 'Offshoring', summary: 'Moving a business process to another country, most often because labor there costs less.' }, 'https://glossary.example');

/** A monospace measure: every character is 0.5 em wide. */
const mono: Measure = (text, font) => text.length * font.size * 0.5;

/** The color of the pixel at (x, y) of a JPEG, as [r, g, b]. */
async function pixel(jpeg: Uint8Array, x: number, y: number): Promise<number[]> {
  const image = await loadImage(Buffer.from(jpeg));
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  return [...context.getImageData(x, y, 1, 1).data.slice(0, 3)];
}
const hex = (color: string) => {
  const full = color.length === 4 ? color.replace(/[0-9a-f]/gi, (c) => c + c) : color;
  return [1, 3, 5].map((i) => parseInt(full.slice(i, i + 2), 16));
};
const near = (a: number[], b: number[], tolerance = 12) => a.every((v, i) => Math.abs(v - b[i]!) <= tolerance);

describe('theme from tokens.css', () => {
  it('takes the light value of each light-dark() colour', () => {
    const css = `--color-bg: light-dark(#ffffff, #000000); --color-surface: light-dark(#eeeeee, #111); --color-text: #123456;
      --color-muted: light-dark(#555, #aaa); --color-border: light-dark(#ccc, #333); --color-accent: light-dark(#b3401a, #ff9b73);`;
    expect(lightThemeFromTokens(css)).toEqual({ bg: '#ffffff', surface: '#eeeeee', text: '#123456', muted: '#555', border: '#ccc', accent: '#b3401a' });
  });

  it('reads every colour it needs from the real tokens file', () => {
    for (const value of Object.values(theme)) expect(value).toMatch(/^#[0-9a-f]{3,8}$/i);
    const accentDecl = /--color-accent:\s*light-dark\((#[0-9a-f]+),\s*(#[0-9a-f]+)\)/i.exec(tokens)!;
    expect(theme.accent).toBe(accentDecl[1]);
  });

  it('names the missing token', () => {
    expect(() => lightThemeFromTokens('--color-bg: #fff;')).toThrow(/--color-surface/);
  });
});

describe('wrapping', () => {
  const font = { size: 20, weight: 400 as const };
  it('fills lines greedily within the width', () => {
    // 10 px a character: 10 characters a line of 100 px.
    expect(wrapText('one two three four', 100, font, mono, 5)).toEqual(['one two', 'three four']);
    expect(wrapText('  spaced\nout  ', 100, font, mono, 5)).toEqual(['spaced out']);
  });

  it('ends the last allowed line with an ellipsis when text is left over', () => {
    const lines = wrapText('one two three four five six', 100, font, mono, 2);
    expect(lines).toEqual(['one two', 'three…']);
    for (const line of lines) expect(mono(line, font)).toBeLessThanOrEqual(100);
  });

  it('cuts a word wider than a line', () => {
    expect(wrapText('x'.repeat(25), 100, font, mono, 5)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    const clamped = wrapText('y'.repeat(50), 100, font, mono, 2);
    expect(clamped).toHaveLength(2);
    expect(clamped[1]!.endsWith('…')).toBe(true);
    expect(mono(clamped[1]!, font)).toBeLessThanOrEqual(100);
  });
});

describe('card layout', () => {
  it('shows the kind, title, summary, site name and host, top to bottom', () => {
    const runs = layoutCard(card, mono).runs;
    expect(runs.map((r) => r.text).join(' | ')).toBe(
      'GLOSSARY TERM | Offshoring | Moving a business process to another country, most often | because labor there costs less. | Outsourcing Glossary | glossary.example',
    );
    const ys = runs.slice(0, -2).map((r) => r.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(runs.map((r) => r.color)).toEqual(['accent', 'text', 'muted', 'muted', 'text', 'muted']);
    expect(layoutCard(defaultCard(undefined), mono).runs[0]!.text).toBe('Outsourcing Glossary');
  });

  it('shrinks long titles, keeps them to three lines and every line within the text width', () => {
    expect(titleFontSize('Offshoring')).toBeGreaterThan(titleFontSize('Business process outsourcing (BPO) and its relatives'));
    const long = cardLayout({ ...card, title: 'word '.repeat(40), summary: 'summary '.repeat(40) });
    const titleRuns = long.runs.filter((r) => r.color === 'text' && r.font.weight === 700 && r.font.size > 40);
    expect(titleRuns.length).toBeLessThanOrEqual(3);
    expect(titleRuns.at(-1)!.text.endsWith('…')).toBe(true);
    const summaryRuns = long.runs.filter((r) => r.color === 'muted' && r.font.size === 36);
    expect(summaryRuns.length).toBeGreaterThanOrEqual(1);
    // The summary stays above the footer band.
    expect(summaryRuns.at(-1)!.y).toBeLessThan(630 - 104);
  });

  it('refuses a card without a title', () => {
    expect(() => layoutCard({ ...card, title: '  ' }, mono)).toThrow(/title/);
  });

  it('measures with the real font: no line is wider than the text column', () => {
    const layout = cardLayout({ ...card, title: 'Business process outsourcing (BPO) and its relatives in the back office', summary: 'W'.repeat(40) + ' wide words '.repeat(12) });
    expect(layout.runs.length).toBeGreaterThan(4);
    expect(Math.max(...layout.runs.map((r) => r.x))).toBeLessThanOrEqual(1200);
    expect(TEXT_WIDTH).toBe(1200 - 24 - 2 * 56);
  });
});

describe('rendering', () => {
  it('renders a 1200x630 JPEG with the accent bar, the page colour and dark title text', async () => {
    const jpeg = await renderOgImage(card);
    expect(jpegDimensions(jpeg)).toEqual({ width: 1200, height: 630 });
    expect(jpeg.byteLength).toBeGreaterThan(5_000);
    expect(near(await pixel(jpeg, 10, 300), hex(theme.accent))).toBe(true);
    expect(near(await pixel(jpeg, 1150, 450), hex(theme.bg))).toBe(true);
    expect(near(await pixel(jpeg, 700, 600), hex(theme.surface))).toBe(true);
    // Somewhere along the title's baseline row there is text-coloured ink.
    const run = cardLayout(card).runs[1]!;
    let darkest = 255;
    for (let x = run.x; x < run.x + 300; x += 3) darkest = Math.min(darkest, ...(await pixel(jpeg, x, run.y - 20)));
    expect(darkest).toBeLessThan(80);
  });

  it('renders different text to different images, and survives hostile and non-Latin text', async () => {
    const a = await renderOgImage(card);
    const b = await renderOgImage({ ...card, title: 'Homeshoring' });
    expect(a.equals(b)).toBe(false);
    const odd = await renderOgImage({ ...card, title: '</svg><script>Łódź “quotes” & more 漢字', summary: 'Zażółć gęślą jaźń ' + 'W'.repeat(300) });
    expect(jpegDimensions(odd)).toEqual({ width: 1200, height: 630 });
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

  it('draws and stores on a miss, then serves the stored file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'og-cache-'));
    try {
      const first = await cachedOgImageFile(card, dir);
      expect(first).toEqual({ file: cacheFile(dir, renderFingerprint(card)), drawn: true });
      expect(jpegDimensions(readFileSync(first.file))).toEqual({ width: 1200, height: 630 });
      // Whatever the cache holds is what a hit returns: proof that the second call does not draw.
      writeFileSync(first.file, 'marker');
      expect(await cachedOgImageFile(card, dir)).toEqual({ file: first.file, drawn: false });
      expect(readFileSync(first.file, 'utf8')).toBe('marker');
      await cachedOgImageFile({ ...card, title: 'Homeshoring' }, dir);
      const entries = readdirSync(dir, { recursive: true, encoding: 'utf8' });
      expect(entries.filter((f) => f.endsWith('.jpg'))).toHaveLength(2);
      expect(entries.some((f) => f.endsWith('.tmp'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('worker pool', () => {
  it('cuts work into even contiguous slices', () => {
    expect(slices([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4, 5]]);
    expect(slices([1], 4)).toEqual([[1]]);
    expect(slices([], 4)).toEqual([[]].filter((s) => s.length));
    expect(poolSize(10, { OG_THREADS: '4' })).toBe(1);
    expect(poolSize(1000, { OG_THREADS: '4' })).toBe(4);
  });

  it('draws in worker threads, places every image, and a second run draws none', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'og-pool-cache-'));
    const site = mkdtempSync(join(tmpdir(), 'og-pool-site-'));
    try {
      const jobs = ['Alpha', 'Beta', 'Gamma', 'Delta'].map((title, i) => ({ path: `/og/terms/t${i}.jpg`, card: { ...card, title } }));
      const first = await drawShareImages(jobs, cache, 2);
      expect({ drawn: first.drawn, reused: first.reused, threads: first.threads }).toEqual({ drawn: 4, reused: 0, threads: 2 });
      first.place(site);
      for (const job of jobs) expect(jpegDimensions(readFileSync(join(site, job.path)))).toEqual({ width: 1200, height: 630 });
      const second = await drawShareImages([...jobs, { path: '/og/terms/t9.jpg', card: { ...card, title: 'Epsilon' } }], cache, 2);
      expect({ drawn: second.drawn, reused: second.reused }).toEqual({ drawn: 1, reused: 4 });
      second.place(site);
      expect(statSync(join(site, '/og/terms/t9.jpg')).size).toBeGreaterThan(5_000);
      // Without a cache the images are drawn into a temporary folder that is gone once placed.
      const uncached = await drawShareImages(jobs.slice(0, 1), undefined, 1);
      const temporary = uncached.files[0]!;
      uncached.place(site);
      expect(existsSync(temporary)).toBe(false);
      expect(existsSync(join(site, jobs[0]!.path))).toBe(true);
    } finally {
      rmSync(cache, { recursive: true, force: true });
      rmSync(site, { recursive: true, force: true });
    }
  });
});

describe('JPEG header', () => {
  it('rejects data that is not a JPEG', () => {
    expect(() => jpegDimensions(new Uint8Array(30))).toThrow(/not a JPEG/);
    expect(() => jpegDimensions(new TextEncoder().encode('GIF89a'))).toThrow(/not a JPEG/);
  });

  it('reads width and height from the frame header, past other segments', () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 1, 2, 0xff, 0xc0, 0, 11, 8, 0, 2, 1, 0, 3, 1, 0x11, 0]);
    expect(jpegDimensions(bytes)).toEqual({ width: 256, height: 2 });
    expect(() => jpegDimensions(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 1, 2]))).toThrow(/no frame header/);
  });
});
