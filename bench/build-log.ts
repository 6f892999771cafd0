/**
 * Reads the phases of an `astro build` from its log: the content sync, the Vite build of the
 * entry points, page generation split by kind of route (the "(+N ms)" Astro prints for each
 * file, summed by the first part of its path), and the integrations that report their own time
 * (share images, search index, redirect pages, deploy files). Precompression overlaps the search
 * index and the redirect pages; "after Astro, all steps" is their wall time together.
 */

export interface BuildPhases {
  /** Seconds by phase, in build order. */
  phases: Record<string, number>;
  /** Seconds spent generating routes, by kind (first path segment), largest first. */
  routes: [string, { files: number; seconds: number }][];
}

const clock = (line: string): number | undefined => {
  const m = /^(\d\d):(\d\d):(\d\d)/.exec(line);
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : undefined;
};

/** "8m 33s", "12.29s", "512ms" in seconds. */
export function duration(text: string): number {
  let seconds = 0;
  for (const [, value, unit] of text.matchAll(/([\d.]+)\s*(m|s|ms)\b/g)) seconds += Number(value) * (unit === 'm' ? 60 : unit === 'ms' ? 0.001 : 1);
  return seconds;
}

/** The route kind of a generated file: /terms/x/index.html -> "terms", /index.html -> "(top)". */
export function routeKind(path: string): string {
  const parts = path.split('/').filter(Boolean);
  return parts.length > 1 ? parts[0]! : '(top)';
}

export function buildPhases(log: string): BuildPhases {
  const lines = log.split('\n');
  const phases: Record<string, number> = {};
  const at = (pattern: RegExp) => lines.find((l) => pattern.test(l));
  const between = (from: RegExp, to: RegExp) => {
    const a = at(from);
    const b = at(to);
    const x = a === undefined ? undefined : clock(a);
    const y = b === undefined ? undefined : clock(b);
    return x !== undefined && y !== undefined ? y - x : undefined;
  };
  const content = between(/\[content\] Syncing content/, /\[content\] Synced content/);
  if (content !== undefined) phases['content sync'] = content;
  const completions = lines.filter((l) => /✓ Completed in/.test(l)).map((l) => duration(l.split('Completed in')[1]!));
  // Astro prints "Completed in" after collecting build info (config, content, types), after
  // generating the routes, and for the static build as a whole (the Vite bundle, then the routes).
  if (completions.length >= 3) {
    phases['config, content, types'] = completions[0]!;
    phases['bundle (Vite)'] = Math.max(0, completions[2]! - completions[1]!);
    phases['routes'] = completions[1]!;
  }
  const reported: [string, RegExp][] = [
    ['JSON files from the bundle', /\[file-bundles\].* in (\d+) ms/],
    ['share images (parallel)', /\[share-images\].* in (\d+) ms on/],
    ['search index', /\[search-index\].*in (\d+) ms/],
    ['redirect pages', /\[alias-redirects\].*in (\d+) ms/],
    ['deploy files', /\[deploy-files\] wrote .* in (\d+) ms/],
    ['precompress', /\[deploy-files\] precompressed .* in (\d+) ms/],
  ];
  for (const [name, pattern] of reported) {
    const m = lines.map((l) => pattern.exec(l)).find(Boolean);
    if (m) phases[name] = Number(m[1]) / 1000;
  }
  // Precompression starts when Astro is done and runs alongside the search index and the redirect
  // pages: the steps after Astro, as a whole, took this long.
  const after = lines.map((l) => /\[build\] search index, redirect pages and deploy files in ([\d.]+) s/.exec(l)).find(Boolean);
  if (after) phases['after Astro, all steps'] = Number(after[1]);
  const routes = new Map<string, { files: number; seconds: number }>();
  for (const line of lines) {
    const m = /[├└]─ (\/\S*) \(\+(\d+)ms\)/.exec(line);
    if (!m) continue;
    const kind = routeKind(m[1]!);
    const entry = routes.get(kind) ?? { files: 0, seconds: 0 };
    entry.files += 1;
    entry.seconds += Number(m[2]) / 1000;
    routes.set(kind, entry);
  }
  return { phases, routes: [...routes].sort((a, b) => b[1].seconds - a[1].seconds) };
}
