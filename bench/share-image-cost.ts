/**
 * What one share image costs, step by step, on one thread: laying out the text, drawing it (the
 * drawing is rasterized when pixels are read, so a 2x2 read forces it), and the whole of
 * renderOgImage (drawing and encoding as JPEG, the build's own call); the difference is the
 * encoder's. Prints milliseconds per image (median of `rounds` rounds of `count` cards) and the
 * average JPEG size. Part of `npm run bench` (scale), or alone:
 *
 *   npx node bench/share-image-cost.ts   (COUNT=300, ROUNDS=3)
 */
import { cardLayout, drawCard, renderOgImage } from '../src/lib/og-render.ts';
import { kindCard, OG_JPEG_QUALITY, type OgCard } from '../src/lib/og-image.ts';
import { OG_IMAGE_HEIGHT, OG_IMAGE_WIDTH } from '../src/lib/seo.ts';

const WORDS = 'outsourcing offshore vendor payroll staffing process contract support remote agency freelance managed'.split(' ');
const word = (i: number) => WORDS[i % WORDS.length]!;

function sampleCards(count: number): OgCard[] {
  return Array.from({ length: count }, (_, i) =>
    kindCard(
      'terms',
      {
        title: `${word(i)} ${word(i * 7)} ${i}`,
        summary: `A ${word(i * 3)} arrangement in which a business hands ${word(i * 5)} work to an outside provider that runs it under agreed terms, reviewed every ${i} days.`,
      },
      'https://example.com',
    ),
  );
}

export async function printShareImageCost(count = 300, rounds = 3): Promise<void> {
  const cards = sampleCards(count);
  const layouts = cards.map((card) => cardLayout(card));
  const perImage = async (step: (i: number) => unknown): Promise<number> => {
    const times: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const start = performance.now();
      for (let i = 0; i < cards.length; i++) await step(i);
      times.push((performance.now() - start) / cards.length);
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  };
  let bytes = 0;
  const layout = await perImage((i) => cardLayout(cards[i]!));
  const draw = await perImage((i) => drawCard(cards[i]!, layouts[i]).getImageData(0, 0, 2, 2));
  const whole = await perImage(async (i) => {
    bytes += (await renderOgImage(cards[i]!, layouts[i])).length;
  });
  console.log(`Share image cost, ${OG_IMAGE_WIDTH}x${OG_IMAGE_HEIGHT} JPEG quality ${OG_JPEG_QUALITY}, ${count} cards, median of ${rounds} rounds, one thread:`);
  const rows: [string, string][] = [
    ['layout (text measured and wrapped)', `${layout.toFixed(2)} ms`],
    ['draw, rasterized', `${draw.toFixed(2)} ms`],
    ['renderOgImage (draw and encode)', `${whole.toFixed(2)} ms`],
    ['so JPEG encoding, about', `${(whole - draw).toFixed(2)} ms`],
    ['average JPEG size', `${Math.round(bytes / (count * rounds) / 1024)} KB`],
  ];
  for (const [label, value] of rows) console.log(`  ${label.padEnd(36)} ${value}`);
}

if (import.meta.main) await printShareImageCost(Number(process.env.COUNT ?? 300), Number(process.env.ROUNDS ?? 3));
