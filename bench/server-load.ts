/**
 * Load benchmark of the local static server (scripts/static-server.ts); prints figures, never
 * fails on them.
 *
 *   npx node bench/server-load.ts            (the project's Node 24; `node` itself if that is 24)
 *
 *  1. requests per second and latency (p50, p99) for a term page of the built site, over
 *     loopback, with autocannon: DURATION seconds (default 10), CONNECTIONS (default 50);
 *  2. the server's open file descriptors before and after ABORTS (default 1,000) downloads
 *     of a 32 MB file, each cut by the client after its first bytes, 20 at a time, on a
 *     temporary site: they must come back to the baseline.
 * The server runs in its own process (as `npm run serve` does), so the load generator does not
 * share its event loop. Builds the site first when dist/ is missing. PAGE sets the page.
 */
import autocannon from 'autocannon';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { abortedDownload, eventually, makeSiteFixture, spawnServer } from '../test/support/server-process.ts';
import { measure } from './measure.ts';

export interface LoadFigures {
  page: string;
  seconds: number;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export interface AbortFigures {
  aborts: number;
  fileMb: number;
  before: number;
  peak: number;
  after: number;
  backToBaseline: boolean;
  secondsToBaseline: number;
  alive: boolean;
}

/** Requests per second and latency for one page of the built site. */
export async function termPageLoad(root: string, page = '/terms/outsourcing/', seconds = 10, connections = 50): Promise<LoadFigures> {
  const server = await spawnServer(root);
  try {
    const probe = await fetch(server.url + page);
    if (probe.status !== 200) throw new Error(`${page} answered ${probe.status}`);
    await probe.arrayBuffer();
    const result = await autocannon({ url: server.url + page, connections, duration: seconds });
    return {
      page,
      seconds,
      connections,
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      requests: result.requests.total,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
    };
  } finally {
    await server.stop();
  }
}

/** Open descriptors of the server before and after `aborts` cut downloads of a large file. */
export async function abortedDownloads(aborts = 1000, concurrency = 20): Promise<AbortFigures> {
  const fileMb = 32;
  const site = makeSiteFixture({ bigFileBytes: fileMb * 1024 * 1024 });
  const server = await spawnServer(site.root);
  try {
    const port = Number(new URL(server.url).port);
    await (await fetch(`${server.url}/`)).arrayBuffer();
    await new Promise((r) => setTimeout(r, 300));
    const before = server.fds();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, server.fds())), 20);
    const abortOnce = () => abortedDownload(port);
    let started = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (started < aborts) {
          started++;
          await abortOnce();
        }
      }),
    );
    const cut = Date.now();
    const backToBaseline = await eventually(() => server.fds() <= before, 10_000);
    clearInterval(sampler);
    return {
      aborts,
      fileMb,
      before,
      peak,
      after: server.fds(),
      backToBaseline,
      secondsToBaseline: (Date.now() - cut) / 1000,
      alive: server.alive(),
    };
  } finally {
    await server.stop();
    site.cleanup();
  }
}

export function printLoad(load: LoadFigures, aborted: AbortFigures) {
  console.log(`\nStatic server, ${load.page} over loopback (autocannon, ${load.connections} connections, ${load.seconds} s)`);
  console.table([
    {
      'requests/s': Math.round(load.requestsPerSecond),
      'p50 (ms)': load.p50,
      'p99 (ms)': load.p99,
      'max (ms)': load.max,
      requests: load.requests,
      'non-2xx': load.non2xx,
      errors: load.errors,
      timeouts: load.timeouts,
    },
  ]);
  console.log(`Open descriptors of the server around ${aborted.aborts} aborted downloads of a ${aborted.fileMb} MB file (must return to the baseline)`);
  console.table([
    {
      before: aborted.before,
      'peak during': aborted.peak,
      after: aborted.after,
      'back to baseline': aborted.backToBaseline,
      'seconds to baseline': Number(aborted.secondsToBaseline.toFixed(2)),
      'server alive': aborted.alive,
    },
  ]);
}

if (import.meta.main) {
  const root = resolve(process.env.OUT_DIR || 'dist');
  if (!existsSync(join(root, 'index.html'))) {
    console.log('Building the site...');
    const built = await measure('npm', ['run', 'build'], process.env);
    if (built.code !== 0) throw new Error(built.output.slice(-3000));
  }
  const load = await termPageLoad(root, process.env.PAGE, Number(process.env.DURATION ?? 10), Number(process.env.CONNECTIONS ?? 50));
  const aborted = await abortedDownloads(Number(process.env.ABORTS ?? 1000));
  printLoad(load, aborted);
}
