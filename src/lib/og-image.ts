/**
 * Share images (Open Graph, 1200x630 PNG): a title card in the site's light theme, laid out by
 * satori (to SVG, text as paths) and rasterised by resvg. Pure apart from reading the Inter
 * font files and the color tokens once, on first use.
 *
 * Endpoints under src/pages/og/ serve these through `ogImageResponse` (og-cache.ts); a new
 * kind of page needs an endpoint of its own: see README.md, "Search engines and sharing".
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import satori, { type SatoriOptions } from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { cleanText, OG_IMAGE_HEIGHT, OG_IMAGE_KINDS, OG_IMAGE_WIDTH, truncateAtWord, type OgImageKind } from './seo.ts';
import { SITE_NAME, SITE_TAGLINE } from './site.ts';

export interface OgCard {
  /** Small label above the title, such as "Glossary term". */
  eyebrow?: string;
  title: string;
  summary: string;
  /** Shown in the footer band, with the host name when given. */
  siteName: string;
  siteHost?: string;
}

export interface OgTheme {
  bg: string;
  surface: string;
  text: string;
  muted: string;
  border: string;
  accent: string;
}

/** The color tokens the card uses, by their custom-property names in tokens.css. */
const THEME_TOKENS: Record<keyof OgTheme, string> = {
  bg: '--color-bg',
  surface: '--color-surface',
  text: '--color-text',
  muted: '--color-muted',
  border: '--color-border',
  accent: '--color-accent',
};

/** Reads the light-theme colors from tokens.css (the first value of each light-dark() pair). */
export function lightThemeFromTokens(css: string): OgTheme {
  const theme = {} as OgTheme;
  for (const [key, property] of Object.entries(THEME_TOKENS) as [keyof OgTheme, string][]) {
    const pattern = new RegExp(`${property}\\s*:\\s*(?:light-dark\\(\\s*)?(#[0-9a-fA-F]{3,8})`);
    const match = pattern.exec(css);
    if (!match) throw new Error(`tokens.css has no color for ${property}`);
    theme[key] = match[1]!;
  }
  return theme;
}

/** Inter's Latin and Latin Extended subsets, each under its own family name. */
const FONT_FAMILIES = [
  ['Inter', 'latin'],
  ['Inter Latin Extended', 'latin-ext'],
] as const;

export const TITLE_MAX_CHARS = 90;
export const SUMMARY_MAX_CHARS = 170;

// Geometry of the card, in pixels.
const BAR = 24;
const PAD_X = 56;
const PAD_TOP = 64;
const PAD_BOTTOM = 32;
const FOOTER = 104;
const EYEBROW = { size: 28, gap: 20 };
const TITLE_LEADING = 1.1;
const SUMMARY = { size: 36, leading: 1.35, gap: 28 };
const TEXT_WIDTH = OG_IMAGE_WIDTH - BAR - 2 * PAD_X;
const BODY_HEIGHT = OG_IMAGE_HEIGHT - FOOTER - PAD_TOP - PAD_BOTTOM;

/** Title size steps down as the title grows, so that it stays within three lines. */
export function titleFontSize(title: string): number {
  const length = title.length;
  if (length <= 22) return 88;
  if (length <= 40) return 72;
  if (length <= 60) return 62;
  return 54;
}

/**
 * A cautious estimate of how many lines `text` takes at `fontSize` in `width` pixels, by greedy
 * word wrapping with a generous average glyph width (Inter's widest common letters are ~0.6 em
 * in bold). Used to decide how many summary lines fit under the title.
 */
export function estimateLines(text: string, fontSize: number, width: number, glyphEm = 0.6): number {
  const perLine = Math.max(1, Math.floor(width / (fontSize * glyphEm)));
  let lines = 1;
  let used = 0;
  for (const word of cleanText(text).split(' ')) {
    if (!word) continue;
    const length = word.length;
    if (used === 0) used = length;
    else if (used + 1 + length <= perLine) used += 1 + length;
    else {
      lines += 1;
      used = length;
    }
    while (used > perLine) {
      lines += 1;
      used -= perLine;
    }
  }
  return lines;
}

