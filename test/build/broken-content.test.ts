/**
 * Broken content must stop the build, naming the file and the field (or the line).
 *
 * Each fixture is test/fixtures/valid-small with one mistake. Every fixture goes through the
 * fast path: `checkContent` (src/lib/content-check.ts), which runs the build's own checks (the
 * config-time reader, then the same remark/rehype plugins over every body) in a few
 * milliseconds. A representative sample (`full: true`: at least one per kind of check, and
 * every check that runs inside Astro's Markdown or MDX pipeline rather than at config time)
 * is also built with Astro, asserting the exit status and the printed message, which takes
 * several seconds each.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { buildContent, type BuildResult } from '../support/build-site.ts';
import { checkContent } from '../../src/lib/content-check.ts';

// Fixtures are dated 2026-01-01; broken-date-future is dated after this build date.
const BUILD_DATE = '2026-11-24';
process.env.GLOSSARY_BUILD_DATE = BUILD_DATE;

const results: BuildResult[] = [];
afterAll(() => results.forEach((r) => r.cleanup()));

function build(fixture: string): BuildResult {
  const result = buildContent(`test/fixtures/${fixture}`, { GLOSSARY_BUILD_DATE: BUILD_DATE });
  results.push(result);
  return result;
}

interface Case {
  fixture: string;
  /** The file named, relative to the fixture, with :line or :line:column where the message has them. */
  file: string;
  expected: RegExp;
  full?: boolean;
}

const NOT_ALLOWED_SCHEME = (scheme: string) => new RegExp(`the "${scheme}:" scheme is not allowed`);

