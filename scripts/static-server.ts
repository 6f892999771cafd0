/**
 * A small static file server for the built site: directory indexes, the 404 page, and the
 * headers from `_headers`, as a static host would apply them. Used by `npm run serve` and by
 * the browser tests.
 *
 * The file transfer itself (ranges, ETag and Last-Modified with conditional requests, closing
 * the file when the client leaves or the read fails) is done by `send`, the library behind
 * Express's static middleware. Our own code only decides WHICH file answers a request and
 * which `_headers` rules apply:
 *  - the request path is percent-decoded once and normalized (`.`, `..` and `//` resolved,
 *    never above the root); that one normalized path picks the file AND the header rules;
 *  - a path with a segment starting with "." (`/.env`, `/.git/`) and the host's own files
 *    (`/_headers`, `/_redirects`, `/nginx.conf`) are 404;
 *  - a path listed in `_redirects` (or the same without its trailing slash) answers with that
 *    redirect, the query string kept, as nginx does with dist/nginx.conf;
 *  - a file with a precompressed sibling (`FILE.br`, `FILE.gz`, written by the build) is sent
 *    as that sibling when the request accepts the encoding, with Content-Encoding, and with
 *    `Vary: Accept-Encoding` either way, as nginx's gzip_static does;
 *  - the file's real path (symlinks resolved) must be inside the root's real path, else 404;
 *  - a directory without its trailing slash is a 301 to the same path with the slash and the
 *    same query string, every byte of the Location percent-encoded as needed, always starting
 *    with a single "/" (never `//host` or `/\host`);
 *  - every response (200, 206, 301, 304, 400, 404, 405, 416, 500, and the parser's own 400s)
 *    carries the headers of its rules;
 *  - nothing throws outside a handler: a failing request answers 500 or closes its socket.
 */
import { createServer, STATUS_CODES, validateHeaderName, validateHeaderValue, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, posix, relative, resolve, sep } from 'node:path';
import send from 'send';
import { headersForPath, parseHeadersFile, type HeaderRule } from '../src/lib/headers-file.ts';
import { acceptedEncodings, contentTypeFor, parseRedirectsFile, redirectMatcher, type Redirect } from '../src/lib/deploy/index.ts';

/** Files a static host reads as configuration and never serves. */
const HOST_FILES = new Set(['/_headers', '/_redirects', '/nginx.conf']);

/**
 * The site's 404 page. A 404 response carries the header rules of this path, not those of the
 * address asked for: the body is this page, so it needs this page's Content-Security-Policy.
 * With the requested address's rules, a 404 under /embed/* got the embed views' policy
 * (`default-src 'none'` and two script hashes), which blocks the 404 page's own scripts, font
 * and search form. Loosening the embed policy to allow what the 404 page needs would have
 * weakened every embed view for the sake of one error page; answering with the 404 page's
 * rules keeps both policies tight. A side effect that is wanted too: a 404 under /_astro/*
 * is not sent with the year-long immutable Cache-Control meant for fingerprinted files.
 * (Netlify and Cloudflare Pages apply `_headers` by request URL, see public/_headers.)
 */
export const NOT_FOUND_PAGE = '/404.html';

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

export type RequestTarget = { ok: true; path: string; query: string } | { ok: false };

/**
 * Splits a request target into its normalized, decoded path and its raw query string ("" or
 * "?..."). Not ok for anything but an origin-form target ("/..."), for bad percent-encoding
 * and for a NUL byte.
 */
export function parseRequestTarget(url: string): RequestTarget {
  if (!url.startsWith('/')) return { ok: false };
  const mark = url.indexOf('?');
  const rawPath = mark === -1 ? url : url.slice(0, mark);
  const query = mark === -1 ? '' : url.slice(mark);
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false };
  }
  if (decoded.includes('\0')) return { ok: false };
  // posix.normalize resolves "." and "..", never above "/", and collapses repeated slashes
  // (so the result never starts with "//"); it keeps a trailing slash.
  return { ok: true, path: posix.normalize(decoded), query };
}

/** Percent-encodes every character outside printable ASCII (a query string is otherwise kept as sent). */
function encodeQuery(query: string): string {
  return query.replace(/[^\x21-\x7e]/gu, (char) => {
    const bytes = Buffer.from(char, char.codePointAt(0)! <= 0xff ? 'latin1' : 'utf8');
    return [...bytes].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  });
}

/**
 * The Location for "add the trailing slash": the normalized path, each segment percent-encoded
 * (so no CR, LF, backslash or character above U+00FF can reach the header, and the value
 * always starts with "/" followed by a character that is not "/" or "\"), and the query.
 */
export function slashRedirectLocation(path: string, query: string): string {
  const segments = path.split('/').filter(Boolean).map((segment) => encodeURIComponent(segment));
  return `${segments.length ? `/${segments.join('/')}/` : '/'}${encodeQuery(query)}`;
}

