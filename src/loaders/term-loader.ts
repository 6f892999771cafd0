/**
 * Loads the term files. Terms are MDX files without components, so instead of compiling each
 * into its own JavaScript module (which costs minutes at 10,000 terms), their bodies are
 * rendered once to HTML by the configured Markdown processor (the same cross-link plugin) and
 * kept in the content store; unchanged terms are not rendered again on the next build.
 */
import type { Loader } from 'astro/loaders';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';

/** Component syntax (at the start of a block) is for guides; a term body is Markdown. */
const COMPONENT = /^(?:import\s+[\w{*][^\n]*\sfrom\s|export\s+(?:const|let|var|function|default|\{)|<[A-Z])/;

export function termLoader(dir: string): Loader {
  const base = resolve(dir);
  return {
    name: 'glossary-term-loader',
    async load({ store, parseData, generateDigest, renderMarkdown }) {
      const files = readdirSync(base).filter((name) => name.endsWith('.mdx')).sort();
      const parsed = files.map((name) => {
        const path = join(base, name);
        const raw = readFileSync(path, 'utf8');
        const { frontmatter, rawFrontmatter, content } = parseFrontmatter(raw);
        return { id: name.slice(0, -'.mdx'.length), path, file: relative(process.cwd(), path), raw, frontmatter, rawFrontmatter, content };
      });
      // Links in one term depend on every term's names: a change there re-renders them all.
      const names = generateDigest(parsed.map((p) => `${p.id}:${JSON.stringify([p.frontmatter.title, p.frontmatter.aliases])}`).join('\n'));
      const seen = new Set<string>();
      for (const entry of parsed) {
        seen.add(entry.id);
        const digest = generateDigest(`${names}\n${entry.raw}`);
        if (store.get(entry.id)?.digest === digest) continue;
        const bodyLines = entry.content.split('\n');
        const componentLine = bodyLines.findIndex((line, i) => COMPONENT.test(line) && (i === 0 || bodyLines[i - 1]!.trim() === ''));
        if (componentLine >= 0) {
          const line = entry.raw.split('\n').length - bodyLines.length + componentLine + 1;
          throw new Error(`${entry.file}:${line}: term files are plain Markdown; imports and components belong in guides`);
        }
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
