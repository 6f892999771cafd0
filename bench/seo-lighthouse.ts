// Lighthouse's SEO category (mobile) against a term page of the built site, served on
// 127.0.0.1 by scripts/static-server.ts, in Debian's Chromium (CHROME_PATH or /usr/bin/chromium).
//
//   npm run build && node bench/seo-lighthouse.ts [/terms/<slug>/]
//
// Prints the score (target 100) and any audit that did not pass. OUT_DIR picks another build.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { failedAudits, runLighthouse, score } from './lighthouse.ts';

const root = resolve(process.env.OUT_DIR || 'dist');
if (!existsSync(join(root, 'index.html'))) throw new Error(`${root} holds no built site: run "npm run build" first`);

function firstTermPath(): string {
  const terms = join(root, 'terms');
  const slug = existsSync(terms) ? readdirSync(terms).sort().find((s) => existsSync(join(terms, s, 'index.html'))) : undefined;
  if (!slug) throw new Error(`${root} has no term pages`);
  return `/terms/${slug}/`;
}

const path = process.argv[2] ?? firstTermPath();
const lhr = (await runLighthouse(root, [path], ['seo'])).get(path)!;
const seo = score(lhr, 'seo');
const canonical = lhr.audits.canonical;
console.log(`Lighthouse SEO (${lhr.configSettings.formFactor}, Lighthouse ${lhr.lighthouseVersion}, ${lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'})`);
console.log(`  page:      ${lhr.finalDisplayedUrl}`);
console.log(`  score:     ${seo} / 100 (target 100)`);
console.log(`  canonical: ${canonical ? `${canonical.score === 1 ? 'pass' : 'FAIL'}${canonical.explanation ? ` (${canonical.explanation})` : ''}` : 'not audited'}`);
for (const audit of failedAudits(lhr, 'seo')) console.log(`  failed:    ${audit}`);
process.exitCode = seo === 100 ? 0 : 1;
