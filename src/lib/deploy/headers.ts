/**
 * From the rules (rules.ts) and the inline scripts of the built pages to complete header
 * sets: which headers a path gets, and the same as a `_headers` file.
 */
import { createHash } from 'node:crypto';
import type { CspDirectives, HeaderRule } from './rules.ts';

/** A rule with its Content-Security-Policy written out (hashes included). */
export interface ResolvedRule {
  pattern: string;
  comment: string;
  set: [string, string][];
  remove: string[];
}

export interface PageScripts {
  /** Site path: /terms/outsourcing/, /404.html */
  path: string;
  /** The text of each inline script that a browser runs (not JSON-LD or other data blocks). */
  scripts: string[];
}

/** `/*`, `/prefix/*` or an exact path without `*` or `:`. */
export function checkPattern(pattern: string): void {
  const ok = pattern === '/*' || /^\/(?:[A-Za-z0-9._~-]+\/)+\*$/.test(pattern) || /^\/[A-Za-z0-9._~/-]*$/.test(pattern);
  if (!ok) throw new Error(`response rules: pattern "${pattern}" must be /*, /prefix/* or an exact path`);
}

export function patternMatches(pattern: string, path: string): boolean {
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}

export const scriptHash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The inline scripts of an HTML document a browser would run, as the CSP hashes them (raw text between the tags). */
export function inlineScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attributes = m[1]!;
    if (/\ssrc\s*=/i.test(attributes)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && type !== 'module' && type !== 'text/javascript' && type !== 'application/javascript') continue;
    out.push(m[2]!);
  }
  return out;
}

function cspText(directives: CspDirectives, hashes: readonly string[]): string {
  return Object.entries(directives)
    .map(([name, sources]) => {
      const all = name === 'script-src' ? [...sources, ...hashes] : [...sources];
      return `${name} ${all.length ? all.join(' ') : "'none'"}`;
    })
    .join('; ');
}

/**
 * The rules with every Content-Security-Policy written out. Each page's inline scripts are
 * allowed by the rule that sets the page's policy (the last matching rule with a `csp`).
 */
export function resolveRules(rules: readonly HeaderRule[], pages: readonly PageScripts[]): ResolvedRule[] {
  for (const rule of rules) checkPattern(rule.pattern);
  const hashes = rules.map(() => new Set<string>());
  for (const page of pages) {
    let owner = -1;
    rules.forEach((rule, i) => {
      if (rule.csp && patternMatches(rule.pattern, page.path)) owner = i;
    });
    if (owner === -1) {
      if (page.scripts.length) throw new Error(`response rules: ${page.path} has inline scripts but no rule gives it a Content-Security-Policy`);
      continue;
    }
    for (const script of page.scripts) hashes[owner]!.add(scriptHash(script));
  }
  return rules.map((rule, i) => {
    const set: [string, string][] = [];
    if (rule.csp) set.push(['Content-Security-Policy', cspText(rule.csp, [...hashes[i]!].sort())]);
    for (const [name, value] of Object.entries(rule.headers ?? {})) set.push([name, value]);
    for (const [name, value] of set) {
      if (!/^[A-Za-z0-9-]+$/.test(name) || /[\r\n"\\$]/.test(value)) throw new Error(`response rules: ${rule.pattern}: header ${name} cannot be written safely`);
    }
    return { pattern: rule.pattern, comment: rule.comment, set, remove: [...(rule.remove ?? [])] };
  });
}

/** The headers a path gets: every matching rule in order, later values replacing earlier ones. Names as written. */
export function headersFor(rules: readonly ResolvedRule[], path: string): Record<string, string> {
  const out = new Map<string, [string, string]>();
  for (const rule of rules) {
    if (!patternMatches(rule.pattern, path)) continue;
    for (const name of rule.remove) out.delete(name.toLowerCase());
    for (const [name, value] of rule.set) out.set(name.toLowerCase(), [name, value]);
  }
  return Object.fromEntries(out.values());
}

/** A path the pattern matches, to ask which rules apply there. */
export const samplePath = (pattern: string) => (pattern.endsWith('*') ? `${pattern.slice(0, -1)}x` : pattern);

/** True when some path matches both patterns. */
export const overlap = (a: string, b: string) => patternMatches(a, samplePath(b)) || patternMatches(b, samplePath(a));

const wrap = (text: string, prefix: string) => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > 94) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => `${prefix}${l}`).join('\n');
};

/**
 * The rules as a `_headers` file (Netlify, Cloudflare Pages; the local server reads it too).
 * Hosts join same-named headers of several matching rules, so a rule that replaces a header
 * an earlier matching rule set first removes it with Cloudflare's `! Name` line. (Netlify has
 * no `!` lines: there, the embed views get both policies and cannot be framed.)
 */
export function headersFile(rules: readonly ResolvedRule[]): string {
  const parts = [
    '# Response headers, generated by the build from src/lib/deploy/rules.ts: do not edit (edit the rules).',
    '# Every rule whose path matches applies, in file order; a `! Name` line removes a header an',
    '# earlier rule set. Same rules as dist/nginx.conf.',
    '',
    '# == Security (every path) and the rules that refine it',
  ];
  rules.forEach((rule, i) => {
    const earlier = new Set<string>();
    const sample = samplePath(rule.pattern);
    for (const before of rules.slice(0, i)) {
      if (overlap(before.pattern, rule.pattern)) for (const [name] of before.set) earlier.add(name.toLowerCase());
    }
    const removes = [...rule.remove, ...rule.set.map(([name]) => name).filter((name) => earlier.has(name.toLowerCase()))];
    parts.push(wrap(rule.comment, '# '), rule.pattern, ...removes.map((name) => `  ! ${name}`), ...rule.set.map(([n, v]) => `  ${n}: ${v}`), '');
  });
  return `${parts.join('\n')}`;
}
