/**
 * Finds Chromium for the browser tests: CHROME_PATH, then the usual system paths. When none
 * is installed and we are root on Debian, installs the `chromium` package with apt-get (as
 * `playwright install --with-deps` installs system packages); otherwise fails with one line
 * saying how to install it. Never skips.
 */
import { existsSync } from 'node:fs';
import { installDebianPackage } from './apt.ts';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

export function findChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  if (env.CHROME_PATH) {
    if (!existsSync(env.CHROME_PATH)) throw new Error(`CHROME_PATH is set to ${env.CHROME_PATH}, which does not exist`);
    return env.CHROME_PATH;
  }
  return CANDIDATES.find((path) => existsSync(path));
}

export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  installDebianPackage(
    'chromium',
    'Chromium not found: install it with "sudo apt-get install -y chromium" or set CHROME_PATH to a Chromium binary',
  );
  const installed = findChromium();
  if (!installed) throw new Error('apt-get installed chromium but no binary was found at /usr/bin/chromium');
  return installed;
}
