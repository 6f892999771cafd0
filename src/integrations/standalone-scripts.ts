/**
 * Scripts served at fixed addresses, built with esbuild outside Vite's bundle: written into the
 * output folder after the build, and served on the fly by the dev server.
 *
 * - /embed.js: the embed loader, for blogs (one file, no imports, a name that never changes);
 * - /glossary-links.js: glossary links with card previews, for blogs (one file, no imports);
 * - /search-ui.js: the header search box's suggestions, imported on first use by a fixed
 *   address, so the script every page loads carries no dynamic-import helper.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { EMBED_LOADER_PATH, GLOSSARY_LINKS_PATH, SEARCH_UI_PATH } from '../lib/standalone-paths.ts';

export interface StandaloneScript {
  entry: string;
  path: string;
  format: 'iife' | 'esm';
  /** Internal property names esbuild may shorten (names no DOM or JSON object uses). */
  mangleProps?: RegExp;
}

export const EMBED_LOADER: StandaloneScript = { entry: 'src/scripts/embed-loader.ts', path: EMBED_LOADER_PATH, format: 'iife' };
export const SEARCH_UI: StandaloneScript = { entry: 'src/scripts/search-ui.ts', path: SEARCH_UI_PATH, format: 'esm' };
export const GLOSSARY_LINKS: StandaloneScript = {
  entry: 'src/scripts/glossary-links.ts',
  path: GLOSSARY_LINKS_PATH,
  format: 'iife',
  // The matcher's trie and tokens (src/lib/term-matcher.ts), never seen outside the script.
  mangleProps: /^(next|ends|words|exact|lower|last|text|start|end)$/,
};
export const STANDALONE_SCRIPTS = [EMBED_LOADER, GLOSSARY_LINKS, SEARCH_UI];

/** One script, minified and bundled with the src/lib helpers it imports. */
export async function buildStandalone(root: URL | string, script: StandaloneScript): Promise<string> {
  const entry = fileURLToPath(new URL(script.entry, root));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: script.format,
    target: 'es2020',
    legalComments: 'none',
    ...(script.mangleProps ? { mangleProps: script.mangleProps } : {}),
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
    // Pagefind's own files are loaded at run time from the built site.
    external: ['/pagefind/*'],
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no output for ${entry}`);
  return file.text;
}

/** The embed loader (kept as its own name for its tests and benchmark). */
export const buildLoader = (root: URL | string) => buildStandalone(root, EMBED_LOADER);
/** The glossary-links script (for its tests and benchmark). */
export const buildGlossaryLinks = (root: URL | string) => buildStandalone(root, GLOSSARY_LINKS);

export default function standaloneScripts(): AstroIntegration {
  let root: URL;
  return {
    name: 'standalone-scripts',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          const script = STANDALONE_SCRIPTS.find((s) => s.path === req.url?.split('?')[0]);
          if (!script) return next();
          buildStandalone(root, script).then((code) => {
            res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
            res.end(code);
          }, next);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        for (const script of STANDALONE_SCRIPTS) {
          const code = await buildStandalone(root, script);
          await writeFile(new URL(script.path.slice(1), dir), code);
          logger.info(`${script.path}: ${code.length} bytes minified`);
        }
      },
    },
  };
}
