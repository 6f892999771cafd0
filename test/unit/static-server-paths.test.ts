/**
 * The path rules of the local static server (scripts/static-server.ts), as properties over
 * arbitrary input: the normalized path and the slash redirect's Location.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isHiddenPath, parseRequestTarget, slashRedirectLocation } from '../../scripts/static-server.ts';

const base = 'http://127.0.0.1:4321';
const target = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `/${s}`),
  fc.array(fc.constantFrom('/', '//', '%2f', '%5c', '\\', '..', '.', '%2e', '%0d%0a', '%C4%80', 'evil.example', 'a', '?', '?x=\r\n', 'é'), { maxLength: 12 }).map((p) => `/${p.join('')}`),
);

describe('request paths', () => {
  it('normalizes to an absolute path without dot segments or repeated slashes', () => {
    fc.assert(
      fc.property(target, (url) => {
        const parsed = parseRequestTarget(url);
        if (!parsed.ok) return;
        expect(parsed.path.startsWith('/')).toBe(true);
        expect(parsed.path).not.toMatch(/\/\/|(^|\/)\.\.?(\/|$)/);
      }),
      { numRuns: 5000, seed: 18 },
    );
  });

  it('redirects only to this origin, with a Location of printable ASCII', () => {
    fc.assert(
      fc.property(target, (url) => {
        const parsed = parseRequestTarget(url);
        if (!parsed.ok) return;
        const location = slashRedirectLocation(parsed.path, parsed.query);
        expect(location).toMatch(/^\/[\x21-\x7e]*$/);
        expect(location).not.toMatch(/^\/[/\\]/);
        expect(new URL(location, base).origin).toBe(base);
      }),
      { numRuns: 5000, seed: 18 },
    );
  });

  it('handles the payloads of issue 18', () => {
    const at = (url: string) => {
      const parsed = parseRequestTarget(url);
      if (!parsed.ok) throw new Error(`not ok: ${url}`);
      return parsed;
    };
    expect(at('/%0a/..%2fterms').path).toBe('/terms');
    expect(at('/%2f%2fevil.example%2f..%2f..%2fterms').path).toBe('/terms');
    expect(at('/embed/..%2fcalculator/').path).toBe('/calculator/');
    expect(slashRedirectLocation('/terms', '?a=1&b=%0d%0a')).toBe('/terms/?a=1&b=%0d%0a');
    expect(slashRedirectLocation('/\\evil.example', '')).toBe('/%5Cevil.example/');
    expect(slashRedirectLocation('/\u0100', '?\r\n')).toBe('/%C4%80/?%0D%0A');
    expect(parseRequestTarget('/%').ok).toBe(false);
    expect(parseRequestTarget('/a%00b').ok).toBe(false);
    expect(parseRequestTarget('http://evil.example/').ok).toBe(false);
  });

  it('hides dotfiles and the host files', () => {
    for (const path of ['/.env', '/a/.git/config', '/_headers', '/_redirects', '/nginx.conf', '/terms/.x/']) expect(isHiddenPath(path), path).toBe(true);
    for (const path of ['/', '/terms/x/', '/_astro/a.js', '/a.b/', '/x_headers']) expect(isHiddenPath(path), path).toBe(false);
  });
});
