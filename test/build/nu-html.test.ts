/**
 * The W3C Nu HTML Checker (the reference validator, `vnu-jar`) over every built page, in one
 * Java process. It parses as browsers do, so it catches what html-validate's rules miss (a
 * stray tag after </html>, for one). A planted broken page in the same run proves the checker
 * read the files: if it stops reporting that page, the run checked nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { installDebianPackage } from '../support/apt.ts';
import { builtPages } from '../support/dist.ts';

interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
}

const vnuJar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

const CANARY = '<!doctype html><html lang="en"><head><title>Canary</title></head><body><p>x</p></body></html><script src="/x.js"></script>';

let messages: NuMessage[] = [];
let canaryFile = '';
let pageCount = 0;

beforeAll(() => {
  const hasJava = () => spawnSync('java', ['-version']).status === 0;
  if (!hasJava()) {
    installDebianPackage('default-jre-headless', 'Java not found (the Nu HTML Checker needs it): install it with "sudo apt-get install -y default-jre-headless"');
    if (!hasJava()) throw new Error('apt-get installed default-jre-headless but `java` still does not run');
  }
  const work = mkdtempSync(join(tmpdir(), 'nu-canary-'));
  canaryFile = join(work, 'canary.html');
  writeFileSync(canaryFile, CANARY);
  const files = builtPages().map((p) => p.file);
  pageCount = files.length;
  const run = spawnSync('java', ['-Xss4m', '-jar', vnuJar, '--errors-only', '--format', 'json', canaryFile, ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  rmSync(work, { recursive: true, force: true });
  // The checker writes its JSON report to stderr and exits 1 when it found errors.
  const report = run.stderr.trim() || run.stdout.trim();
  if (!report.startsWith('{')) throw new Error(`the Nu HTML Checker gave no report: ${report.slice(0, 300)}`);
  messages = (JSON.parse(report) as { messages: NuMessage[] }).messages;
}, 180_000);

const fileOf = (m: NuMessage) => (m.url?.startsWith('file:') ? fileURLToPath(m.url) : (m.url ?? ''));

describe('the Nu HTML Checker', () => {
  it('reads the pages it is given (a broken canary page is reported)', () => {
    expect(pageCount).toBeGreaterThan(50);
    const canary = messages.filter((m) => fileOf(m) === canaryFile).map((m) => m.message);
    expect(canary.join('\n')).toMatch(/Stray start tag “script”/);
  });

  it('finds no error on any built page', () => {
    const problems = messages
      .filter((m) => fileOf(m) !== canaryFile && (m.type === 'error' || m.type === 'non-document-error'))
      .map((m) => `${fileOf(m)}:${m.lastLine ?? '?'}: ${m.message}`);
    expect(problems).toEqual([]);
  });
});
