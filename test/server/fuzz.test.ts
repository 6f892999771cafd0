/**
 * Fuzzing the local static server (issue 18): 10,000 random and mutated request targets
 * (percent-encoded bytes, overlong UTF-8, dots, slashes and backslashes, unicode, CR/LF and
 * other raw bytes, overlong paths, odd methods and ranges), 20 at a time, against a server in
 * a child process on a small temporary site whose root has traps planted in and next to it
 * (test/support/server-process.ts). Then 2,000 more on the real dist/ when it is built.
 * For every answer: a known status, the security headers from `_headers`, a Location only
 * on this origin, no byte of a file outside the root or of a dotfile, and nothing frameable
 * but an embed view. At the end the process is alive and its descriptors are back to the
 * baseline. Seeded: a failure names the target, and reruns the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { builtPages } from '../support/dist.ts';
import { eventually, makeSiteFixture, SECRET, SECURITY_HEADERS, spawnServer, type ServerProcess, type SiteFixture } from '../support/server-process.ts';

const SEED = 18;
const CONCURRENCY = 20;
const STATUSES = new Set([200, 206, 301, 304, 400, 404, 405, 416, 431]);

// ------------------------------------------------------------------ generating targets

const PIECES = [
  '.', '..', '...', '%2e', '%2E%2e', '.%2e', '%2e.', '%252e%252e', '%c0%ae', '%c0%ae%c0%ae', '%e0%80%ae', '%c0%af', '%e0%80%af',
  '%2f', '%2F', '%252f', '%5c', '%5C', '\\', '%00', '%0a', '%0d', '%0d%0a', '%09', '%20', '%C4%80', '%E2%80%AE', '%EF%BB%BF',
  '%F0%9F%98%80', '%ff', '%fe%ff', '%', '%g1', '%2', '%%', '?', '??', '#', ';', ',', '@', ':', '~', '*',
  'terms', 'outsourcing', 'embed', 'calculator', 'index.html', '404.html', '_astro', 'app.abc123.js', 'api', 'terms.json',
  'robots.txt', 'café', 'caf%C3%A9', 'a%20b', '%5Cevil.example', 'evil.example', '.env', '%2eenv', '_headers', '_redirects',
  '.git', 'config', '.hidden', 'passwd', 'leak.txt', 'relative-leak.txt', 'outside', 'secret.html', 'secret.txt', 'home-link.html',
  'é', 'ü', 'Ā', '😀', '\u202e', '\u0000', '\r', '\n', '\r\n', ' ', '\t', '\u00ff', '\u0085',
];
const SEPARATORS = ['/', '/', '/', '//', '%2f', '%2F', '\\', '%5c', '/./', '/../', ''];
const KNOWN = [
  '/', '/terms', '/terms/', '/terms/outsourcing/', '/embed/outsourcing/', '/calculator/', '/café/', '/a%20b/', '/_astro/app.abc123.js',
  '/api/terms.json', '/robots.txt', '/404.html', '/index.html', '/home-link.html', '/embed/..%2fcalculator/', '/%2f%2fevil.example%2f..%2f..%2fterms',
  '/%0a/..%2fterms', '/passwd', '/leak.txt', '/outside/secret.html', '/.env', '/_headers', '/terms?x=1',
];

const hexByte = (b: number) => `%${b.toString(16).padStart(2, '0')}`;
const segment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 2, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 4 }).map((bytes) => [...bytes].map(hexByte).join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('.', '/', '%', '2', 'e', 'f', '5', 'c', '\\'), maxLength: 10 }) },
);
const randomPath = fc
  .tuple(fc.array(fc.tuple(fc.constantFrom(...SEPARATORS), segment), { maxLength: 8 }), fc.constantFrom('', '', '/', '?q=1', '?a=%0d%0a', '?x=/\\evil.example', '#frag'))
  .map(([parts, tail]) => `/${parts.map(([sep, seg]) => sep + seg).join('')}${tail}`);

type Mutation = { at: number; op: 'insert' | 'delete' | 'encode' | 'double' | 'case' | 'repeat'; piece: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('insert', 'delete', 'encode', 'double', 'case', 'repeat'),
  piece: fc.oneof(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)),
});
function mutate(base: string, mutations: Mutation[]): string {
  let s = base;
  for (const { at, op, piece } of mutations) {
    const i = s.length ? at % (s.length + 1) : 0;
    if (op === 'insert') s = s.slice(0, i) + piece + s.slice(i);
    else if (op === 'delete') s = s.slice(0, i) + s.slice(i + 1 + (at % 4));
    else if (op === 'encode' && i < s.length) s = s.slice(0, i) + [...Buffer.from(s[i]!, 'utf8')].map(hexByte).join('') + s.slice(i + 1);
    else if (op === 'double') s = s.replaceAll('%', '%25');
    else if (op === 'case') s = s.replace(/%[0-9a-f]{2}/gi, (m) => (at % 2 ? m.toUpperCase() : m.toLowerCase()));
    else if (op === 'repeat') s = s.slice(0, i) + piece.repeat(2 + (at % 50)) + s.slice(i);
  }
  return s.startsWith('/') ? s : `/${s}`;
}
const mutatedFrom = (known: string[]) =>
  fc.tuple(fc.constantFrom(...known), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([base, ms]) => mutate(base, ms));
const overlong = fc
  .tuple(fc.constantFrom('a', '../', '%2e%2e%2f', '%c0%ae', 'é/', '%2f', '//', 'terms/'), fc.integer({ min: 200, max: 6000 }))
  .map(([piece, n]) => `/${piece.repeat(Math.ceil(n / piece.length))}`);
const oddTarget = fc.constantFrom('*', 'http://evil.example/terms', '//evil.example/', 'evil.example', '', ' /', '/\u0000', '/ HTTP/1.1\r\nX: y');

const requestArb = (known: string[]) =>
  fc.record({
    target: fc.oneof(
      { weight: 10, arbitrary: randomPath },
      { weight: 8, arbitrary: mutatedFrom(known) },
      { weight: 1, arbitrary: overlong },
      { weight: 1, arbitrary: oddTarget },
    ),
    method: fc.constantFrom('GET', 'GET', 'GET', 'GET', 'HEAD', 'POST', 'OPTIONS', 'DELETE'),
    headers: fc.constantFrom<Record<string, string>>({}, {}, {}, { range: 'bytes=0-5' }, { range: 'bytes=999999-' }, { range: 'bytes=5-1' }, { 'if-none-match': '*' }, { 'if-modified-since': 'Tue, 01 Jan 2030 00:00:00 GMT' }),
  });

// ------------------------------------------------------------------ sending them

interface Sent {
  target: string;
  method: string;
  headers: Record<string, string>;
}
interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Sendable by http.request: origin-form, bytes 0x21-0xFF only. Anything else goes over a raw socket. */
const clientCanSend = (target: string) => /^\/[\x21-\xff]*$/.test(target);