interface Node {
  type: string;
  props: { style: Record<string, string | number>; children?: string | Node | (string | Node)[] };
}

const el = (style: Node['props']['style'], children?: Node['props']['children']): Node => ({
  type: 'div',
  props: { style: { display: 'flex', ...style }, children },
});

/** A block of text that satori cuts with an ellipsis after `lines` lines. */
const clamped = (style: Node['props']['style'], lines: number, text: string): Node => ({
  type: 'div',
  props: { style: { ...style, display: 'block', lineClamp: lines, overflow: 'hidden' }, children: text },
});

/** The site's mark (public/favicon.svg): two white rings overlapping on the accent, `size` px square. */
function logoMark(size: number, accent: string): Node {
  const u = size / 32;
  const ring = (cx: number): Node =>
    el({ position: 'absolute', left: (cx - 8.3) * u, top: 7.7 * u, width: 16.6 * u, height: 16.6 * u, borderRadius: '50%', border: `${2.6 * u}px solid #fff` });
  return el({ position: 'relative', width: size, height: size, borderRadius: 7 * u, backgroundColor: accent, marginRight: 18, flexShrink: 0 }, [ring(12.5), ring(19.5)]);
}

/** The element tree satori lays out; exported for tests. */
export function cardTree(card: OgCard, theme: OgTheme): Node {
  const title = truncateAtWord(card.title, TITLE_MAX_CHARS);
  const summary = truncateAtWord(card.summary, SUMMARY_MAX_CHARS);
  if (!title) throw new Error('a share image needs a title');
  const titleSize = titleFontSize(title);
  const titleLines = Math.min(3, estimateLines(title, titleSize, TEXT_WIDTH));
  const summaryLineHeight = SUMMARY.size * SUMMARY.leading;
  const eyebrowHeight = card.eyebrow ? EYEBROW.size * 1.2 + EYEBROW.gap : 0;
  const left = BODY_HEIGHT - eyebrowHeight - titleLines * titleSize * TITLE_LEADING - SUMMARY.gap;
  const summaryLines = Math.max(1, Math.min(4, Math.floor(left / summaryLineHeight)));

  const body: Node[] = [];
  if (card.eyebrow) {
    body.push(el({ fontSize: EYEBROW.size, lineHeight: 1.2, fontWeight: 700, color: theme.accent, textTransform: 'uppercase', letterSpacing: 2, marginBottom: EYEBROW.gap }, cleanText(card.eyebrow)));
  }
  body.push(clamped({ fontSize: titleSize, fontWeight: 700, lineHeight: TITLE_LEADING, color: theme.text }, 3, title));
  if (summary) {
    body.push(clamped({ fontSize: SUMMARY.size, lineHeight: SUMMARY.leading, marginTop: SUMMARY.gap, color: theme.muted }, summaryLines, summary));
  }
  const footer: Node[] = [el({ alignItems: 'center', fontSize: 30, fontWeight: 700, color: theme.text }, [logoMark(44, theme.accent), cleanText(card.siteName)])];
  if (card.siteHost) footer.push(el({ fontSize: 26, color: theme.muted }, cleanText(card.siteHost)));

  return el(
    { width: OG_IMAGE_WIDTH, height: OG_IMAGE_HEIGHT, flexDirection: 'row', backgroundColor: theme.bg, fontFamily: FONT_FAMILIES.map(([name]) => `'${name}'`).join(', '), color: theme.text },
    [
      el({ width: BAR, height: OG_IMAGE_HEIGHT, backgroundColor: theme.accent }),
      el({ flexDirection: 'column', width: OG_IMAGE_WIDTH - BAR, height: OG_IMAGE_HEIGHT }, [
        el({ flexDirection: 'column', height: OG_IMAGE_HEIGHT - FOOTER, overflow: 'hidden', padding: `${PAD_TOP}px ${PAD_X}px ${PAD_BOTTOM}px` }, body),
        el(
          {
            flexDirection: 'row',
            justifyContent: 'space-between',
            alignItems: 'center',
            height: FOOTER,
            padding: `0 ${PAD_X}px`,
            backgroundColor: theme.surface,
            borderTop: `2px solid ${theme.border}`,
          },
          footer,
        ),
      ]),
    ],
  );
}

