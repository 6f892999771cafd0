import { describe, expect, it } from 'vitest';
import { headersForPath, parseHeadersFile, pathMatches } from '../../src/lib/headers-file.ts';

const file = `
# comment
/*
  X-Content-Type-Options: nosniff
  X-Frame-Options: DENY
/embed/*
  ! X-Frame-Options
  Access-Control-Allow-Origin: *
/_astro/*
  Cache-Control: public, max-age=31536000, immutable
`;

describe('_headers', () => {
  const rules = parseHeadersFile(file);

  it('parses rules in order', () => {
    expect(rules.map((r) => r.pattern)).toEqual(['/*', '/embed/*', '/_astro/*']);
  });

  it('applies every matching rule and honours removals', () => {
    expect(headersForPath(rules, '/terms/outsourcing/')).toEqual({ 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY' });
    expect(headersForPath(rules, '/embed/outsourcing/')).toEqual({
      'X-Content-Type-Options': 'nosniff',
      'Access-Control-Allow-Origin': '*',
    });
  });

  it('matches splats and placeholders, not look-alikes', () => {
    expect(pathMatches('/embed/*', '/embed/x/')).toBe(true);
    expect(pathMatches('/embed/*', '/embedded/')).toBe(false);
    expect(pathMatches('/terms/:slug/', '/terms/x/')).toBe(true);
    expect(pathMatches('/a.b', '/axb')).toBe(false);
  });

  it('matches any character with a splat, line breaks and non-ASCII included', () => {
    expect(pathMatches('/*', '/a\nb/')).toBe(true);
    expect(pathMatches('/*', '/\r\n')).toBe(true);
    expect(pathMatches('/embed/*', '/embed/\u2028x/')).toBe(true);
    expect(headersForPath(rules, '/%0a\n/')).toEqual({ 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY' });
  });

  it('rejects a header line with no path above it', () => {
    expect(() => parseHeadersFile('  X-A: b')).toThrow(/line 1/);
  });
});
