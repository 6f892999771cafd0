/**
 * Lighthouse (mobile, the default form factor) against pages of the built site served on
 * 127.0.0.1, in Debian's Chromium (CHROME_PATH or /usr/bin/chromium) started with a fresh profile.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import type { Result } from 'lighthouse';
import { startStaticServer } from '../scripts/static-server.ts';

export const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Starts headless Chromium with a fresh profile and resolves with its DevTools port. */
function launchChromium(profile: string): Promise<{ port: number; chrome: ChildProcess }> {
  if (!existsSync(chromePath)) throw new Error(`no Chromium at ${chromePath}: install it with "apt-get install chromium" or set CHROME_PATH`);
  const chrome = spawn(
    chromePath,
    [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', `--user-data-dir=${profile}`, '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0', 'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return new Promise((resolvePort, reject) => {
    let output = '';
    chrome.stderr!.setEncoding('utf8');
    chrome.stderr!.on('data', (chunk: string) => {
      output += chunk;
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) resolvePort({ port: Number(match[1]), chrome });
    });
    chrome.once('error', reject);
    chrome.once('exit', (code) => reject(new Error(`Chromium exited (${code}) before DevTools started:\n${output}`)));
  });
}

/** Runs Lighthouse on each site path in turn; one browser, one server. */
export async function runLighthouse(root: string, paths: string[], categories: string[]): Promise<Map<string, Result>> {
  const server = await startStaticServer({ root });
  const profile = mkdtempSync(join(tmpdir(), 'lighthouse-'));
  const { port, chrome } = await launchChromium(profile);
  const results = new Map<string, Result>();
  try {
    for (const path of paths) {
      const run = await lighthouse(`${server.url}${path}`, { port, onlyCategories: categories, output: 'json', logLevel: 'error' });
      if (!run) throw new Error(`Lighthouse returned no result for ${path}`);
      if (run.lhr.runtimeError) throw new Error(`Lighthouse on ${path}: ${run.lhr.runtimeError.code}: ${run.lhr.runtimeError.message}`);
      results.set(path, run.lhr);
    }
  } finally {
    chrome.kill();
    await server.close();
    await new Promise((done) => setTimeout(done, 200));
    rmSync(profile, { recursive: true, force: true });
  }
  return results;
}

export const score = (lhr: Result, category: string) => Math.round((lhr.categories[category]?.score ?? 0) * 100);

/** Audits of a category that did not pass, as "id: title" lines. */
export function failedAudits(lhr: Result, category: string): string[] {
  return (lhr.categories[category]?.auditRefs ?? [])
    .map((ref) => lhr.audits[ref.id]!)
    .filter((a) => a.scoreDisplayMode !== 'notApplicable' && a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'informative' && a.score !== null && a.score < 1)
    .map((a) => `${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`);
}
