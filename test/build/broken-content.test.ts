import { afterAll, describe, expect, it } from 'vitest';
import { buildContent, type BuildResult } from '../support/build-site.ts';

const results: BuildResult[] = [];
afterAll(() => results.forEach((r) => r.cleanup()));

function build(fixture: string): BuildResult {
  const result = buildContent(`test/fixtures/${fixture}`);
  results.push(result);
  return result;
}

// Each fixture is test/fixtures/valid-small with one mistake. The build must stop and name the
// file and the field (or the line).
const cases: { fixture: string; file: string; expected: RegExp }[] = [
  { fixture: 'broken-missing-summary', file: 'terms/offshoring.mdx', expected: /field "summary": summary is required/ },
  { fixture: 'broken-long-summary', file: 'terms/offshoring.mdx', expected: /field "summary": summary must be at most 160 characters/ },
  { fixture: 'broken-unknown-topic', file: 'terms/offshoring.mdx', expected: /field "topic": topic must be one of: models, people/ },
  { fixture: 'broken-yaml', file: 'terms/offshoring.mdx', expected: /frontmatter is not valid YAML/ },
  { fixture: 'broken-file-name', file: 'terms/Business_Process.mdx', expected: /file name: "Business_Process" is not a lowercase hyphenated slug/ },
  { fixture: 'broken-unknown-related', file: 'terms/offshoring.mdx', expected: /field "related": unknown term "nearshoring"/ },
  { fixture: 'broken-unknown-contrast', file: 'terms/business-process-outsourcing.mdx', expected: /field "contrasts": unknown term "kpo"/ },
  { fixture: 'broken-related-to-self', file: 'terms/offshoring.mdx', expected: /field "related": a term cannot list itself \("offshoring"\)/ },
  { fixture: 'broken-shared-alias', file: 'terms/outsourcing.mdx', expected: /field "aliases": "off-shoring" is already an alias of .*terms\/offshoring\.mdx/ },
  { fixture: 'broken-alias-is-title', file: 'terms/business-process-outsourcing.mdx', expected: /field "aliases": "Outsourcing" is already the title of .*terms\/outsourcing\.mdx/ },
  { fixture: 'broken-missing-profile', file: 'terms/offshoring.mdx', expected: /field "profile": required, because \/compare\/ pages set this term beside "outsourcing"/ },
  { fixture: 'broken-explicit-link', file: 'articles/a-guide.mdx:9:12', expected: /unknown term "home-working" in link/ },
  { fixture: 'broken-term-component', file: 'terms/offshoring.mdx:26', expected: /term files are plain Markdown; imports and components belong in guides/ },
  { fixture: 'broken-term-link', file: 'terms/outsourcing.mdx:26:5', expected: /unknown term "in-sourcing" in link/ },
  {
    fixture: 'broken-redirect-collision',
    file: 'terms/outsourcing.mdx',
    expected: /field "redirectFrom": redirectFrom "offshoring" would redirect \/terms\/offshoring\/, which is the page of .*broken-redirect-collision\/terms\/offshoring\.mdx/,
  },
  {
    fixture: 'broken-redirect-shared',
    file: 'terms/outsourcing.mdx',
    expected: /field "redirectFrom": redirectFrom "bpo" would redirect \/terms\/bpo\/, already claimed by .*broken-redirect-shared\/terms\/business-process-outsourcing\.mdx \(alias "BPO"\)/,
  },
];

describe('broken content fails the build, naming the file and the field or line', () => {
  it.each(cases)('$fixture', ({ fixture, file, expected }) => {
    const result = build(fixture);
    expect(result.ok).toBe(false);
    const line = result.output.split('\n').find((l) => l.includes(`${fixture}/${file}`) && expected.test(l));
    expect(line, result.output.slice(-3000)).toBeDefined();
  });

  it('while the same tree without the mistake builds', () => {
    const result = build('valid-small');
    expect(result.output.slice(-3000)).toMatch(/Complete!/);
    expect(result.ok).toBe(true);
  });
});