function viaClient(agent: Agent, port: number, { target, method, headers }: Sent): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path: target, method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const flat: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) flat[name] = Array.isArray(value) ? value.join(', ') : String(value);
        done({ status: res.statusCode!, headers: flat, body: Buffer.concat(chunks) });
      });
      res.on('error', fail);
    });
    req.on('error', fail);
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.end();
  });
}

function viaSocket(port: number, { target, method, headers }: Sent): Promise<Answer> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error('timeout')));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', fail);
    socket.on('close', () => {
      const raw = Buffer.concat(chunks);
      const end = raw.indexOf('\r\n\r\n');
      if (end === -1) return fail(new Error(`no complete answer (${raw.length} bytes)`));
      const [statusLine, ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
      const parsed: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        const name = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        parsed[name] = parsed[name] ? `${parsed[name]}, ${value}` : value;
      }
      done({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine!)?.[1] ?? 0), headers: parsed, body: raw.subarray(end + 4) });
    });
    const extra = Object.entries(headers).map(([n, v]) => `${n}: ${v}\r\n`).join('');
    // write, not end: a client that half-closes may lose its answer (Node's server ends the
    // connection when the client does), which would be the test's fault, not the server's.
    socket.write(Buffer.concat([Buffer.from(`${method} `), Buffer.from(target, 'utf8'), Buffer.from(` HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra}Connection: close\r\n\r\n`)]));
  });
}

interface Check {
  (sent: Sent, answer: Answer): string | undefined;
}