/** True for `/.env`, `/a/.git/config`, `/_headers`: paths that are never served. */
export function isHiddenPath(path: string): boolean {
  return HOST_FILES.has(path) || path.split('/').some((segment) => segment.startsWith('.'));
}

function loadRedirects(base: string): Redirect[] {
  const path = join(base, '_redirects');
  return existsSync(path) ? parseRedirectsFile(readFileSync(path, 'utf8')) : [];
}

/** Encodings the build stores beside a file, preferred first. */
const ENCODINGS = [
  ['br', '.br'],
  ['gzip', '.gz'],
] as const;

function loadRules(base: string): HeaderRule[] {
  const headersPath = join(base, '_headers');
  const rules = existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [];
  // Checked once here, so that setting them on a response can never throw later.
  for (const rule of rules) {
    for (const [name, value] of rule.set) {
      try {
        validateHeaderName(name);
        validateHeaderValue(name, value);
      } catch (error) {
        throw new Error(`${headersPath}: invalid header for ${rule.pattern}: ${(error as Error).message}`);
      }
    }
  }
  return rules;
}

const noop = () => {};

export function startStaticServer({ root, host = '127.0.0.1', port = 0 }: StaticServerOptions): Promise<StaticServer> {
  const base = resolve(root);
  if (!existsSync(base)) throw new Error(`${base} does not exist: run "npm run build" first`);
  const realRoot = realpathSync(base);
  const rules = loadRules(base);
  const redirectFor = redirectMatcher(loadRedirects(base));
  const headerCache = new Map<string, Record<string, string>>();
  const headersFor = (path: string) => {
    let headers = headerCache.get(path);
    if (!headers) {
      headers = headersForPath(rules, path);
      if (headerCache.size > 1000) headerCache.clear();
      headerCache.set(path, headers);
    }
    return headers;
  };

  const inside = (real: string) => real === realRoot || real.startsWith(realRoot + sep);

  /** The real path of an existing regular file inside the root, else undefined. */
  async function regularFile(file: string): Promise<string | undefined> {
    try {
      const real = await realpath(file);
      if (!inside(real) || isHiddenPath(`/${relative(realRoot, real).split(sep).join('/')}`)) return undefined;
      return (await stat(real)).isFile() ? real : undefined;
    } catch {
      return undefined;
    }
  }

  type Found = { kind: 'file'; file: string } | { kind: 'directory' } | { kind: 'missing' };
  async function locate(path: string): Promise<Found> {
    if (isHiddenPath(path)) return { kind: 'missing' };
    let real: string;
    let isDirectory: boolean;
    try {
      real = await realpath(join(realRoot, path));
      if (!inside(real)) return { kind: 'missing' };
      isDirectory = (await stat(real)).isDirectory();
    } catch {
      return { kind: 'missing' };
    }
    if (isDirectory) {
      if (!path.endsWith('/')) return { kind: 'directory' };
      const index = await regularFile(join(real, 'index.html'));
      return index ? { kind: 'file', file: index } : { kind: 'missing' };
    }
    if (path.endsWith('/')) return { kind: 'missing' };
    const file = await regularFile(real);
    return file ? { kind: 'file', file } : { kind: 'missing' };
  }

  /** Replaces whatever the response holds with a complete answer: status, the rules' headers, a body. */
  function respond(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    headerPath: string,
    extra: Record<string, string> = {},
    body: string | Buffer = `${status} ${STATUS_CODES[status] ?? ''}\n`,
    type = 'text/plain; charset=utf-8',
  ) {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    for (const name of res.getHeaderNames()) res.removeHeader(name);
    res.statusCode = status;
    for (const [name, value] of Object.entries({ ...headersFor(headerPath), ...extra })) res.setHeader(name, value);
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Length', Buffer.byteLength(body));
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function notFound(req: IncomingMessage, res: ServerResponse) {
    // Read whole on every 404 (it is small): no descriptor stays open, and a rebuild is seen.
    const page = await regularFile(join(realRoot, '404.html'));
    const body = page ? await readFile(page).catch(() => undefined) : undefined;
    if (body) respond(req, res, 404, NOT_FOUND_PAGE, {}, body, contentTypeFor('.html'));
    else respond(req, res, 404, NOT_FOUND_PAGE, {}, 'Not found\n');
  }

  /** The precompressed sibling to send instead of `file`, and whether it has any (for Vary). */
  async function encodedVariant(req: IncomingMessage, file: string): Promise<{ vary: boolean; sent?: { file: string; encoding: string } }> {
    const accepted = acceptedEncodings(req.headers['accept-encoding'], ENCODINGS.map(([name]) => name));
    let vary = false;
    for (const [encoding, suffix] of ENCODINGS) {
      const sibling = await regularFile(file + suffix);
      if (!sibling) continue;
      vary = true;
      if (accepted.includes(encoding)) return { vary, sent: { file: sibling, encoding } };
    }
    return { vary };
  }

  async function transfer(req: IncomingMessage, res: ServerResponse, original: string, headerPath: string) {
    const variant = await encodedVariant(req, original);
    const file = variant.sent?.file ?? original;
    const relativeUrl = `/${relative(realRoot, file).split(sep).map(encodeURIComponent).join('/')}`;
    const stream = send(req, relativeUrl, {
      root: realRoot,
      dotfiles: 'ignore',
      index: false,
      cacheControl: false,
      etag: true,
      lastModified: true,
      acceptRanges: true,
    });
    // send calls these from its own fs callbacks, outside handle()'s promise: each one
    // catches its own failures, so that none can reach the process.
    const guarded =
      <A extends unknown[]>(listener: (...args: A) => void) =>
      (...args: A) => {
        try {
          listener(...args);
        } catch (error) {
          fail(req, res, error);
        }
      };
    stream.on(
      'headers',
      guarded((response: ServerResponse) => {
        for (const [name, value] of Object.entries(headersFor(headerPath))) response.setHeader(name, value);
        response.setHeader('Content-Type', contentTypeFor(extname(original)));
        if (variant.vary) response.setHeader('Vary', 'Accept-Encoding');
        if (variant.sent) response.setHeader('Content-Encoding', variant.sent.encoding);
      }),
    );
    // With a listener, send hands every failure to us instead of writing its own page: a
    // range it cannot satisfy, a failed precondition, the file gone between look-up and open
    // (a rebuild), a read error. Once bytes are out, the only honest answer is to cut the
    // connection; send has already closed the file.
    stream.on(
      'error',
      guarded((error: { status?: number; statusCode?: number; headers?: Record<string, string> }) => {
        const status = error.status ?? error.statusCode ?? 500;
        if (res.headersSent) return void res.destroy();
        if (status === 404) return void notFound(req, res).catch((error: unknown) => fail(req, res, error));
        if (status === 416) return respond(req, res, 416, headerPath, { 'Content-Range': String(error.headers?.['Content-Range'] ?? '') });
        respond(req, res, status >= 400 && status < 600 ? status : 500, headerPath);
      }),
    );
    // The file turned into a directory since it was looked up (a rebuild): not found.
    stream.on('directory', guarded(() => void notFound(req, res).catch((error: unknown) => fail(req, res, error))));
    stream.pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const target = parseRequestTarget(req.url ?? '');
    if (!target.ok) return respond(req, res, 400, '/');
    const { path, query } = target;
    if (req.method !== 'GET' && req.method !== 'HEAD') return respond(req, res, 405, path, { Allow: 'GET, HEAD' });
    const redirect = redirectFor(path);
    if (redirect) {
      const location = `${redirect.to}${encodeQuery(query)}`;
      return respond(req, res, redirect.status, path, { Location: location }, `Moved to ${location}\n`);
    }
    const found = await locate(path);
    if (found.kind === 'directory') {
      const location = slashRedirectLocation(path, query);
      return respond(req, res, 301, path, { Location: location }, `Moved to ${location}\n`);
    }
    if (found.kind === 'missing') return notFound(req, res);
    await transfer(req, res, found.file, path);
  }

  /** The last resort: a 500 with the headers, or a cut connection; the cause goes to stderr. */
  function fail(req: IncomingMessage, res: ServerResponse, error?: unknown) {
    console.error(`static server: ${JSON.stringify(req.url)}: ${error instanceof Error ? error.message : String(error)}`);
    try {
      respond(req, res, 500, '/');
    } catch {
      res.destroy();
    }
  }

  const server = createServer((req, res) => {
    // A client that leaves mid-request or mid-response is not an error of ours.
    req.on('error', noop);
    res.on('error', noop);
    handle(req, res).catch((error: unknown) => fail(req, res, error));
  });

  // Requests Node's parser refuses (bad bytes in the target, oversized headers...): answer
  // with the site-wide headers too, then close. Never rethrow.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    try {
      if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
      const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
      // No body: the method of a request the parser refused is not known, and a body after
      // the answer to a HEAD would be read by the client as garbage.
      const lines = Object.entries({ ...headersFor('/'), 'Content-Length': '0', Connection: 'close' })
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('');
      socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${lines}\r\n`);
    } catch {
      socket.destroy();
    }
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      // After start-up, an error on the listening socket (EMFILE on accept...) must not end
      // the process: the server keeps accepting once descriptors are free again.
      server.on('error', (error) => console.error(`static server: ${error.message}`));
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolvePromise({
        url: `http://${host}:${actualPort}`,
        port: actualPort,
        server,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeIdleConnections();
          }),
      });
    });
  });
}
