/**
 * Share images, drawn beside the build rather than through it: when the build starts, the
 * cards of every term, guide and comparison (and the default image) go to a pool of worker
 * threads (src/lib/og-pool.ts), which draws them into the image cache while Astro renders the
 * pages; when the build is done they are linked into `/og/`. No page route is spent on them.
 * OG_IMAGES=off draws only the default image; OG_CACHE_DIR picks or turns off the cache.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import type { ContentTree } from '../lib/content-source.ts';
import { ogCacheDir } from '../lib/og-cache.ts';
import { drawShareImages, type DrawnImages } from '../lib/og-pool.ts';
import { shareImageJobs } from '../lib/share-image-jobs.ts';
import { ogImagesEnabled } from '../lib/seo.ts';

export default function shareImages(tree: Pick<ContentTree, 'terms' | 'articles' | 'glossary'>): AstroIntegration {
  let site: string | undefined;
  let drawing: Promise<DrawnImages> | undefined;
  return {
    name: 'share-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
      },
      'astro:build:start': () => {
        drawing = drawShareImages(shareImageJobs(tree, site, ogImagesEnabled()), ogCacheDir());
        // Reported when awaited below; this keeps an early failure from going unhandled meanwhile.
        drawing.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!drawing) throw new Error('share images: the build did not start');
        const images = await drawing;
        const start = performance.now();
        images.place(fileURLToPath(dir));
        logger.info(
          `${images.files.length} share images: ${images.drawn} drawn, ${images.reused} from the cache, ` +
            `in ${Math.round(images.ms)} ms on ${images.threads} thread(s); placed in ${Math.round(performance.now() - start)} ms`,
        );
      },
    },
  };
}
