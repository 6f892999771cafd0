/**
 * Installs a Debian package the tests need when it is missing, the way `playwright install
 * --with-deps` installs system packages: only as root on a machine with apt-get; otherwise it
 * fails with one line saying what to run. Never skips.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** `missing` is the one line shown when it cannot install: what is missing and how to install it. */
export function installDebianPackage(pkg: string, missing: string): void {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) throw new Error(missing);
  console.log(`${missing.split(':')[0]}: installing Debian's ${pkg} package with apt-get...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', pkg], { stdio: 'inherit', env });
}
