/**
 * Builds the embed loader (src/scripts/embed-loader.ts) into one minified, dependency-free
 * script served at exactly /embed.js: written into the output folder after the build, and
 * served on the fly by the dev server.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';

export const LOADER_ENTRY = 'src/scripts/embed-loader.ts';
export const LOADER_PATH = '/embed.js';

/** The minified loader, bundled with the few src/lib helpers it imports. */
export async function buildLoader(root: URL | string): Promise<string> {
  const entry = fileURLToPath(new URL(LOADER_ENTRY, root));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2019',
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no output for ${entry}`);
  return file.text;
}

export default function embedLoader(): AstroIntegration {
  let root: URL;
  return {
    name: 'embed-loader',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          if (req.url?.split('?')[0] !== LOADER_PATH) return next();
          buildLoader(root).then((code) => {
            res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
            res.end(code);
          }, next);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const code = await buildLoader(root);
        await writeFile(new URL(LOADER_PATH.slice(1), dir), code);
        logger.info(`${LOADER_PATH}: ${code.length} bytes minified`);
      },
    },
  };
}
