// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { siteUrl } from './src/lib/site.ts';
import searchIndex from './src/integrations/search-index.ts';

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
  integrations: [mdx(), searchIndex()],
});