/** Sends every request, CONCURRENCY at a time; returns the problems found (target: what). */
async function fuzz(server: ServerProcess, requests: Sent[], check: Check) {
  const port = Number(new URL(server.url).port);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const problems: string[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  let raw = 0;
  const worker = async () => {
    while (next < requests.length) {
      const sent = requests[next++]!;
      const useClient = clientCanSend(sent.target);
      if (!useClient) raw++;
      try {
        const answer = useClient ? await viaClient(agent, port, sent) : await viaSocket(port, sent);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const problem = check(sent, answer);
        if (problem) problems.push(`${sent.method} ${JSON.stringify(sent.target)} ${JSON.stringify(sent.headers)}: ${problem}`);
      } catch (error) {
        problems.push(`${sent.method} ${JSON.stringify(sent.target)}: ${(error as Error).message}${server.alive() ? '' : ' (server exited)'}`);
      }
      if (!server.alive()) return;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  agent.destroy();
  const tally = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`).join(', ');
  return { problems, raw, tally };
}

/** The checks every answer must pass, whatever was asked. */
function commonProblems(base: string, { status, headers, body }: Answer): string | undefined {
  if (!STATUSES.has(status)) return `status ${status}`;
  for (const name of SECURITY_HEADERS) if (!headers[name]) return `no ${name} on a ${status}`;
  if (headers['x-content-type-options'] !== 'nosniff') return `x-content-type-options ${headers['x-content-type-options']}`;
  const location = headers.location;
  if (location !== undefined) {
    if (status !== 301) return `Location on a ${status}`;
    if (!/^\/[\x21-\x7e]*$/.test(location) || /^\/[/\\]/.test(location)) return `Location ${JSON.stringify(location)}`;
    if (new URL(location, base).origin !== base) return `off-site Location ${location}`;
  } else if (status === 301) return 'a 301 without Location';
  const text = body.toString('latin1');
  if (/root:[^:\n]*:0:0:/.test(text)) return 'served /etc/passwd';
  return undefined;
}

// ------------------------------------------------------------------ the runs

describe('fuzzing the static server', () => {
  let site: SiteFixture;
  let server: ServerProcess;
  beforeAll(async () => {
    site = makeSiteFixture();
    server = await spawnServer(site.root);
  });
  afterAll(async () => {
    await server?.stop();
    site?.cleanup();
  });

  it('answers 10,000 random and mutated targets safely, and lives on', { timeout: 180_000 }, async () => {
    const requests = fc.sample(requestArb(KNOWN), { numRuns: 10_000, seed: SEED });
    await fetch(`${server.url}/`);
    await new Promise((r) => setTimeout(r, 200));
    const baseline = server.fds();
    const started = Date.now();
    const { problems, raw, tally } = await fuzz(server, requests, (sent, answer) => {
      const common = commonProblems(server.url, answer);
      if (common) return common;
      const text = answer.body.toString('utf8');
      if (text.includes(SECRET)) return 'served a secret (a dotfile, _headers, or a file outside the root)';
      if (answer.status === 200 && sent.method === 'GET' && !answer.headers['x-frame-options'] && !text.includes('<h1>Outsourcing card</h1>'))
        return 'frameable answer that is not the embed view';
      return undefined;
    });
    const seconds = (Date.now() - started) / 1000;
    console.log(`fuzz: ${requests.length} requests (${raw} over raw sockets) in ${seconds.toFixed(1)} s, seed ${SEED}; statuses ${tally}; ${problems.length} problems; server ${server.alive() ? 'alive' : 'exited'}`);
    expect(problems.slice(0, 20)).toEqual([]);
    expect(server.alive(), server.output()).toBe(true);
    const back = await eventually(() => server.fds() <= baseline, 5000);
    expect(back, `descriptors: baseline ${baseline}, now ${server.fds()}`).toBe(true);
  });
});

const distRoot = resolve(process.env.OUT_DIR || 'dist');
describe.skipIf(!existsSync(resolve(distRoot, 'index.html')))('fuzzing the static server on the built site', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await spawnServer(distRoot);
  });
  afterAll(async () => server?.stop());

  it('answers 2,000 targets mutated from real addresses safely', { timeout: 120_000 }, async () => {
    const pages = builtPages(distRoot).map((p) => p.path);
    const known = [...pages.filter((_, i) => i % 3 === 0), '/embed/..%2fcalculator/', '/pagefind/pagefind.js', '/embed.js', '/_headers', '/../package.json'];
    const requests = fc.sample(requestArb(known), { numRuns: 2_000, seed: SEED + 1 });
    const { problems, tally } = await fuzz(server, requests, (sent, answer) => {
      const common = commonProblems(server.url, answer);
      if (common) return common;
      const text = answer.body.toString('utf8');
      if (text.includes('"name": "outsourcing-glossary"')) return 'served package.json from outside dist/';
      if (text.includes('# == Security')) return 'served _headers';
      return undefined;
    });
    console.log(`fuzz on dist/: ${requests.length} requests, seed ${SEED + 1}; statuses ${tally}`);
    expect(problems.slice(0, 20)).toEqual([]);
    expect(server.alive(), server.output()).toBe(true);
  });
});
