/**
 * Splits the build's file bundles (src/lib/file-bundle.ts) into their files at the end of the
 * build, before anything else reads the output folder (so it is listed first among the
 * integrations that hook `astro:build:done`), and deletes each bundle: what is served is the
 * same set of files, byte for byte, that one route per file would have produced.
 * A file that exists already stops the build (two routes for one address).
 */
import type { AstroIntegration } from 'astro';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unbundleFiles } from '../lib/file-bundle.ts';

/** Writes every file of the bundle at `bundle` (a site path) under `root`, then deletes the bundle; returns the number of files. */
export async function splitBundle(root: string, bundle: string): Promise<number> {
  const source = join(root, bundle);
  const files = unbundleFiles(await readFile(source, 'utf8'));
  const dirs = new Set(files.map(([path]) => dirname(join(root, path))));
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const [path, text] = files[next++]!;
      // 'wx': never overwrite a file a route wrote.
      await writeFile(join(root, path), text, { flag: 'wx' });
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  await rm(source);
  return files.length;
}

export default function fileBundles(bundles: readonly string[]): AstroIntegration {
  return {
    name: 'file-bundles',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        for (const bundle of bundles) {
          const start = performance.now();
          const count = await splitBundle(root, bundle);
          logger.info(`${bundle}: wrote ${count} files in ${Math.round(performance.now() - start)} ms`);
        }
      },
    },
  };
}
