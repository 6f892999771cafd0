/** scripts/nginx-run.ts: dist/nginx.conf passes `nginx -t`, and every way nginx cannot run fails with one line. */
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NGINX_MISSING, startNginx, testNginxConfig } from '../../scripts/nginx-run.ts';
import { distDir } from '../support/dist.ts';
import { ensureNginx } from '../support/nginx.ts';

const dir = distDir();
const saved = process.env.NGINX_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.NGINX_PATH;
  else process.env.NGINX_PATH = saved;
});

describe('nginx with dist/nginx.conf', () => {
  it('accepts the generated file (nginx -t)', () => {
    ensureNginx();
    expect(testNginxConfig(dir)).toMatch(/syntax is ok[\s\S]*test is successful/);
  });

  it('fails with one line saying how to install nginx when it cannot be found', async () => {
    process.env.NGINX_PATH = '/nonexistent/nginx';
    await expect(startNginx({ root: dir })).rejects.toThrow(NGINX_MISSING);
    expect(NGINX_MISSING).not.toContain('\n');
  });

  it('fails with nginx’s own one-line reason when it refuses the configuration', async () => {
    ensureNginx();
    const site = mkdtempSync(join(tmpdir(), 'glossary-nginx-bad-'));
    try {
      chmodSync(site, 0o755);
      writeFileSync(join(site, 'index.html'), '<!doctype html><title>x</title>\n');
      writeFileSync(join(site, 'nginx.conf'), readFileSync(join(dir, 'nginx.conf'), 'utf8').replace('gzip_static on;', 'gzip_static maybe;'));
      const error = await startNginx({ root: site }).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(error?.message).toMatch(/^nginx could not start with dist\/nginx\.conf: invalid value "maybe" in \S+nginx\.conf:\d+$/);
      expect(error?.message).not.toContain('\n');
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
