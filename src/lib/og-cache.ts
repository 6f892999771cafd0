/**
 * A content-addressed disk cache for share images, so that a rebuild draws only the images
 * whose text, layout, colors or renderer changed. Keyed by the SHA-256 of the image's render
 * fingerprint; written atomically, so builds running side by side (and the workers of one
 * build) can share it.
 *
 * OG_CACHE_DIR sets the folder (default node_modules/.cache/og-images); OG_CACHE_DIR=off
 * draws every image afresh. Deleting the folder is always safe.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { cardLayout, renderFingerprint, renderOgImage } from './og-render.ts';
import type { OgCard } from './og-image.ts';

export const DEFAULT_OG_CACHE_DIR = 'node_modules/.cache/og-images';

export function ogCacheDir(env: Record<string, string | undefined> = process.env): string | undefined {
  const value = env.OG_CACHE_DIR?.trim();
  if (value && ['off', '0', 'false', 'no'].includes(value.toLowerCase())) return undefined;
  return resolve(value || DEFAULT_OG_CACHE_DIR);
}

export function cacheFile(dir: string, fingerprint: string): string {
  const key = createHash('sha256').update(fingerprint).digest('hex');
  return join(dir, key.slice(0, 2), `${key}.jpg`);
}

/** Writes `bytes` to `file` through a temporary name, so a reader never sees half a file. */
export function writeAtomically(file: string, bytes: Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, file);
}

/**
 * The file in `dir` that holds the card's image, drawing and storing it first on a miss.
 * `drawn` says whether it was drawn now.
 */
export async function cachedOgImageFile(card: OgCard, dir: string): Promise<{ file: string; drawn: boolean }> {
  const layout = cardLayout(card);
  const file = cacheFile(dir, renderFingerprint(card, layout));
  if (existsSync(file)) return { file, drawn: false };
  writeAtomically(file, await renderOgImage(card, layout));
  return { file, drawn: true };
}
