/**
 * The whole content check without building the site: what `astro build` refuses, in well under
 * a second. It runs the same code as the build: first the config-time reader
 * (`readContentTree`: folders, encoding, frontmatter, schema, limits, term graph; the build
 * stops there too), then each body through the same remark/rehype plugins the build's Markdown
 * and MDX pipelines run (content safety, cross-links, the guide sanitizer).
 *
 * Used by `npm run check-content` and by the broken-content tests.
 */
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkRehype from 'remark-rehype';
import { VFile } from 'vfile';
import { readContentTree, guidePredicate, ContentError, type ContentFile } from './content-source.ts';
import { termLinksOptions } from './glossary-source.ts';
import remarkTermLinks from './remark-term-links.ts';
import { rehypeGuideSanitize, remarkContentSafety } from './content-safety.ts';

const MDX_NODE_TYPES = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'];

export interface ContentCheck {
  ok: boolean;
  /** One line per problem, as the build prints it: file and field, or file:line:column. */
  problems: string[];
}

export async function checkContent(contentRoot: string): Promise<ContentCheck> {
  let tree;
  try {
    tree = readContentTree(contentRoot);
  } catch (e) {
    if (e instanceof ContentError) return { ok: false, problems: e.message.split('\n') };
    throw e;
  }
  const componentsDir = fileURLToPath(new URL('../components/', import.meta.url));
  const links = termLinksOptions(tree.glossary, contentRoot);
  const terms = unified().use(remarkParse).use(remarkGfm).use(remarkContentSafety, { componentsDir }).use(remarkTermLinks, links);
  const guides = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkGfm)
    .use(remarkContentSafety, { componentsDir })
    .use(remarkTermLinks, links)
    // As in MDX: its syntax nodes pass through to the HTML tree, where the sanitizer handles them.
    .use(remarkRehype, { passThrough: MDX_NODE_TYPES } as Parameters<typeof remarkRehype>[0])
    .use(rehypeGuideSanitize, { isGuide: guidePredicate(contentRoot) });

  const problems: string[] = [];
  const run = async (processor: typeof terms | typeof guides, entry: ContentFile<unknown>) => {
    // Blank lines in place of the frontmatter keep line numbers true to the file, as in the build.
    const file = new VFile({ path: entry.path, value: '\n'.repeat(entry.bodyOffset) + entry.body });
    try {
      await processor.run(processor.parse(file), file);
    } catch (e) {
      const message = (e as Error).message;
      problems.push(...(e instanceof Error && 'line' in e && !/^\S+:\d+/.test(message) ? [`${entry.path}:${String(e.line)}: ${message}`] : message.split('\n')));
    }
  };
  for (const term of tree.terms) await run(terms, term);
  for (const guide of tree.articles) await run(guides, guide);
  return { ok: problems.length === 0, problems };
}