const cases: Case[] = [
  // Schema and term graph
  { fixture: 'broken-missing-summary', file: 'terms/offshoring.mdx', expected: /field "summary": summary is required/ },
  { fixture: 'broken-missing-takeaways', file: 'terms/offshoring.mdx', expected: /field "takeaways": takeaways is required/ },
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
  { fixture: 'broken-term-component', file: 'terms/offshoring.mdx:29', expected: /term files are plain Markdown; imports and components belong in guides/ },
  // Cross-links (checked while rendering, by the cross-link plugin)
  { fixture: 'broken-explicit-link', file: 'articles/a-guide.mdx:9:12', expected: /unknown term "home-working" in link/, full: true },
  { fixture: 'broken-term-link', file: 'terms/outsourcing.mdx:29:5', expected: /unknown term "in-sourcing" in link/, full: true },

  // 6. Content that carries script: raw HTML in terms, unsafe addresses anywhere
  { fixture: 'broken-term-script', file: 'terms/offshoring.mdx:29:1', expected: /raw HTML is not allowed in term files.*<script>/, full: true },
  { fixture: 'broken-term-img-onerror', file: 'terms/offshoring.mdx:29:13', expected: /raw HTML is not allowed in term files.*onerror/ },
  { fixture: 'broken-term-iframe', file: 'terms/offshoring.mdx:29:1', expected: /raw HTML is not allowed in term files.*<iframe/ },
  { fixture: 'broken-term-javascript-link', file: 'terms/offshoring.mdx:29:6', expected: NOT_ALLOWED_SCHEME('javascript'), full: true },
  { fixture: 'broken-term-mixed-case-link', file: 'terms/offshoring.mdx:29:6', expected: NOT_ALLOWED_SCHEME('javascript') },
  { fixture: 'broken-term-encoded-link', file: 'terms/offshoring.mdx:29:6', expected: NOT_ALLOWED_SCHEME('javascript') },
  { fixture: 'broken-term-control-char-link', file: 'terms/offshoring.mdx:29:6', expected: /link address .*: the address contains a control character/ },
  { fixture: 'broken-term-data-image', file: 'terms/offshoring.mdx:29:1', expected: /image address "data:.*: the "data:" scheme is not allowed/ },
  { fixture: 'broken-term-vbscript-definition', file: 'terms/offshoring.mdx:31:1', expected: NOT_ALLOWED_SCHEME('vbscript') },
  { fixture: 'broken-term-file-autolink', file: 'terms/offshoring.mdx:29:16', expected: NOT_ALLOWED_SCHEME('file') },
  { fixture: 'broken-source-javascript-url', file: 'terms/offshoring.mdx', expected: /field "sources\.0\.url": must be a full http\(s\) URL: the "javascript:" scheme/, full: true },
  { fixture: 'broken-source-leading-space', file: 'terms/offshoring.mdx', expected: /field "sources\.0\.url": .*starts or ends with a space/ },
  { fixture: 'broken-guide-source-data-url', file: 'articles/a-guide.mdx', expected: /field "sources\.0\.url": .*the "data:" scheme/ },
  // 6. Guides: HTML outside the sanitizer's allowlist, and what the sanitizer cannot see
  { fixture: 'broken-guide-script', file: 'articles/a-guide.mdx:9:1', expected: /<script> is not allowed in guides/ },
  { fixture: 'broken-guide-iframe', file: 'articles/a-guide.mdx:9:1', expected: /<iframe> is not allowed in guides/ },
  { fixture: 'broken-guide-onerror', file: 'articles/a-guide.mdx:9:1', expected: /<img>: attribute "onerror" is not allowed in guides/, full: true },
  { fixture: 'broken-guide-style-attribute', file: 'articles/a-guide.mdx:9:6', expected: /<span>: attribute "style" is not allowed in guides/ },
  { fixture: 'broken-guide-javascript-href', file: 'articles/a-guide.mdx:9:6', expected: /<a> href "javascript:alert\(1\)": the "javascript:" scheme/, full: true },
  { fixture: 'broken-guide-javascript-link', file: 'articles/a-guide.mdx:9:6', expected: NOT_ALLOWED_SCHEME('javascript') },
  { fixture: 'broken-guide-expression', file: 'articles/a-guide.mdx:9:14', expected: /JavaScript expressions are not allowed in guides/ },
  { fixture: 'broken-guide-foreign-import', file: 'articles/a-guide.mdx:7:1', expected: /imports are limited to components in src\/components/ },

  // 7. Dates
  { fixture: 'broken-date-month-13', file: 'terms/offshoring.mdx', expected: /field "updated": updated must be a real calendar date .*"2026-13-45"/, full: true },
  { fixture: 'broken-date-february-30', file: 'terms/offshoring.mdx', expected: /field "updated": updated must be a real calendar date .*"2026-02-30"/ },
  { fixture: 'broken-date-zero', file: 'terms/offshoring.mdx', expected: /field "updated": updated must be a real calendar date .*\(not 0\)/ },
  { fixture: 'broken-date-compact', file: 'terms/offshoring.mdx', expected: /field "updated": updated must be a real calendar date .*\(not 20261101\)/ },
  { fixture: 'broken-date-future', file: 'terms/offshoring.mdx', expected: /field "updated": updated is 2026-12-01, after the build date 2026-11-24/ },
  { fixture: 'broken-date-guide', file: 'articles/a-guide.mdx', expected: /field "updated": updated must be a real calendar date .*"2026-13-45"/, full: true },

  // 8. Mistakes that used to pass silently
  { fixture: 'broken-wrong-extension', file: 'terms/nearshoring.md', expected: /unexpected file: term files end in \.mdx \(rename it to nearshoring\.mdx/, full: true },
  { fixture: 'broken-unexpected-file', file: 'articles/notes.txt', expected: /unexpected file: guide files end in \.mdx/ },
  { fixture: 'broken-subfolder', file: 'terms/drafts', expected: /unexpected folder: terms\/ holds term files only/ },
  { fixture: 'broken-non-utf8', file: 'terms/offshoring.mdx:27', expected: /the file is not valid UTF-8 \(byte 0xe3/, full: true },
  { fixture: 'broken-no-terms', file: 'terms', expected: /no term files: the site needs at least one term/ },
  { fixture: 'broken-no-guides', file: 'articles', expected: /no guide files: the site needs at least one guide/ },
  { fixture: 'broken-invisible-title', file: 'terms/offshoring.mdx', expected: /field "title": title is required: it has no visible characters/ },

  // 9. Limits
  { fixture: 'broken-long-title', file: 'terms/offshoring.mdx', expected: /field "title": title must be at most 80 characters/ },
  { fixture: 'broken-too-many-aliases', file: 'terms/offshoring.mdx', expected: /field "aliases": at most 12 aliases/ },
  { fixture: 'broken-long-alias', file: 'terms/offshoring.mdx', expected: /field "aliases\.1": .* is longer than 60 characters/ },
  { fixture: 'broken-stop-word-alias', file: 'terms/business-process-outsourcing.mdx', expected: /field "aliases\.1": "work" is a common word/, full: true },
  { fixture: 'broken-one-letter-alias', file: 'terms/business-process-outsourcing.mdx', expected: /field "aliases\.1": "B" is too short/ },
  { fixture: 'broken-lowercase-two-letter-alias', file: 'terms/business-process-outsourcing.mdx', expected: /field "aliases\.1": "bp": a two-character alias must be an abbreviation in capitals/ },
  { fixture: 'broken-big-body', file: 'terms/offshoring.mdx', expected: /body: [\d,]+ bytes, over the 40 KB limit for a term/ },
  { fixture: 'broken-too-many-sources', file: 'terms/offshoring.mdx', expected: /field "sources": at most 12 sources/ },
  { fixture: 'broken-too-many-related', file: 'terms/offshoring.mdx', expected: /field "related": at most 12 related terms/ },
  { fixture: 'broken-too-many-contrasts', file: 'terms/offshoring.mdx', expected: /field "contrasts": at most 6 contrasts/ },

  // 10. The guide's terms list
  { fixture: 'broken-guide-unknown-term', file: 'articles/a-guide.mdx', expected: /field "terms": unknown term "nearshoring"/, full: true },
  // Alias and old addresses (redirect pages) that collide with a page or with each other
  {
    fixture: 'broken-redirect-collision',
    file: 'terms/outsourcing.mdx',
    expected: /field "redirectFrom": redirectFrom "offshoring" would redirect \/terms\/offshoring\/, which is the page of .*broken-redirect-collision\/terms\/offshoring\.mdx/,
    full: true,
  },
  {
    fixture: 'broken-redirect-shared',
    file: 'terms/outsourcing.mdx',
    expected: /field "redirectFrom": redirectFrom "bpo" would redirect \/terms\/bpo\/, already claimed by .*broken-redirect-shared\/terms\/business-process-outsourcing\.mdx \(alias "BPO"\)/,
  },
];

const named = (lines: string[], { fixture, file, expected }: Case) =>
  lines.find((l) => l.includes(`${fixture}/${file}`) && expected.test(l));

describe('broken content is refused by the content check, naming the file and the field or line', () => {
  it('has at least 40 broken fixtures', () => {
    expect(cases.filter((c) => c.fixture.startsWith('broken-')).length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('$fixture', async (c) => {
    const { ok, problems } = await checkContent(`test/fixtures/${c.fixture}`);
    expect(ok).toBe(false);
    expect(named(problems, c), problems.join('\n')).toBeDefined();
  });

  it('blames a misnamed term file, not the files that refer to it', async () => {
    const { problems } = await checkContent('test/fixtures/broken-wrong-extension');
    expect(problems).toHaveLength(1);
    expect(problems.join('\n')).not.toMatch(/offshoring\.mdx/);
  });

  it('passes the same tree without the mistake, and the real content', async () => {
    expect(await checkContent('test/fixtures/valid-small')).toEqual({ ok: true, problems: [] });
    expect(await checkContent('test/fixtures/calculator-in-mdx')).toEqual({ ok: true, problems: [] });
    expect(await checkContent('content')).toEqual({ ok: true, problems: [] });
  });

  it('npm run check-content exits 1 naming the problem, and 0 on valid content', () => {
    const run = (dir: string) => spawnSync(process.execPath, ['scripts/check-content.ts', dir], { encoding: 'utf8', env: { ...process.env } });
    const broken = run('test/fixtures/broken-term-script');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/broken-term-script\/terms\/offshoring\.mdx:29:1: raw HTML is not allowed/);
    expect(run('test/fixtures/valid-small').status).toBe(0);
  });
});

describe('broken content fails the Astro build, naming the file and the field or line', () => {
  it.each(cases.filter((c) => c.full))('$fixture', (c) => {
    const result = build(c.fixture);
    expect(result.ok).toBe(false);
    expect(named(result.output.split('\n'), c), result.output.slice(-3000)).toBeDefined();
  });

  it('while the same tree without the mistake builds', () => {
    const result = build('valid-small');
    expect(result.output.slice(-3000)).toMatch(/Complete!/);
    expect(result.ok).toBe(true);
  });
});
