/**
 * Builds a content tree (a fixture or a generated corpus) with the project's own build,
 * into its own output folder, and reports whether it failed and what it printed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface BuildResult {
  ok: boolean;
  output: string;
  outDir: string;
  cleanup(): void;
}

export function buildContent(contentDir: string, extraEnv: Record<string, string> = {}): BuildResult {
  const work = mkdtempSync(join(tmpdir(), 'glossary-build-'));
  const outDir = join(work, 'dist');
  // The project's whole build (scripts/build.ts: astro build, then the search index, redirect
  // pages and deploy files), as `npm run build` runs it.
  const result = spawnSync(process.execPath, [resolve('scripts/build.ts')], {
    env: { ...process.env, CONTENT_DIR: resolve(contentDir), OUT_DIR: outDir, ...extraEnv },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    ok: result.status === 0,
    output: `${result.stdout}\n${result.stderr}`,
    outDir,
    cleanup: () => rmSync(work, { recursive: true, force: true }),
  };
}
