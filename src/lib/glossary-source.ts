/**
 * Loads the glossary from the content tree on disk at config time, with the same schema as the
 * content collections, and prepares the cross-link plugin's options from it.
 */
import { resolve, sep } from 'node:path';
import { readContentTree, termInput, type ContentTree, type TermFile } from './content-source.ts';
import type { Glossary, GlossaryInput } from './glossary.ts';
import type { TermLinksOptions } from './remark-term-links.ts';
import type { TermData } from './content-schema.ts';
import { redirectRules, type Redirect } from './deploy/rules.ts';

export interface GlossarySourceTerm {
  slug: string;
  file: string;
  data: Pick<TermData, 'title' | 'aliases' | 'related' | 'contrasts' | 'profile'>;
}

export function glossaryInput(term: GlossarySourceTerm): GlossaryInput {
  return termInput(term);
}

/** Reads and checks the whole content tree (throws a ContentError naming every problem). */
export function loadGlossary(contentRoot: string): { glossary: Glossary; files: TermFile[]; tree: ContentTree } {
  const tree = readContentTree(contentRoot);
  return { glossary: tree.glossary, files: tree.terms, tree };
}

export function termLinksOptions(glossary: Glossary, contentRoot: string): TermLinksOptions {
  const termsDir = resolve(contentRoot, 'terms') + sep;
  return {
    terms: [...glossary.terms.values()].map((t) => ({ slug: t.slug, names: t.names })),
    slugOfFile(path) {
      const full = resolve(path);
      if (!full.startsWith(termsDir)) return undefined;
      const name = full.slice(termsDir.length);
      return name.endsWith('.mdx') && !name.includes(sep) ? name.slice(0, -'.mdx'.length) : undefined;
    },
  };
}

/**
 * Every redirect the build answers with (dist/_redirects, nginx.conf, the Node server): the
 * site's own, each term's `redirectFrom` slugs and every alias address, from one content tree.
 */
export function siteRedirects(tree: ContentTree): Redirect[] {
  return redirectRules(
    tree.terms,
    tree.redirects.map((r) => ({ from: `/terms/${r.from}/`, to: `/terms/${r.to}/`, status: 301 as const })),
  );
}
