/**
 * Draws share images (og-image.ts lays them out) on a Skia canvas (@napi-rs/canvas) with Inter,
 * and encodes them as baseline JPEG, which every network that reads Open Graph accepts.
 * Nearly all of an image's cost is the encoding: per 1200x630 image on one thread, laying out
 * and drawing take well under a millisecond together, encoding 7-9 ms (npx node
 * bench/share-image-cost.ts); Skia's PNG encoder took 23 ms and the former satori + resvg PNG
 * pipeline 31 ms. Fonts and tokens are read once per process (or worker), on first use.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { createCanvas, GlobalFonts, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { GEOMETRY, layoutCard, lightThemeFromTokens, OG_JPEG_QUALITY, type CardLayout, type FontSpec, type Measure, type OgCard, type OgTheme } from './og-image.ts';
import { OG_IMAGE_HEIGHT, OG_IMAGE_WIDTH } from './seo.ts';

/** Inter's Latin and Latin Extended subsets, registered under one family each. */
const FONT_FAMILIES = [
  ['Inter', 'latin'],
  ['Inter Latin Extended', 'latin-ext'],
] as const;
const FAMILY_LIST = FONT_FAMILIES.map(([name]) => `"${name}"`).join(', ');

interface Assets {
  theme: OgTheme;
  /** Versions of the renderer and font packages, part of every image's fingerprint. */
  versions: string;
  canvas: Canvas;
  context: SKRSContext2D;
  measure: Measure;
}

let assets: Assets | undefined;

const cssFont = (font: FontSpec) => `${font.weight} ${font.size}px ${FAMILY_LIST}`;

function setFont(context: SKRSContext2D, font: FontSpec): void {
  context.font = cssFont(font);
  context.letterSpacing = `${font.spacing ?? 0}px`;
}

function loadAssets(): Assets {
  if (assets) return assets;
  const require = createRequire(join(process.cwd(), 'package.json'));
  const fontDir = join(dirname(require.resolve('@fontsource/inter/package.json')), 'files');
  for (const [name, subset] of FONT_FAMILIES) {
    for (const weight of [400, 700]) GlobalFonts.registerFromPath(join(fontDir, `inter-${subset}-${weight}-normal.woff2`), name);
  }
  const theme = lightThemeFromTokens(readFileSync(resolve('src/styles/tokens.css'), 'utf8'));
  const versions = ['@napi-rs/canvas', '@fontsource/inter']
    .map((name) => `${name}@${(JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version}`)
    .join(' ');
  const canvas = createCanvas(OG_IMAGE_WIDTH, OG_IMAGE_HEIGHT);
  const context = canvas.getContext('2d');
  const measure: Measure = (text, font) => {
    setFont(context, font);
    return context.measureText(text).width;
  };
  assets = { theme, versions, canvas, context, measure };
  return assets;
}

/** The card's text laid out with Inter's real widths. */
export function cardLayout(card: OgCard): CardLayout {
  return layoutCard(card, loadAssets().measure);
}

/**
 * Everything the image of `card` depends on: its laid-out text (lines, sizes, positions), the
 * theme, the geometry, the encoder's quality and the packages' versions. Equal fingerprints give
 * equal images, so a cache can key on them.
 */
export function renderFingerprint(card: OgCard, layout = cardLayout(card)): string {
  const { theme, versions } = loadAssets();
  return JSON.stringify({ layout, theme, geometry: GEOMETRY, quality: OG_JPEG_QUALITY, fonts: FONT_FAMILIES, versions });
}

/** The site's mark (public/favicon.svg): two white rings overlapping on the accent, `size` px square. */
function drawMark(context: SKRSContext2D, x: number, y: number, size: number, accent: string): void {
  const u = size / 32;
  context.fillStyle = accent;
  context.beginPath();
  context.roundRect(x, y, size, size, 7 * u);
  context.fill();
  context.strokeStyle = '#fff';
  context.lineWidth = 2.6 * u;
  for (const cx of [12.5, 19.5]) {
    context.beginPath();
    context.arc(x + cx * u, y + 16 * u, 7 * u, 0, Math.PI * 2);
    context.stroke();
  }
}

/** Draws the card on the shared canvas (`layout` is `cardLayout(card)`) and returns its context. */
export function drawCard(card: OgCard, layout = cardLayout(card)): SKRSContext2D {
  const { theme, context } = loadAssets();
  const g = GEOMETRY;
  const W = OG_IMAGE_WIDTH;
  const H = OG_IMAGE_HEIGHT;
  context.fillStyle = theme.bg;
  context.fillRect(0, 0, W, H);
  context.fillStyle = theme.accent;
  context.fillRect(0, 0, g.bar, H);
  context.fillStyle = theme.surface;
  context.fillRect(g.bar, H - g.footer, W - g.bar, g.footer);
  context.fillStyle = theme.border;
  context.fillRect(g.bar, H - g.footer, W - g.bar, 2);
  drawMark(context, g.bar + g.padX, H - g.footer / 2 - g.mark / 2, g.mark, theme.accent);
  for (const run of layout.runs) {
    setFont(context, run.font);
    context.fillStyle = theme[run.color];
    context.textAlign = run.alignRight ? 'right' : 'left';
    context.fillText(run.text, run.x, run.y);
  }
  return context;
}

/** The card as a 1200x630 JPEG (`layout`, when given, is `cardLayout(card)` already worked out). */
export async function renderOgImage(card: OgCard, layout = cardLayout(card)): Promise<Buffer> {
  drawCard(card, layout);
  // The asynchronous encoder: the synchronous one's native buffers are not returned to the
  // system (measured: +25 KB an image even with a collection every 100 images), this one's are.
  return loadAssets().canvas.encode('jpeg', OG_JPEG_QUALITY);
}
