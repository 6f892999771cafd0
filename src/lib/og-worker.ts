/** A worker of og-pool.ts: draws its share of the cards into the cache folder and reports the files. */
import { parentPort, workerData } from 'node:worker_threads';
import { cachedOgImageFile } from './og-cache.ts';
import type { OgCard } from './og-image.ts';

const { cards, cacheDir } = workerData as { cards: OgCard[]; cacheDir: string };
const files: string[] = [];
let drawn = 0;
for (const card of cards) {
  const result = await cachedOgImageFile(card, cacheDir);
  files.push(result.file);
  if (result.drawn) drawn++;
}
parentPort!.postMessage({ files, drawn });
