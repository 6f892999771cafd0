/**
 * Reads the content tree straight from disk at config time (before Astro's content layer runs)
 * and checks everything that can be checked without rendering: the folders hold only term and
 * guide files, every file is UTF-8, its frontmatter is valid YAML that passes the very schema
 * the collections use, bodies are within their size limits, term bodies carry no component
 * syntax, and the term graph and the guides' `terms:` lists point at existing terms.
 *
 * `astro.config.mjs` runs this first, so any of these mistakes stops the build before anything
 * is rendered, naming the file and the field (or line). What needs the Markdown tree (raw HTML,
 * addresses, guide HTML) is checked while rendering, by `remark-content-safety.ts`.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative, extname, resolve, sep } from 'node:path';
import { extractFrontmatter } from '@astrojs/markdown-remark';
import yaml from 'js-yaml';
import { termSchema, articleSchema, describeSchemaError, LIMITS, SLUG_PATTERN, type TermData, type ArticleData } from './content-schema.ts';
import { buildGlossary, GlossaryError, type Glossary, type GlossaryInput } from './glossary.ts';
import { planRedirects, RedirectError, type Redirect } from './redirects.ts';

export interface ContentFile<T> {
  slug: string;
  /** Path of the file relative to the working directory, for error messages. */
  file: string;
  /** Absolute path. */
  path: string;
  data: T;
  /** The text after the frontmatter. */
  body: string;
  /** Lines before the body (the frontmatter), so body line numbers can be made file line numbers. */
  bodyOffset: number;
}

export type TermFile = ContentFile<TermData>;
export type ArticleFile = ContentFile<ArticleData>;

export class ContentError extends Error {
  override name = 'ContentError';
}

export const CONTENT_EXTENSION = '.mdx';

export function contentDir(env: Record<string, string | undefined> = process.env): string {
  return env.CONTENT_DIR && env.CONTENT_DIR.trim() !== '' ? env.CONTENT_DIR : 'content';
}

/** Whether a file is a guide of the given content tree. */
export function guidePredicate(contentRoot: string): (path: string) => boolean {
  const articles = resolve(contentRoot, 'articles') + sep;
  return (path) => resolve(path).startsWith(articles);
}

const displayPath = (path: string) => relative(process.cwd(), path) || path;

/** Byte offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= bytes.length) return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** A content file's text; refuses bytes that are not UTF-8 instead of publishing U+FFFD. */
export function readContentText(path: string): string {
  const bytes = readFileSync(path);
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    throw new ContentError(
      `${displayPath(path)}:${line}: the file is not valid UTF-8 (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad}); save it as UTF-8`,
    );
  }
  return bytes.toString('utf8');
}

export interface ParsedText {
  frontmatter: Record<string, unknown>;
  rawFrontmatter: string;
  content: string;
}

/**
 * Splits frontmatter from body. The YAML is read with the core schema, which keeps dates as the
 * text written (`updated: 2026-13-45` stays a string the schema can refuse, where YAML's
 * timestamp type would roll it over into 2027-02-14).
 */
export function parseContentText(text: string): ParsedText {
  const rawFrontmatter = extractFrontmatter(text);
  if (rawFrontmatter === undefined) return { frontmatter: {}, rawFrontmatter: '', content: text };
  const parsed = yaml.load(rawFrontmatter, { schema: yaml.CORE_SCHEMA });
  const frontmatter = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  return { frontmatter, rawFrontmatter, content: text.replace(`---${rawFrontmatter}---`, '') };
}

