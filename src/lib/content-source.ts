/**
 * Reads term files straight from disk at config time (before Astro's content layer runs),
 * validating them with the very schema the collections use. The cross-link plugin needs the
 * full term list while Astro is still being configured.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { termSchema, describeSchemaError, type TermData } from './content-schema.ts';

export interface TermFile {
  slug: string;
  /** Path of the file relative to the working directory, for error messages. */
  file: string;
  data: TermData;
  body: string;
}

export class ContentError extends Error {
  override name = 'ContentError';
}

export function contentDir(env: Record<string, string | undefined> = process.env): string {
  return env.CONTENT_DIR && env.CONTENT_DIR.trim() !== '' ? env.CONTENT_DIR : 'content';
}

export function readTermFiles(dir: string): TermFile[] {
  const termsDir = join(dir, 'terms');
  if (!existsSync(termsDir)) throw new ContentError(`${termsDir}: no terms folder`);
  const problems: string[] = [];
  const terms: TermFile[] = [];
  for (const name of readdirSync(termsDir).sort()) {
    if (!name.endsWith('.mdx')) continue;
    const path = join(termsDir, name);
    const file = relative(process.cwd(), path) || path;
    let parsed: { frontmatter: Record<string, unknown>; content: string };
    try {
      parsed = parseFrontmatter(readFileSync(path, 'utf8'));
    } catch (e) {
      problems.push(`${file}: frontmatter is not valid YAML: ${(e as Error).message}`);
      continue;
    }
    const result = termSchema.safeParse(parsed.frontmatter);
    if (!result.success) {
      problems.push(describeSchemaError(file, result.error));
      continue;
    }
    terms.push({ slug: name.slice(0, -'.mdx'.length), file, data: result.data, body: parsed.content });
  }
  if (problems.length > 0) throw new ContentError(problems.join('\n'));
  return terms;
}
