// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { fileURLToPath } from 'node:url';
import { siteUrl } from './src/lib/site.ts';
import { contentDir, guidePredicate } from './src/lib/content-source.ts';
import { loadGlossary, termLinksOptions } from './src/lib/glossary-source.ts';
import remarkTermLinks from './src/lib/remark-term-links.ts';
import { remarkContentSafety, rehypeGuideSanitize } from './src/lib/content-safety.ts';
import { sitemapFilter } from './src/lib/sitemap-filter.ts';
import standaloneScripts from './src/integrations/standalone-scripts.ts';
import shareImages from './src/integrations/share-images.ts';
import fileBundles from './src/integrations/file-bundles.ts';
import { JSON_FILES_BUNDLE } from './src/lib/file-bundle.ts';

// OUT_DIR lets tests and benchmarks build other content trees (CONTENT_DIR) side by side
// without touching dist/ or each other's caches.
const outDir = process.env.OUT_DIR || 'dist';
const isolated = Boolean(process.env.OUT_DIR);

// The content tree (folders, encoding, frontmatter, limits, the term graph) is read and checked
// before anything is built: a mistake stops the build here, naming the file and the field.
const content = contentDir();
// Alias and old addresses (/terms/bpo/ -> /terms/business-process-outsourcing/) are planned
// there too: a collision with a page, or between two terms, names both files.
const { glossary, tree } = loadGlossary(content);
const componentsDir = fileURLToPath(new URL('./src/components/', import.meta.url));

export default defineConfig({
  site: siteUrl(),
  output: 'static',
  trailingSlash: 'always',
  outDir,
  cacheDir: isolated ? `${outDir}-cache` : undefined,
  // Four pages at a time: while one page's file is written, the next is rendered. Measured at
  // 10,000 terms on 2 cores: route generation 20-21 s against 26 s one page at a time, the same
  // peak memory (npx node bench/build-scale.ts 10000).
  build: { format: 'directory', concurrency: 4 },
  devToolbar: { enabled: false },
  // Scripts and styles stay external files (cached once, allowed by a strict CSP as 'self')
  // instead of being inlined into every page.
  vite: { build: { assetsInlineLimit: 0 } },
  markdown: {
    // Smart quotes cost two thirds of the Markdown time (measured: 2.6 ms against 0.8 ms a term),
    // so they are off; write typographic quotes directly where they matter.
    // Raw HTML in terms and unsafe addresses anywhere fail the build; guides' HTML is sanitized.
    processor: unified({
      smartypants: false,
      remarkPlugins: [
        [remarkContentSafety, { componentsDir }],
        [remarkTermLinks, termLinksOptions(glossary, content)],
      ],
      rehypePlugins: [[rehypeGuideSanitize, { isGuide: guidePredicate(content) }]],
    }),
  },
  // fileBundles comes first: it writes the per-term JSON files (API, oEmbed, glossary-links
  // cards) and the glossary-links buckets, which the build renders as one bundle
  // (src/lib/file-bundle.ts), before anything reads the output folder.
  // Share images are drawn by worker threads while the pages are built, and linked in at the end.
  // The sitemap lists indexable pages only: no embeds, images, feeds or noindex pages.
  // After astro build has exited, `npm run build` (scripts/build.ts) adds the search index, the
  // redirect pages (after the index, so Pagefind never sees them) and, last, _headers,
  // _redirects (the site's own redirects, every alias and every redirectFrom slug) and
  // nginx.conf from the pages as built, then precompresses every text file.
  integrations: [
    mdx(),
    fileBundles([JSON_FILES_BUNDLE]),
    standaloneScripts(),
    shareImages(tree),
    sitemap({ filter: sitemapFilter(outDir, siteUrl()) }),
  ],
});
