/**
 * The cross-link plugin.
 *
 * - Automatic links: in every section (the stretch between two headings) the first mention of a
 *   term, by title or alias, becomes a link to the term. Whole words only, any case (abbreviations
 *   such as "BPO" match their exact case), simple plurals and possessives included, the longest
 *   name wins. Never inside headings, links, code, HTML or MDX components, and never on the
 *   term's own page.
 * - Explicit links: `[any text](term:<slug>)` becomes a link to the term; an unknown slug fails
 *   the build with the file and line.
 * - Every term link gets the class `term-link` and `data-term="<slug>"` for previews, and the
 *   slugs a file links to are recorded in its frontmatter as `termLinks`.
 */
import type { Link, Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { termPath } from './term-card.ts';
import { createTermMatcher, type LinkableTerm } from './term-matcher.ts';

export type { LinkableTerm, TermMatch, TermMatcher } from './term-matcher.ts';
export { createTermMatcher } from './term-matcher.ts';

export interface TermLinksOptions {
  terms: readonly LinkableTerm[];
  /** The slug of the term a file defines, if it is a term file (for the own-page rule). */
  slugOfFile?: (path: string) => string | undefined;
}

export const TERM_LINK_CLASS = 'term-link';
export const EXPLICIT_LINK_PREFIX = 'term:';

/** Nodes whose text is never auto-linked. */
const SKIP = new Set([
  'heading', 'link', 'linkReference', 'inlineCode', 'code', 'html', 'definition', 'image', 'imageReference',
  'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'yaml', 'toml',
  'footnoteDefinition',
]);

function termLink(slug: string, children: PhrasingContent[]): Link {
  return {
    type: 'link',
    url: termPath(slug),
    children,
    data: { hProperties: { className: [TERM_LINK_CLASS], 'data-term': slug } },
  };
}

export class UnknownTermLinkError extends Error {
  override name = 'UnknownTermLinkError';
}

/** The remark plugin. */
export default function remarkTermLinks(options: TermLinksOptions) {
  const known = new Set(options.terms.map((t) => t.slug));
  const matcher = createTermMatcher(options.terms);

  return function transform(tree: Root, file: VFile) {
    const path = file.path ?? '';
    const self = path ? options.slugOfFile?.(path) : undefined;
    const linked = new Set<string>();
    let section = new Set<string>();
    const problems: string[] = [];

    const visit = (node: Nodes, parent: Parent | undefined, inSkipped: boolean): void => {
      if (node.type === 'heading') section = new Set();
      if (node.type === 'link' && node.url.startsWith(EXPLICIT_LINK_PREFIX)) {
        const slug = node.url.slice(EXPLICIT_LINK_PREFIX.length).replace(/\/$/, '');
        const pos = node.position?.start;
        if (!known.has(slug)) {
          problems.push(`${path || '(unknown file)'}:${pos?.line ?? '?'}:${pos?.column ?? '?'}: unknown term "${slug}" in link (term:${slug})`);
          return;
        }
        Object.assign(node, termLink(slug, node.children));
        linked.add(slug);
        section.add(slug);
        return;
      }
      const skipHere = inSkipped || SKIP.has(node.type);
      if (node.type === 'text' && !skipHere && parent) {
        const replacement = linkText(node, self, section, linked);
        if (replacement) {
          const index = parent.children.indexOf(node as never);
          parent.children.splice(index, 1, ...(replacement as never[]));
        }
        return;
      }
      if ('children' in node) {
        // Copy: text nodes are replaced in place while walking.
        for (const child of [...node.children]) visit(child as Nodes, node as Parent, skipHere);
      }
    };

    const linkText = (node: Text, selfSlug: string | undefined, inSection: Set<string>, all: Set<string>): PhrasingContent[] | undefined => {
      const matches = matcher.find(node.value).filter((m) => m.slug !== selfSlug);
      const out: PhrasingContent[] = [];
      let cursor = 0;
      for (const m of matches) {
        if (inSection.has(m.slug)) continue;
        inSection.add(m.slug);
        all.add(m.slug);
        if (m.index > cursor) out.push({ type: 'text', value: node.value.slice(cursor, m.index) });
        out.push(termLink(m.slug, [{ type: 'text', value: node.value.slice(m.index, m.index + m.length) }]));
        cursor = m.index + m.length;
      }
      if (out.length === 0) return undefined;
      if (cursor < node.value.length) out.push({ type: 'text', value: node.value.slice(cursor) });
      return out;
    };

    visit(tree, undefined, false);
    if (problems.length > 0) throw new UnknownTermLinkError(problems.join('\n'));

    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.termLinks = [...linked].sort();
  };
}
