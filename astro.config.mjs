// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { siteUrl } from './src/lib/site.ts';
import { sitemapFilter } from './src/lib/sitemap-filter.ts';

// OUT_DIR lets tests and benchmarks build other content trees (CONTENT_DIR) side by side
// without touching dist/ or each other's caches.
const outDir = process.env.OUT_DIR || 'dist';
const isolated = Boolean(process.env.OUT_DIR);

export default defineConfig({
  site: siteUrl(),
  output: 'static',
  trailingSlash: 'always',
  outDir,
  cacheDir: isolated ? `${outDir}-cache` : undefined,
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  markdown: {
    processor: unified({ remarkPlugins: [] }),
  },
  // The sitemap lists indexable pages only: no embeds, images, feeds or noindex pages.
  integrations: [mdx(), sitemap({ filter: sitemapFilter(outDir, siteUrl()) })],
});
