/**
 * Share images (Open Graph, 1200x630 JPEG): a title card in the site's light theme. This module
 * is the pure part: the card's content, the geometry, and the layout of its text into lines
 * with a caller's text measure. Drawing and encoding live in og-render.ts (a Skia canvas),
 * the parallel build in og-pool.ts.
 *
 * The fixed parts (the accent bar, the footer band with the mark, the site's name and host)
 * and the text are drawn per image on one reused canvas: drawing costs well under a millisecond,
 * and the rest is JPEG encoding (bench/share-image-cost.ts).
 */
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

export const TITLE_MAX_CHARS = 90;
export const SUMMARY_MAX_CHARS = 170;
export const OG_JPEG_QUALITY = 90;

/** Geometry of the card, in pixels. */
export const GEOMETRY = {
  bar: 24,
  padX: 56,
  padTop: 64,
  padBottom: 32,
  footer: 104,
  eyebrow: { size: 28, gap: 20, leading: 1.2 },
  titleLeading: 1.1,
  summary: { size: 36, leading: 1.35, gap: 28 },
  siteName: 30,
  siteHost: 26,
  mark: 44,
} as const;
const TEXT_LEFT = GEOMETRY.bar + GEOMETRY.padX;
export const TEXT_WIDTH = OG_IMAGE_WIDTH - GEOMETRY.bar - 2 * GEOMETRY.padX;
const BODY_HEIGHT = OG_IMAGE_HEIGHT - GEOMETRY.footer - GEOMETRY.padTop - GEOMETRY.padBottom;

/** Title size steps down as the title grows, so that it stays within three lines. */
export function titleFontSize(title: string): number {
  const length = title.length;
  if (length <= 22) return 88;
  if (length <= 40) return 72;
  if (length <= 60) return 62;
  return 54;
}

export interface FontSpec {
  size: number;
  weight: 400 | 700;
  /** Letter spacing in pixels. */
  spacing?: number;
}

/** Width in pixels of `text` set in `font`. */
export type Measure = (text: string, font: FontSpec) => number;

/**
 * Greedy word wrapping into at most `maxLines` lines of `width` pixels. A word wider than a line
 * is cut between letters; when the text does not fit, the last line ends in an ellipsis.
 */
export function wrapText(text: string, width: number, font: FontSpec, measure: Measure, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = cleanText(text).split(' ').filter(Boolean);
  let clamped = false;
  outer: for (let w = 0; w < words.length; w++) {
    let word = words[w]!;
    const joined = line ? `${line} ${word}` : word;
    if (measure(joined, font) <= width) {
      line = joined;
      continue;
    }
    if (line) {
      if (lines.length + 1 === maxLines) {
        clamped = true;
        break;
      }
      lines.push(line);
      line = '';
    }
    // The word alone: cut it while it is wider than a line.
    while (measure(word, font) > width) {
      let cut = word.length - 1;
      while (cut > 1 && measure(word.slice(0, cut), font) > width) cut--;
      if (lines.length + 1 === maxLines) {
        line = word;
        clamped = true;
        break outer;
      }
      lines.push(word.slice(0, cut));
      word = word.slice(cut);
    }
    line = word;
  }
  if (clamped) {
    // Drop whole words from the end until the ellipsis fits; cut letters only from a lone word.
    let last = line;
    while (measure(`${last}…`, font) > width) last = last.includes(' ') ? last.slice(0, last.lastIndexOf(' ')) : last.slice(0, -1);
    line = `${last.replace(/[\s,;:.\-–—(]+$/, '')}…`;
  }
  if (line) lines.push(line);
  return lines;
}

export interface TextRun {
  text: string;
  /** Left edge and alphabetic baseline, in pixels. */
  x: number;
  y: number;
  font: FontSpec;
  color: keyof OgTheme;
  /** Right-aligned at x instead of starting there. */
  alignRight?: boolean;
}

export interface CardLayout {
  runs: TextRun[];
}

/**
 * Every piece of text on the card with its position, font and color. Text runs of one line
 * each; the baseline sits at 0.8 of the font size below the line's top (Inter's ascent is 0.97
 * em, spread over a line of 1.1 to 1.35 em).
 */
export function layoutCard(card: OgCard, measure: Measure): CardLayout {
  const title = truncateAtWord(card.title, TITLE_MAX_CHARS);
  const summary = truncateAtWord(card.summary, SUMMARY_MAX_CHARS);
  if (!title) throw new Error('a share image needs a title');
  const g = GEOMETRY;
  const runs: TextRun[] = [];
  let top = g.padTop;
  const line = (text: string, font: FontSpec, leading: number, color: keyof OgTheme) => {
    const height = font.size * leading;
    runs.push({ text, x: TEXT_LEFT, y: Math.round(top + (height - font.size) / 2 + font.size * 0.8), font, color });
    top += height;
  };
  if (card.eyebrow) {
    line(cleanText(card.eyebrow).toUpperCase(), { size: g.eyebrow.size, weight: 700, spacing: 2 }, g.eyebrow.leading, 'accent');
    top += g.eyebrow.gap;
  }
  const titleFont: FontSpec = { size: titleFontSize(title), weight: 700 };
  for (const text of wrapText(title, TEXT_WIDTH, titleFont, measure, 3)) line(text, titleFont, g.titleLeading, 'text');
  if (summary) {
    top += g.summary.gap;
    const summaryFont: FontSpec = { size: g.summary.size, weight: 400 };
    const lineHeight = g.summary.size * g.summary.leading;
    const room = Math.max(1, Math.min(4, Math.floor((g.padTop + BODY_HEIGHT - top) / lineHeight)));
    for (const text of wrapText(summary, TEXT_WIDTH, summaryFont, measure, room)) line(text, summaryFont, g.summary.leading, 'muted');
  }
  const footerMiddle = OG_IMAGE_HEIGHT - g.footer / 2;
  const nameFont: FontSpec = { size: g.siteName, weight: 700 };
  runs.push({ text: cleanText(card.siteName), x: TEXT_LEFT + g.mark + 18, y: Math.round(footerMiddle + g.siteName * 0.36), font: nameFont, color: 'text' });
  if (card.siteHost) {
    const hostFont: FontSpec = { size: g.siteHost, weight: 400 };
    runs.push({ text: cleanText(card.siteHost), x: OG_IMAGE_WIDTH - g.padX, y: Math.round(footerMiddle + g.siteHost * 0.36), font: hostFont, color: 'muted', alignRight: true });
  }
  return { runs };
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
