/**
 * Runs the built site behind real nginx with the build's own dist/nginx.conf, on another port
 * and folder, without editing the file: it copies the configuration into a temporary folder,
 * replacing only the machine-specific lines (listen, root, pid, error_log, access_log; see
 * NGINX_DEFAULTS in src/lib/deploy/nginx.ts) and adding temp-file paths inside that folder, then
 * starts `nginx -c <copy> -g 'daemon off;'` as a child process. Run as root, nginx is started as
 * the unprivileged user `nobody` (it needs no privilege for a port above 1024).
 *
 *   npm run serve:nginx                        # dist/ on 127.0.0.1:8080 (OUT_DIR, HOST, PORT)
 *   node scripts/nginx-run.ts --test           # only `nginx -t` on the copy
 *
 * Fails with one line when nginx cannot be found or started; NGINX_PATH names another binary.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { NGINX_DEFAULTS } from '../src/lib/deploy/nginx.ts';

export const NGINX_MISSING = 'nginx not found: install it with "sudo apt-get install -y nginx" (Debian), or set NGINX_PATH to an nginx binary';

export function findNginx(env: Record<string, string | undefined> = process.env): string | undefined {
  if (env.NGINX_PATH) return existsSync(env.NGINX_PATH) ? env.NGINX_PATH : undefined;
  const dirs = [...(env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  return dirs.map((dir) => join(dir, 'nginx')).find((path) => existsSync(path));
}

/** Replaces the one line `<directive> <default>;` by `<directive> <value>;`; throws when it is not there exactly once. */
function replaceLine(text: string, directive: string, from: string, to: string): string {
  const line = `${directive} ${from};`;
  const count = text.split('\n').filter((l) => l.trim() === line).length;
  if (count !== 1) throw new Error(`nginx.conf: expected the line "${line}" exactly once, found it ${count} times`);
  return text.replace(new RegExp(`^(\\s*)${line.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`, 'm'), `$1${directive} ${to};`);
}

/** dist/nginx.conf for another listen address, root and a private folder for pid, logs and temp files. */
export function localConfig(text: string, { listen, root, dir }: { listen: string; root: string; dir: string }): string {
  const d = NGINX_DEFAULTS;
  let out = replaceLine(text, 'listen', d.listen, listen);
  out = replaceLine(out, 'root', d.root, root);
  out = replaceLine(out, 'pid', d.pid, join(dir, 'nginx.pid'));
  out = replaceLine(out, 'error_log', d.errorLog, join(dir, 'error.log'));
  out = replaceLine(out, 'access_log', d.accessLog, join(dir, 'access.log'));
  const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `  ${name}_temp_path ${join(dir, 'temp', name)};`);
  return out.replace(/^http \{$/m, `http {\n${temps.join('\n')}`);
}

export interface NginxServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** The error log so far. */
  log(): string;
  stop(): Promise<void>;
}

function freePort(host: string): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, host, () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

const NOBODY = 65534;

/** The temporary folder with the local copy of the configuration; owned by `nobody` when we are root. */
function prepare(root: string, listen: string): { dir: string; config: string; asNobody: boolean } {
  const source = join(root, 'nginx.conf');
  if (!existsSync(source)) throw new Error(`${source} does not exist: run "npm run build" first`);
  const dir = mkdtempSync(join(tmpdir(), 'glossary-nginx-'));
  mkdirSync(join(dir, 'temp'));
  const config = join(dir, 'nginx.conf');
  writeFileSync(config, localConfig(readFileSync(source, 'utf8'), { listen, root: resolve(root), dir }));
  const asNobody = process.getuid?.() === 0;
  if (asNobody) {
    for (const path of [dir, join(dir, 'temp'), config]) chownSync(path, NOBODY, NOBODY);
    const index = join(resolve(root), 'index.html');
    if (spawnSync('test', ['-r', index], { uid: NOBODY, gid: NOBODY }).status !== 0) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`nginx runs as the user nobody, who cannot read ${index}: make dist/ and its parent folders world-readable`);
    }
  }
  return { dir, config, asNobody };
}

const firstError = (text: string) =>
  text
    .split('\n')
    .find((line) => /\[(emerg|alert|crit|error)\]/.test(line))
    ?.replace(/^.*?\[(emerg|alert|crit|error)\] (\d+#\d+: )?/, '') ?? text.trim().split('\n')[0] ?? '';

/** `nginx -t` on the local copy of dist/nginx.conf; returns nginx's output, throws with one line when it refuses it. */
export function testNginxConfig(root = 'dist'): string {
  const nginx = findNginx();
  if (!nginx) throw new Error(NGINX_MISSING);
  const { dir, config, asNobody } = prepare(root, '127.0.0.1:8080');
  try {
    const result = spawnSync(nginx, ['-t', '-c', config, '-p', dir, '-e', join(dir, 'error.log')], {
      encoding: 'utf8',
      ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    const output = `${result.stdout}${result.stderr}`.trim();
    if (result.status !== 0) throw new Error(`nginx -t refused dist/nginx.conf: ${firstError(output)}`);
    return output;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startNginx({ root = 'dist', host = '127.0.0.1', port = 0 }: { root?: string; host?: string; port?: number } = {}): Promise<NginxServer> {
  const nginx = findNginx();
  if (!nginx) throw new Error(NGINX_MISSING);
  for (let attempt = 1; ; attempt++) {
    const actualPort = port || (await freePort(host));
    const { dir, config, asNobody } = prepare(root, `${host}:${actualPort}`);
    const child = spawn(nginx, ['-c', config, '-p', dir, '-e', join(dir, 'error.log'), '-g', 'daemon off;'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const log = () => {
      const file = join(dir, 'error.log');
      return `${stderr}${existsSync(file) ? readFileSync(file, 'utf8') : ''}`;
    };
    let exited = false;
    // nginx in the foreground outlives a parent that exits without stopping it: not this one.
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    const exit = new Promise<void>((done) => child.on('exit', () => ((exited = true), process.off('exit', killOnExit), done())));
    child.on('error', () => (exited = true));
    const cleanup = () => rmSync(dir, { recursive: true, force: true });
    const stop = async () => {
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exit;
        clearTimeout(timer);
      }
      cleanup();
    };
    const deadline = Date.now() + 15_000;
    let up = false;
    while (!exited && Date.now() < deadline) {
      up = await new Promise<boolean>((done) => {
        const socket = connect(actualPort, host, () => (socket.destroy(), done(true)));
        socket.on('error', () => done(false));
      });
      if (up) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (up && !exited) return { url: `http://${host}:${actualPort}`, port: actualPort, child, log, stop };
    const reason = firstError(log()) || 'no answer within 15 s';
    await stop();
    if (!port && attempt < 3 && /in use/i.test(reason)) continue;
    throw new Error(`nginx could not start with dist/nginx.conf: ${reason}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.env.OUT_DIR || 'dist';
  try {
    if (process.argv.includes('--test')) {
      console.log(testNginxConfig(root));
    } else {
      const server = await startNginx({ root, host: process.env.HOST || '127.0.0.1', port: Number(process.env.PORT || 8080) });
      console.log(`Serving ${root}/ with nginx at ${server.url}/ (Ctrl-C to stop)`);
      const stop = () => void server.stop().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      server.child.on('exit', (code) => {
        console.error(`nginx exited (${code}):\n${server.log()}`);
        process.exit(1);
      });
    }
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
