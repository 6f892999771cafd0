/**
 * nginx for the deployment tests: Debian's package, installed with apt-get when missing and we
 * are root (as Chromium is), else one line saying how to install it. Never skips.
 */
import { findNginx, NGINX_MISSING } from '../../scripts/nginx-run.ts';
import { installDebianPackage } from './apt.ts';

export function ensureNginx(): string {
  const found = findNginx();
  if (found) return found;
  installDebianPackage('nginx', NGINX_MISSING);
  const installed = findNginx();
  if (!installed) throw new Error('apt-get installed nginx but no nginx binary was found');
  return installed;
}
