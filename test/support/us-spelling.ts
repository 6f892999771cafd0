/**
 * The site is written in US English. This finds UK spellings in the reader-facing text of a
 * content tree: titles, summaries, takeaways, comparison profiles and the body of every term
 * and guide. Aliases, slugs (related, contrasts, file names, `term:` links) and the titles of
 * cited sources are left alone: an alias may keep a UK variant ("call centre") so that readers
 * who type it still find the term, and a source is cited under its own title.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** UK spelling (as a case-insensitive whole word) and the US spelling to use instead. */
export const UK_SPELLINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bcentre(s|d)?\b/i, 'center'],
  [/\blabour(s|ed|er|ers|ing)?\b/i, 'labor'],
  [/\blicence(s|d)?\b/i, 'license'],
  [/\borganis(e|es|ed|ing|ation|ations|er|ers)\b/i, 'organize, organization'],
  [/\bcolour(s|ed|ful|ing)?\b/i, 'color'],
  [/\bfavour(s|ed|ing|ite|ites|able|itism)?\b/i, 'favor, favorite'],
  [/\bbehaviour(s|al)?\b/i, 'behavior'],
  [/\bhonour(s|ed|ing)?\b/i, 'honor'],
  [/\bneighbour(s|ing|hood|hoods)?\b/i, 'neighbor'],
  [/\banalys(e|es|ed|ing)\b/i, 'analyze'],
  [/\bcatalogue(s|d)?\b/i, 'catalog'],
  [/\bprogramme(s)?\b/i, 'program'],
  [/\bfulfil(s|ment)?\b/i, 'fulfill, fulfillment'],
  [/\bspecialis(e|es|ed|ing|ation)\b/i, 'specialize, specialization'],
  [/\brecognis(e|es|ed|ing)\b/i, 'recognize'],
  [/\brealis(e|es|ed|ing)\b/i, 'realize'],
  [/\bprioritis(e|es|ed|ing|ation)\b/i, 'prioritize'],
  [/\b(standard|custom|optim|util|minim|maxim|summar|categor|final|critic|author|apolog|emphas)is(e|es|ed|ing|ation)\b/i, '-ize, -ization'],
  [/\btravel(led|ling|ler|lers)\b/i, 'traveled, traveling, traveler'],
  [/\bcancel(led|ling)\b/i, 'canceled, canceling'],
  [/\bmodel(led|ling)\b/i, 'modeled, modeling'],
  [/\b(defence|offence)\b/i, 'defense, offense'],
  [/\bjudgement(s)?\b/i, 'judgment'],
  [/\benrol(s|ment|ments)?\b/i, 'enroll, enrollment'],
  [/\bpayslip(s)?\b/i, 'pay stub'],
  [/\bcheque(s)?\b/i, 'check'],
  [/\bageing\b/i, 'aging'],
  [/\bgrey\b/i, 'gray'],
  [/\bwhilst\b/i, 'while'],
  [/\bamongst\b/i, 'among'],
  [/\blearnt\b/i, 'learned'],
  [/\btowards\b/i, 'toward'],
  [/\benquir(y|ies)\b/i, 'inquiry'],
];

export interface UkSpelling {
  /** Path relative to the content tree's parent, such as content/terms/call-center.mdx */
  file: string;
  line: number;
  word: string;
  use: string;
}

/** Frontmatter fields whose values are names, slugs or citations, not prose. */
const SKIPPED_FIELDS = new Set(['aliases', 'related', 'contrasts', 'sources', 'terms', 'topic', 'updated', 'order', 'featured']);

/** Text of a line with link targets, URLs and inline code removed. */
function proseOf(line: string): string {
  return line
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/https?:\/\/\S+/g, '')
    .replace(/`[^`]*`/g, '');
}

export function findUkSpellingsInText(text: string, file: string): UkSpelling[] {
  const found: UkSpelling[] = [];
  const lines = text.split('\n');
  let inFrontmatter = lines[0]?.trim() === '---';
  let field = '';
  lines.forEach((raw, index) => {
    if (index === 0 && inFrontmatter) return;
    if (inFrontmatter && raw.trim() === '---') {
      inFrontmatter = false;
      return;
    }
    if (inFrontmatter) {
      const key = /^([A-Za-z_][\w-]*):/.exec(raw);
      if (key) field = key[1]!;
      if (SKIPPED_FIELDS.has(field)) return;
    } else if (/^\s*(import|export)\s/.test(raw)) {
      return;
    }
    const prose = proseOf(raw);
    for (const [pattern, use] of UK_SPELLINGS) {
      const match = new RegExp(pattern.source, 'gi');
      for (const m of prose.matchAll(match)) found.push({ file, line: index + 1, word: m[0], use });
    }
  });
  return found;
}

function* mdxFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* mdxFiles(path);
    else if (/\.mdx?$/.test(entry.name)) yield path;
  }
}

/** Every UK spelling in the terms and guides of a content tree, with file and line. */
export function findUkSpellings(contentDir: string): UkSpelling[] {
  return [...mdxFiles(contentDir)]
    .sort()
    .flatMap((path) => findUkSpellingsInText(readFileSync(path, 'utf8'), relative(process.cwd(), path)));
}

export function formatUkSpelling(f: UkSpelling): string {
  return `${f.file}:${f.line}: "${f.word}" is UK spelling; use ${f.use}`;
}