/** Component syntax (at the start of a block) is for guides; a term body is Markdown. */
const COMPONENT = /^(?:import\s+[\w{*][^\n]*\sfrom\s|export\s+(?:const|let|var|function|default|\{)|<[A-Z])/;

/** The first line of a term body that holds component syntax, as a file line number, or -1. */
export function componentLine(content: string, bodyOffset: number): number {
  const lines = content.split('\n');
  const index = lines.findIndex((line, i) => COMPONENT.test(line) && (i === 0 || lines[i - 1]!.trim() === ''));
  return index < 0 ? -1 : bodyOffset + index + 1;
}

type Kind = 'terms' | 'articles';
const KIND_NAME: Record<Kind, string> = { terms: 'term', articles: 'guide' };

/** The names of the content files of a folder, and a problem for anything else found there. */
function listFolder(dir: string, kind: Kind, problems: string[], strays: Set<string>): string[] {
  const folder = join(dir, kind);
  if (!existsSync(folder)) {
    problems.push(`${displayPath(folder)}: no ${kind} folder`);
    return [];
  }
  const names: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    // Hidden files (.DS_Store, editor swap files, .gitkeep) are not content.
    if (name.startsWith('.')) continue;
    const path = join(folder, name);
    if (statSync(path).isDirectory()) {
      problems.push(`${displayPath(path)}: unexpected folder: ${kind}/ holds ${KIND_NAME[kind]} files only, no subfolders`);
      continue;
    }
    if (extname(name) !== CONTENT_EXTENSION) {
      const stem = extname(name) ? name.slice(0, -extname(name).length) : name;
      strays.add(stem);
      problems.push(
        `${displayPath(path)}: unexpected file: ${KIND_NAME[kind]} files end in ${CONTENT_EXTENSION}` +
          (SLUG_PATTERN.test(stem) ? ` (rename it to ${stem}${CONTENT_EXTENSION}, or move it out of ${kind}/)` : ` (move it out of ${kind}/)`),
      );
      continue;
    }
    names.push(name);
  }
  if (names.length === 0 && problems.length === 0) {
    problems.push(`${displayPath(folder)}: no ${KIND_NAME[kind]} files: the site needs at least one ${KIND_NAME[kind]} (${kind}/<slug>${CONTENT_EXTENSION})`);
  }
  return names;
}

function readFolder<T>(
  dir: string,
  kind: Kind,
  schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } },
  problems: string[],
  strays: Set<string>,
  failed: Set<string>,
): ContentFile<T>[] {
  const out: ContentFile<T>[] = [];
  const bodyMax = kind === 'terms' ? LIMITS.termBody : LIMITS.guideBody;
  for (const name of listFolder(dir, kind, problems, strays)) {
    const path = join(dir, kind, name);
    const file = displayPath(path);
    const slug = name.slice(0, -CONTENT_EXTENSION.length);
    let parsed: ParsedText;
    try {
      parsed = parseContentText(readContentText(path));
    } catch (e) {
      problems.push(e instanceof ContentError ? e.message : `${file}: frontmatter is not valid YAML: ${(e as Error).message}`);
      failed.add(slug);
      continue;
    }
    const bodyOffset = parsed.rawFrontmatter ? `---${parsed.rawFrontmatter}---`.split('\n').length - 1 : 0;
    const size = Buffer.byteLength(parsed.content);
    if (size > bodyMax) {
      problems.push(`${file}: body: ${size.toLocaleString('en')} bytes, over the ${bodyMax / 1024} KB limit for a ${KIND_NAME[kind]}`);
    }
    if (kind === 'terms') {
      const line = componentLine(parsed.content, bodyOffset);
      if (line >= 0) problems.push(`${file}:${line}: term files are plain Markdown; imports and components belong in guides`);
    }
    const result = schema.safeParse(parsed.frontmatter);
    if (!result.success) {
      problems.push(describeSchemaError(file, result.error));
      failed.add(slug);
      continue;
    }
    out.push({ slug, file, path, data: result.data, body: parsed.content, bodyOffset });
  }
  return out;
}

export function termInput(term: { slug: string; file: string; data: Pick<TermData, 'title' | 'aliases' | 'related' | 'contrasts' | 'profile'> }): GlossaryInput {
  const { title, aliases, related, contrasts, profile } = term.data;
  return { slug: term.slug, file: term.file, title, aliases, related, contrasts, hasProfile: profile !== undefined };
}

export interface ContentTree {
  terms: TermFile[];
  articles: ArticleFile[];
  glossary: Glossary;
  /** Alias and old addresses (/terms/bpo/ -> /terms/business-process-outsourcing/), checked for collisions. */
  redirects: Redirect[];
}

/**
 * Reads and checks the whole tree; throws a ContentError listing every problem, one a line,
 * each naming the file and the field or line.
 */
export function readContentTree(dir: string): ContentTree {
  const problems: string[] = [];
  /** Slugs of misnamed files (x.md): references to them are blamed on the misnamed file only. */
  const strays = new Set<string>();
  /** Terms whose file exists but failed to read: references to them are not wrong either. */
  const failed = new Set<string>();
  const terms = readFolder(dir, 'terms', termSchema, problems, strays, failed);
  const articles = readFolder(dir, 'articles', articleSchema, problems, strays, new Set());
  const excused = (slug: string) => strays.has(slug) || failed.has(slug);

  let glossary: Glossary | undefined;
  try {
    glossary = buildGlossary(terms.map(termInput));
  } catch (e) {
    if (!(e instanceof GlossaryError)) throw e;
    const unknown = /unknown term "([^"]+)"/;
    problems.push(...e.problems.filter((p) => !excused(unknown.exec(p)?.[1] ?? '')));
  }
  const known = new Set(terms.map((t) => t.slug));
  for (const article of articles) {
    const seen = new Set<string>();
    for (const slug of article.data.terms) {
      if (!known.has(slug) && !excused(slug)) problems.push(`${article.file}: field "terms": unknown term "${slug}" (no terms/${slug}${CONTENT_EXTENSION})`);
      if (seen.has(slug)) problems.push(`${article.file}: field "terms": "${slug}" is listed twice`);
      seen.add(slug);
    }
  }
  let redirects: Redirect[] = [];
  try {
    redirects = planRedirects(
      terms.map((t) => ({ slug: t.slug, file: t.file, title: t.data.title, aliases: t.data.aliases, redirectFrom: t.data.redirectFrom })),
    );
  } catch (e) {
    if (!(e instanceof RedirectError)) throw e;
    problems.push(...e.problems);
  }
  if (problems.length > 0 || !glossary) throw new ContentError(problems.join('\n'));
  return { terms, articles, glossary, redirects };
}

/** The term files of a content tree (the whole tree is checked). */
export function readTermFiles(dir: string): TermFile[] {
  return readContentTree(dir).terms;
}
