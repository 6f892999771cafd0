// Lighthouse's SEO category (mobile) against a term page of the built site, served on
// 127.0.0.1 by scripts/static-server.ts, in Debian's Chromium (CHROME_PATH or /usr/bin/chromium).
//
//   npm run build && node bench/seo-lighthouse.ts [/terms/<slug>/]
//
// Prints the score (target 100) and any audit that did not pass. OUT_DIR picks another build.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import lighthouse from 'lighthouse';
import { startStaticServer } from '../scripts/static-server.ts';

const root = resolve(process.env.OUT_DIR || 'dist');
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(join(root, 'index.html'))) throw new Error(`${root} holds no built site: run "npm run build" first`);
if (!existsSync(chromePath)) throw new Error(`no Chromium at ${chromePath}: install it with "apt-get install chromium" or set CHROME_PATH`);

function firstTermPath(): string {
  const terms = join(root, 'terms');
  const slug = existsSync(terms) ? readdirSync(terms).sort().find((s) => existsSync(join(terms, s, 'index.html'))) : undefined;
  if (!slug) throw new Error(`${root} has no term pages`);
  return `/terms/${slug}/`;
}

/** Starts headless Chromium with a fresh profile and resolves with its DevTools port. */
function launchChromium(profile: string): Promise<{ port: number; chrome: ChildProcess }> {
  const chrome = spawn(
    chromePath,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--user-data-dir=${profile}`,
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0',
      'about:blank',
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

const path = process.argv[2] ?? firstTermPath();
const server = await startStaticServer({ root });
const profile = mkdtempSync(join(tmpdir(), 'seo-lighthouse-'));
const { port, chrome } = await launchChromium(profile);
try {
  const url = `${server.url}${path}`;
  const result = await lighthouse(url, { port, onlyCategories: ['seo'], output: 'json', logLevel: 'error' });
  if (!result) throw new Error('Lighthouse returned no result');
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  const category = lhr.categories.seo!;
  const score = Math.round((category.score ?? 0) * 100);
  const canonical = lhr.audits.canonical;
  console.log(`Lighthouse SEO (${lhr.configSettings.formFactor}, Lighthouse ${lhr.lighthouseVersion}, ${lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'})`);
  console.log(`  page:      ${url}`);
  console.log(`  score:     ${score} / 100 (target 100)`);
  console.log(`  canonical: ${canonical ? `${canonical.score === 1 ? 'pass' : 'FAIL'}${canonical.explanation ? ` (${canonical.explanation})` : ''}` : 'not audited'}`);
  const failed = category.auditRefs
    .map((ref) => lhr.audits[ref.id]!)
    .filter((audit) => audit.scoreDisplayMode !== 'notApplicable' && audit.scoreDisplayMode !== 'manual' && audit.score !== null && audit.score < 1);
  for (const audit of failed) console.log(`  failed:    ${audit.id}: ${audit.title}${audit.explanation ? ` (${audit.explanation})` : ''}`);
  process.exitCode = score === 100 ? 0 : 1;
} finally {
  chrome.kill();
  await server.close();
  await new Promise((done) => setTimeout(done, 200));
  rmSync(profile, { recursive: true, force: true });
}
