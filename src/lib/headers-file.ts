/**
 * Reads a `_headers` file (the format Netlify and Cloudflare Pages share) and answers which
 * headers apply to a path. Used by the local static server so that what tests see is what a
 * host would send, with one deliberate difference: the server answers a 404 with the rules of
 * the 404 page's own path, not of the address asked for (NOT_FOUND_PAGE in
 * scripts/static-server.ts says why).
 */
export interface HeaderRule {
  pattern: string;
  set: [string, string][];
  /** Cloudflare's `! Name` lines: headers a more specific rule removes. */
  remove: string[];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  let current: HeaderRule | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/\s+$/, '');
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      current = { pattern: line.trim(), set: [], remove: [] };
      rules.push(current);
      return;
    }
    if (!current) throw new Error(`_headers line ${index + 1}: a header line comes before any path`);
    const body = line.trim();
    if (body.startsWith('!')) {
      current.remove.push(body.slice(1).trim().toLowerCase());
      return;
    }
    const colon = body.indexOf(':');
    if (colon <= 0) throw new Error(`_headers line ${index + 1}: expected "Name: value"`);
    current.set.push([body.slice(0, colon).trim(), body.slice(colon + 1).trim()]);
  });
  return rules;
}

function patternToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]\w*/g, '[^/]+'))
    .join('.*');
  // `s`: a splat matches every character, line breaks included. Without it, `/*` missed a
  // path holding a decoded %0A, and such a response went out without the site-wide headers.
  return new RegExp(`^${escaped}$`, 's');
}

export function pathMatches(pattern: string, path: string): boolean {
  return patternToRegExp(pattern).test(path);
}

/** Headers for a path: every matching rule in file order; same-named headers are joined. */
export function headersForPath(rules: HeaderRule[], path: string): Record<string, string> {
  const out = new Map<string, { name: string; values: string[] }>();
  for (const rule of rules) {
    if (!pathMatches(rule.pattern, path)) continue;
    for (const name of rule.remove) out.delete(name);
    for (const [name, value] of rule.set) {
      const key = name.toLowerCase();
      const entry = out.get(key) ?? { name, values: [] };
      entry.values.push(value);
      out.set(key, entry);
    }
  }
  return Object.fromEntries([...out.values()].map(({ name, values }) => [name, values.join(', ')]));
}