interface Assets {
  fonts: SatoriOptions['fonts'];
  theme: OgTheme;
  /** Versions of the renderer and font packages, part of every image's fingerprint. */
  versions: string;
}

let assets: Assets | undefined;

/** Reads the fonts (Inter, Latin and Latin Extended, 400 and 700; WOFF, which satori reads) and the tokens once. */
function loadAssets(): Assets {
  if (assets) return assets;
  const require = createRequire(join(process.cwd(), 'package.json'));
  const fontDir = join(dirname(require.resolve('@fontsource/inter/package.json')), 'files');
  const fonts: SatoriOptions['fonts'] = [];
  // Each subset under its own family name: satori falls back from family to family per glyph.
  for (const [name, subset] of FONT_FAMILIES) {
    for (const weight of [400, 700] as const) {
      const data = readFileSync(join(fontDir, `inter-${subset}-${weight}-normal.woff`));
      fonts.push({ name, data, weight, style: 'normal' });
    }
  }
  const theme = lightThemeFromTokens(readFileSync(resolve('src/styles/tokens.css'), 'utf8'));
  const versions = ['satori', '@resvg/resvg-js', '@fontsource/inter']
    .map((name) => `${name}@${(JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version}`)
    .join(' ');
  assets = { fonts, theme, versions };
  return assets;
}

/** The card as an SVG document (text converted to paths). */
export async function renderOgSvg(card: OgCard): Promise<string> {
  const { fonts, theme } = loadAssets();
  return satori(cardTree(card, theme) as unknown as Parameters<typeof satori>[0], {
    width: OG_IMAGE_WIDTH,
    height: OG_IMAGE_HEIGHT,
    fonts,
  });
}

const RESVG_OPTIONS = {
  fitTo: { mode: 'width', value: OG_IMAGE_WIDTH },
  // Text is already paths: skip scanning the system's fonts.
  font: { loadSystemFonts: false },
} as const;

/**
 * Everything the image of `card` depends on: the laid-out element tree (text, sizes, colors),
 * the font families, the rasteriser's options and the packages' versions. Equal fingerprints
 * give equal images, so a cache can key on them.
 */
export function renderFingerprint(card: OgCard): string {
  const { theme, versions } = loadAssets();
  return JSON.stringify({ tree: cardTree(card, theme), fonts: FONT_FAMILIES, resvg: RESVG_OPTIONS, versions });
}

/** The card as a 1200x630 PNG. */
export async function renderOgImage(card: OgCard): Promise<Uint8Array<ArrayBuffer>> {
  const svg = await renderOgSvg(card);
  const resvg = new Resvg(svg, RESVG_OPTIONS);
  const png = resvg.render().asPng();
  const bytes = new Uint8Array(new ArrayBuffer(png.byteLength));
  bytes.set(png);
  return bytes;
}

/** The card for a page of one kind (its eyebrow label from OG_IMAGE_KINDS), with the site's name and host. */
export function kindCard(kind: OgImageKind, content: { title: string; summary: string }, site: URL | string | undefined): OgCard {
  return { eyebrow: OG_IMAGE_KINDS[kind], title: content.title, summary: content.summary, siteName: SITE_NAME, siteHost: hostOf(site) };
}

/** The card for pages without their own image. */
export function defaultCard(site: URL | string | undefined): OgCard {
  return { title: SITE_NAME, summary: SITE_TAGLINE, siteName: SITE_NAME, siteHost: hostOf(site) };
}

function hostOf(site: URL | string | undefined): string | undefined {
  return site ? new URL(String(site)).host : undefined;
}
