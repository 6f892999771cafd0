/**
 * A content-addressed disk cache for share images, so that a rebuild renders only the images
 * whose text, layout, colors or renderer changed. Keyed by the SHA-256 of the image's render
 * fingerprint; written atomically, so builds running side by side can share it.
 *
 * OG_CACHE_DIR sets the folder (default node_modules/.cache/og-images); OG_CACHE_DIR=off
 * renders every image afresh. Deleting the folder is always safe.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { renderFingerprint, renderOgImage, type OgCard } from './og-image.ts';

export const DEFAULT_OG_CACHE_DIR = 'node_modules/.cache/og-images';

export function ogCacheDir(env: Record<string, string | undefined> = process.env): string | undefined {
  const value = env.OG_CACHE_DIR?.trim();
  if (value && ['off', '0', 'false', 'no'].includes(value.toLowerCase())) return undefined;
  return resolve(value || DEFAULT_OG_CACHE_DIR);
}

export function cacheFile(dir: string, fingerprint: string): string {
  const key = createHash('sha256').update(fingerprint).digest('hex');
  return join(dir, key.slice(0, 2), `${key}.png`);
}

/** The card's PNG from the cache, rendering and storing it on a miss. */
export async function cachedOgImage(card: OgCard, dir = ogCacheDir()): Promise<Uint8Array<ArrayBuffer>> {
  if (!dir) return renderOgImage(card);
  const file = cacheFile(dir, renderFingerprint(card));
  try {
    const stored = readFileSync(file);
    const bytes = new Uint8Array(new ArrayBuffer(stored.byteLength));
    bytes.set(stored);
    return bytes;
  } catch {
    // Not cached yet (or unreadable): render it.
  }
  const png = await renderOgImage(card);
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temporary, png);
    renameSync(temporary, file);
  } catch {
    // A read-only or full disk only costs the next build a render.
  }
  return png;
}

/** The endpoint response for a share image. */
export async function ogImageResponse(card: OgCard, dir = ogCacheDir()): Promise<Response> {
  return new Response(await cachedOgImage(card, dir), { headers: { 'Content-Type': 'image/png' } });
}
