/**
 * The local static server (scripts/static-server.ts) in a child process, on a small temporary
 * site, for tests that must see whether a request can end the process or leak descriptors:
 * the child's exit and its /proc/<pid>/fd are observable from the test, and a crash takes down
 * only the child.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { HEADER_RULES, headersFile, resolveRules } from '../../src/lib/deploy/index.ts';

/** Written into every file that must never be served: next to the root, in dotfiles, in `_headers`. */
export const SECRET = 'SECRET-7f3a9c1e-never-served';

/** Headers every response of a site with the project's `_headers` must carry (the site-wide group). */
export const SECURITY_HEADERS = ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'permissions-policy'];

/** The project's `_headers` as the build writes it, for a site without inline scripts. */
export const HEADERS_FILE = headersFile(resolveRules(HEADER_RULES, []));

export interface SiteFixture {
  /** The temporary folder holding `site/` (the served root), `secret.txt` and `outside/`. */
  dir: string;
  root: string;
  cleanup(): void;
}

const page = (title: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1></body></html>\n`;

/**
 * A small site with the project's real `_headers` (plus a secret comment), a few pages, and
 * the traps: dotfiles, a symlink to /etc/passwd, symlinks to a file and a folder next to the
 * root, a folder named `\evil.example`. `bigFileBytes` adds `/big.bin` of that size.
 */
export function makeSiteFixture({ bigFileBytes = 0 }: { bigFileBytes?: number } = {}): SiteFixture {
  const dir = mkdtempSync(join(tmpdir(), 'glossary-server-'));
  const root = join(dir, 'site');
  const write = (path: string, text: string | Buffer) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('_headers', `# ${SECRET}\n${HEADERS_FILE}`);
  write('index.html', page('Home'));
  write('404.html', page('Page not found'));
  write('terms/index.html', page('Terms'));
  write('terms/outsourcing/index.html', page('Outsourcing'));
  write('embed/outsourcing/index.html', page('Outsourcing card'));
  write('calculator/index.html', page('Calculator'));
  write('café/index.html', page('Café'));
  write('a b/index.html', page('A space'));
  write('\\evil.example/index.html', page('Backslash folder'));
  write('_astro/app.abc123.js', 'console.log("app");\n');
  write('api/terms.json', '{"terms":[]}\n');
  write('robots.txt', 'User-agent: *\n');
  write('.env', `TOKEN=${SECRET}\n`);
  write('.git/config', `[core] ${SECRET}\n`);
  write('terms/.hidden/index.html', page(SECRET));
  if (bigFileBytes) write('big.bin', Buffer.alloc(bigFileBytes, 'x'));
  writeFileSync(join(dir, 'secret.txt'), `${SECRET}\n`);
  mkdirSync(join(dir, 'outside'));
  writeFileSync(join(dir, 'outside', 'index.html'), page(SECRET));
  writeFileSync(join(dir, 'outside', 'secret.html'), page(SECRET));
  symlinkSync('/etc/passwd', join(root, 'passwd'));
  symlinkSync(join(dir, 'secret.txt'), join(root, 'leak.txt'));
  symlinkSync('../secret.txt', join(root, 'relative-leak.txt'));
  symlinkSync(join(dir, 'outside'), join(root, 'outside'));
  symlinkSync('index.html', join(root, 'home-link.html'));
  return { dir, root, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ServerProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  /** True while the process has not exited. */
  alive(): boolean;
  /** Open file descriptors of the process. */
  fds(): number;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `entry` (default scripts/serve.ts, which reads OUT_DIR, HOST and PORT) with the
 * project's Node and resolves once it prints its address.
 */
export function spawnServer(root: string, entry = 'scripts/serve.ts'): Promise<ServerProcess> {
  const child = spawn(process.execPath, [resolve(entry)], {
    env: { ...process.env, OUT_DIR: root, HOST: '127.0.0.1', PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exited = false;
  child.on('exit', () => (exited = true));
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 20_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`server exited (${code ?? signal}) before starting:\n${output}`));
    });
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.stdout!.on('data', (more: Buffer) => (output += more.toString()));
      done({
        url: match[1]!,
        pid: child.pid!,
        child,
        alive: () => !exited && child.exitCode === null && child.signalCode === null,
        fds: () => readdirSync(`/proc/${child.pid}/fd`).length,
        output: () => output,
        stop: () =>
          new Promise<void>((stopped) => {
            if (exited) return stopped();
            child.once('exit', () => stopped());
            child.kill();
          }),
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  });
}

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One request on its own connection; `path` is sent exactly as given. */
export function fetchRaw(base: string, path: string, { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const { hostname, port } = new URL(base);
  return new Promise((done, fail) => {
    const req = request({ host: hostname, port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout: ${path}`)));
    req.end();
  });
}

/** Polls `check` until it is true or `ms` have passed; resolves to its last value. */
export async function eventually(check: () => boolean, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

/** Starts a download of `path` and hangs up as soon as the first bytes arrive (a reader leaving mid-file). */
export function abortedDownload(port: number, path = '/big.bin'): Promise<void> {
  return new Promise<void>((done, fail) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', fail);
    socket.once('data', () => {
      socket.destroy();
      done();
    });
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
  });
}
