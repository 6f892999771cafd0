/**
 * The colour of one pixel of the page as Chromium painted it (a 1x1 screenshot, decoded here:
 * a single-pixel PNG row reads the same under every filter type).
 */
import { inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';

export async function pixelAt(page: Page, x: number, y: number): Promise<[number, number, number]> {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 }, animations: 'disabled' });
  let offset = 8;
  let colourType = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      if (body.readUInt32BE(0) !== 1 || body.readUInt32BE(4) !== 1 || body[8] !== 8) throw new Error('expected a 1x1, 8-bit PNG');
      colourType = body[9]!;
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  if (colourType !== 2 && colourType !== 6) throw new Error(`unexpected PNG colour type ${colourType}`);
  const row = inflateSync(Buffer.concat(data));
  return [row[1]!, row[2]!, row[3]!];
}
