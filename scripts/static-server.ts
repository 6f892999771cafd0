/**
 * A small static file server for the built site: directory indexes, the 404 page, and the
 * headers from `_headers`, as a static host would apply them. Used by `npm run serve` and by
 * the browser tests.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { headersForPath, parseHeadersFile, type HeaderRule } from '../src/lib/headers-file.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

export interface StaticServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  root: string;
  host?: string;
  port?: number;
}

export function startStaticServer({ root, host = '127.0.0.1', port = 0 }: StaticServerOptions): Promise<StaticServer> {
  const base = resolve(root);
  if (!existsSync(base)) throw new Error(`${base} does not exist: run "npm run build" first`);
  const headersPath = join(base, '_headers');
  const rules: HeaderRule[] = existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [];

  const server = createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end('Bad request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = resolve(base, `.${normalize(pathname)}`);
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end('Forbidden');
      return;
    }
    let target = file;
    let status = 200;
    const stat = existsSync(target) ? statSync(target) : undefined;
    if (stat?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${pathname}/` }).end();
        return;
      }
      target = join(target, 'index.html');
    }
    if (!existsSync(target) || !statSync(target).isFile()) {
      status = 404;
      target = join(base, '404.html');
      if (!existsSync(target)) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
    }
    const headers: Record<string, string> = {
      'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream',
      ...headersForPath(rules, pathname),
    };
    res.writeHead(status, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(target).pipe(res);
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolvePromise({
        url: `http://${host}:${actualPort}`,
        port: actualPort,
        server,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
