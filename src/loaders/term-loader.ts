/**
 * Loads the term files. Terms are MDX files without components, so instead of compiling each
 * into its own JavaScript module (which costs minutes at 10,000 terms), their bodies are
 * rendered once to HTML by the configured Markdown processor (the same cross-link plugin) and
 * kept in the content store; unchanged terms are not rendered again on the next build.
 */
import type { Loader } from 'astro/loaders';
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_EXTENSION, componentLine, parseContentText, readContentText } from '../lib/content-source.ts';

/** Part of every digest: bump it when the Markdown pipeline changes, so stored terms are rendered (and checked) again. */
const PIPELINE_VERSION = 'content-safety-1';

export function termLoader(dir: string): Loader {
  const base = resolve(dir);
  return {
    name: 'glossary-term-loader',
    async load({ store, parseData, generateDigest, renderMarkdown }) {
      // The same reading as the config-time check (content-source.ts): UTF-8 only, and dates
      // kept as written for the schema.
      const files = readdirSync(base).filter((name) => name.endsWith(CONTENT_EXTENSION) && !name.startsWith('.')).sort();
      const parsed = files.map((name) => {
        const path = join(base, name);
        const raw = readContentText(path);
        const { frontmatter, rawFrontmatter, content } = parseContentText(raw);
        return { id: name.slice(0, -CONTENT_EXTENSION.length), path, file: relative(process.cwd(), path), raw, frontmatter, rawFrontmatter, content };
      });
      // Links in one term depend on every term's names: a change there re-renders them all.
      const names = generateDigest(parsed.map((p) => `${p.id}:${JSON.stringify([p.frontmatter.title, p.frontmatter.aliases])}`).join('\n'));
      const seen = new Set<string>();
      for (const entry of parsed) {
        seen.add(entry.id);
        const digest = generateDigest(`${PIPELINE_VERSION}\n${names}\n${entry.raw}`);
        if (store.get(entry.id)?.digest === digest) continue;
        const line = componentLine(entry.content, entry.raw.split('\n').length - entry.content.split('\n').length);
        if (line >= 0) throw new Error(`${entry.file}:${line}: term files are plain Markdown; imports and components belong in guides`);
        const data = await parseData({ id: entry.id, data: entry.frontmatter, filePath: entry.path });
        // Blank lines in place of the frontmatter keep line numbers in errors true to the file.
        const padding = '\n'.repeat(entry.raw.length - entry.content.length > 0 ? entry.raw.slice(0, entry.raw.length - entry.content.length).split('\n').length - 1 : 0);
        const rendered = await renderMarkdown(padding + entry.content, { fileURL: pathToFileURL(entry.path) });
        store.set({ id: entry.id, data, body: entry.content, filePath: entry.file, digest, rendered });
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
    },
  };
}
