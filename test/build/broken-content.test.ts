import { afterAll, describe, expect, it } from 'vitest';
import { buildContent, type BuildResult } from '../support/build-site.ts';

const results: BuildResult[] = [];
afterAll(() => results.forEach((r) => r.cleanup()));

describe('broken content fails the build', () => {
  it('names the file and the field when a summary is missing', () => {
    const result = buildContent('test/fixtures/missing-summary');
    results.push(result);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('missing-summary/terms/no-summary.mdx');
    expect(result.output).toMatch(/^\s*summary: summary is required/m);
  });
});
