/**
 * The local static server (scripts/static-server.ts) attacked as a hostile visitor would:
 * regression tests for issue 18, defects 1-5, and the server half of defect 13. The server
 * runs in a child process on a small temporary site (test/support/server-process.ts), so a
 * request that ends the process, or leaks descriptors, is seen as such.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { headersForPath, parseHeadersFile } from '../../src/lib/headers-file.ts';
import { abortedDownload, eventually, fetchRaw, HEADERS_FILE, makeSiteFixture, SECRET, SECURITY_HEADERS, spawnServer, type Reply, type ServerProcess, type SiteFixture } from '../support/server-process.ts';

const BIG = 16 * 1024 * 1024;
let site: SiteFixture;
let server: ServerProcess;

beforeAll(async () => {
  site = makeSiteFixture({ bigFileBytes: BIG });
  server = await spawnServer(site.root);
});
afterAll(async () => {
  await server?.stop();
  site?.cleanup();
});

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => fetchRaw(server.url, path, { method, headers });
const expectSecurityHeaders = (reply: Reply, what: string) => {
  for (const name of SECURITY_HEADERS) expect(reply.headers[name], `${name} on ${what} (${reply.status})`).toBeTruthy();
  expect(reply.headers['x-content-type-options'], what).toBe('nosniff');
};
const rules = parseHeadersFile(HEADERS_FILE);
const expected = (path: string) => Object.fromEntries(Object.entries(headersForPath(rules, path)).map(([k, v]) => [k.toLowerCase(), v]));

describe('1. a request cannot end the process', () => {
  it.each(['/%0a/..%2fterms', '/%0d%0a/..%2fterms', '/%C4%80/..%2fterms', '/%0d%0a', '/terms/%0d%0a/..'])('%s answers, and the server lives on', async (path) => {
    const reply = await get(path);
    expect([301, 404]).toContain(reply.status);
    if (reply.status === 301) expect(reply.headers.location).toBe('/terms/');
    expectSecurityHeaders(reply, path);
    expect((await get('/terms/')).status).toBe(200);
    expect(server.alive()).toBe(true);
  });

  it('percent-encodes what it echoes into Location', async () => {
    const reply = await get('/caf%C3%A9');
    expect(reply.status).toBe(301);
    expect(reply.headers.location).toBe('/caf%C3%A9/');
    expect((await get('/a%20b')).headers.location).toBe('/a%20b/');
  });

  it('answers bad percent-encoding and a NUL byte with 400 and the headers', async () => {
    for (const path of ['/%', '/%zz', '/terms/%E0%A4%A', '/%C0%AE%C0%AE/', '/%00', '/index.html%00.txt']) {
      const reply = await get(path);
      expect(reply.status, path).toBe(400);
      expectSecurityHeaders(reply, path);
    }
    expect(server.alive()).toBe(true);
  });

  it('answers what the HTTP parser refuses with 400 and the headers, and lives on', async () => {
    const raw = await new Promise<string>((done, fail) => {
      const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('latin1')));
      socket.on('end', () => done(text));
      socket.on('error', fail);
      socket.write(Buffer.from('GET /a\rb HTTP/1.1\r\nHost: x\r\n\r\n', 'latin1'));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw.toLowerCase()).toContain('x-content-type-options: nosniff');
    expect(raw.toLowerCase()).toContain('content-security-policy:');
    expect(server.alive()).toBe(true);
  });
});

describe('2. descriptors and stream errors', () => {
  it('closes the file of every aborted download (120 aborts, descriptors back to the baseline)', async () => {
    expect((await get('/big.bin', {}, 'HEAD')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    const baseline = server.fds();
    const port = Number(new URL(server.url).port);
    const abortOnce = () => abortedDownload(port);
    for (let round = 0; round < 12; round++) await Promise.all(Array.from({ length: 10 }, abortOnce));
    const during = server.fds();
    const back = await eventually(() => server.fds() <= baseline, 5000);
    expect(back, `descriptors: baseline ${baseline}, right after the aborts ${during}, now ${server.fds()}`).toBe(true);
    expect(server.alive()).toBe(true);
    expect((await get('/big.bin', {}, 'HEAD')).status).toBe(200);
  });

  it('answers 404 when a file is removed between its look-up and its read, and lives on', async () => {
    const vanishing = await spawnServer(site.root, 'test/support/serve-vanishing.ts');
    try {
      for (let i = 0; i < 5; i++) {
        writeFileSync(join(site.root, `vanishing-${i}.html`), '<p>soon gone</p>');
        const reply = await fetchRaw(vanishing.url, `/vanishing-${i}.html`);
        expect(reply.status).toBe(404);
        expect(reply.body.toString()).toContain('Page not found');
        expectSecurityHeaders(reply, 'vanishing file');
        expect(vanishing.alive(), vanishing.output()).toBe(true);
      }
      expect((await fetchRaw(vanishing.url, '/')).status).toBe(200);
    } finally {
      await vanishing.stop();
    }
  });
});

describe('3. no open redirect', () => {
  it.each([
    ['/%2f%2fevil.example%2f..%2f..%2fterms', '/terms/'],
    ['//evil.example/../../terms', '/terms/'],
    ['/%2F%2F%2Fevil.example%2F..%2F..%2Fterms?next=1', '/terms/?next=1'],
    ['/%5Cevil.example', '/%5Cevil.example/'],
    ['/%5cevil.example?x', '/%5Cevil.example/?x'],
  ])('%s redirects on this origin, to %s', async (path, location) => {
    const reply = await get(path);
    expect(reply.status).toBe(301);
    expect(reply.headers.location).toBe(location);
    const target = new URL(reply.headers.location!, server.url);
    expect(target.origin).toBe(server.url);
    expect(reply.headers.location).not.toMatch(/^(\/\/|\/\\|\\)/);
    expectSecurityHeaders(reply, path);
  });
});

describe('4. the headers follow the file that is served', () => {
  it('serves /embed/..%2fcalculator/ as the calculator, with the calculator headers (not frameable)', async () => {
    const reply = await get('/embed/..%2fcalculator/');
    expect(reply.status).toBe(200);
    expect(reply.body.toString()).toContain('<h1>Calculator</h1>');
    expect(reply.headers['x-frame-options']).toBe('DENY');
    expect(reply.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(reply.headers['content-security-policy']).not.toContain('frame-ancestors *');
    expect(reply.headers['content-security-policy']).toBe(expected('/calculator/')['content-security-policy']);
  });

  it.each(['/embed/%2e%2e/calculator/', '/embed//..//calculator/', '/embed/outsourcing/../../calculator/'])('%s too', async (path) => {
    const reply = await get(path);
    expect(reply.status).toBe(200);
    expect(reply.headers['x-frame-options']).toBe('DENY');
  });

  it('still lets the embed views be framed', async () => {
    const reply = await get('/embed/outsourcing/');
    expect(reply.status).toBe(200);
    expect(reply.headers['x-frame-options']).toBeUndefined();
    expect(reply.headers['content-security-policy']).toContain('frame-ancestors *');
  });

  it.skipIf(!existsSync(resolve('dist/index.html')))('on the built site as well', async () => {
    const real = await spawnServer(resolve('dist'));
    try {
      const reply = await fetchRaw(real.url, '/embed/..%2fcalculator/');
      expect(reply.status).toBe(200);
      expect(reply.body.toString()).toContain('calculator');
      expect(reply.headers['x-frame-options']).toBe('DENY');
      expect(reply.headers['content-security-policy']).not.toContain('frame-ancestors *');
    } finally {
      await real.stop();
    }
  });
});

describe('5. symlinks, dotfiles, the slash redirect, headers on every status, ranges and conditional requests', () => {
  it.each(['/passwd', '/leak.txt', '/relative-leak.txt', '/outside/secret.html', '/outside/', '/outside'])('does not follow the symlink out of the root at %s', async (path) => {
    const reply = await get(path);
    expect(reply.status).toBe(404);
    expect(reply.body.toString()).not.toContain(SECRET);
    expect(reply.body.toString()).not.toMatch(/root:.*:0:0:/);
    expectSecurityHeaders(reply, path);
  });

  it('follows a symlink that stays inside the root', async () => {
    const reply = await get('/home-link.html');
    expect(reply.status).toBe(200);
    expect(reply.body.toString()).toContain('<h1>Home</h1>');
  });

  it.each(['/.env', '/_headers', '/_redirects', '/.git/config', '/.git/', '/terms/.hidden/', '/%2eenv', '/terms/..%2f.env', '/%2e%65nv'])('refuses %s with a 404', async (path) => {
    const reply = await get(path);
    expect(reply.status).toBe(404);
    expect(reply.body.toString()).not.toContain(SECRET);
    expectSecurityHeaders(reply, path);
  });

  it('keeps the query string on the add-a-slash redirect', async () => {
    const reply = await get('/terms?utm_source=x&q=a%20b');
    expect(reply.status).toBe(301);
    expect(reply.headers.location).toBe('/terms/?utm_source=x&q=a%20b');
    expect((await get('/terms/outsourcing?x=%0d%0a')).headers.location).toBe('/terms/outsourcing/?x=%0d%0a');
  });

  it('sends the security headers with 200, 206, 301, 304, 400, 404, 405 and 416', async () => {
    const etag = (await get('/terms/outsourcing/')).headers.etag!;
    const cases: [string, Promise<Reply>][] = [
      ['200', get('/terms/outsourcing/')],
      ['206', get('/terms/outsourcing/', { range: 'bytes=0-9' })],
      ['301', get('/terms')],
      ['304', get('/terms/outsourcing/', { 'if-none-match': etag })],
      ['400', get('/%')],
      ['404', get('/no-such-page/')],
      ['405', get('/terms/outsourcing/', {}, 'POST')],
      ['416', get('/terms/outsourcing/', { range: 'bytes=999999-' })],
    ];
    for (const [status, pending] of cases) {
      const reply = await pending;
      expect(String(reply.status)).toBe(status);
      expectSecurityHeaders(reply, `the ${status}`);
      for (const [name, value] of Object.entries(expected('/terms/outsourcing/'))) {
        if (status === '400') continue;
        expect(reply.headers[name], `${name} on the ${status}`).toBe(value);
      }
    }
  });

  it('answers a Range with 206 and Content-Range, an impossible one with 416', async () => {
    const whole = (await get('/terms/outsourcing/')).body;
    const part = await get('/terms/outsourcing/', { range: 'bytes=5-14' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 5-14/${whole.length}`);
    expect(part.body.equals(whole.subarray(5, 15))).toBe(true);
    expect(part.headers['accept-ranges']).toBe('bytes');
    const big = await get('/big.bin', { range: 'bytes=-100' });
    expect(big.status).toBe(206);
    expect(big.headers['content-range']).toBe(`bytes ${BIG - 100}-${BIG - 1}/${BIG}`);
    expect(big.body.length).toBe(100);
    const none = await get('/terms/outsourcing/', { range: `bytes=${whole.length + 10}-` });
    expect(none.status).toBe(416);
    expect(none.headers['content-range']).toBe(`bytes */${whole.length}`);
  });

  it('answers If-None-Match and If-Modified-Since with 304', async () => {
    const first = await get('/terms/outsourcing/');
    expect(first.headers.etag).toBeTruthy();
    expect(first.headers['last-modified']).toBeTruthy();
    const byTag = await get('/terms/outsourcing/', { 'if-none-match': first.headers.etag! });
    expect(byTag.status).toBe(304);
    expect(byTag.body.length).toBe(0);
    const byDate = await get('/terms/outsourcing/', { 'if-modified-since': first.headers['last-modified']! });
    expect(byDate.status).toBe(304);
    expect((await get('/terms/outsourcing/', { 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('answers HEAD like GET without a body, and other methods with 405 and Allow', async () => {
    const head = await get('/terms/outsourcing/', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    const post = await get('/terms/outsourcing/', {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });
});

describe('13. a 404 under /embed/* is the 404 page with its own headers', () => {
  it('sends the 404 page with the headers of /404.html, not the embed policy that blocks its scripts', async () => {
    const reply = await get('/embed/no-such-term/');
    expect(reply.status).toBe(404);
    expect(reply.body.toString()).toContain('Page not found');
    expect(reply.headers['content-security-policy']).toBe(expected('/404.html')['content-security-policy']);
    expect(reply.headers['content-security-policy']).not.toContain("default-src 'none'");
    expectSecurityHeaders(reply, '/embed/ 404');
  });

  it('does not mark a 404 under /_astro/ as cacheable for a year', async () => {
    const reply = await get('/_astro/missing.abc.js');
    expect(reply.status).toBe(404);
    expect(reply.headers['cache-control']).not.toContain('immutable');
  });
});
