/**
 * Keeps script out of published content.
 *
 * - Term bodies are plain Markdown: any raw HTML in them (`<script>`, `<iframe>`, `<img onerror>`,
 *   and HTML comments too) fails the build with the file and line.
 * - Guides (MDX) may use HTML elements and attributes from an allowlist only: the schema of
 *   `rehype-sanitize` below. An element or attribute outside it (`<script>`, `<iframe>`, `on*=`,
 *   `style=`...) fails the build with the file and line, and the sanitizer then runs over every
 *   guide's HTML as a second line of defence. Components may be used only when imported from
 *   `src/components`; JavaScript expressions (`{...}`), `export`s and computed attribute values
 *   are refused, since the sanitizer cannot see what they would render.
 * - Every address (Markdown links, images, link definitions, href/src written in guides) must
 *   pass `url-policy.ts`: http(s), mailto, `term:` links and site-relative addresses only.
 *
 * `remarkContentSafety` runs in the Markdown pipeline of terms and guides alike (a term has no
 * MDX nodes, a guide no raw HTML nodes), `rehypeGuideSanitize` in the HTML pipeline of guides.
 * The fast content check (`content-check.ts`) runs the same two plugins.
 */
import { dirname, resolve, sep } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { h } from 'hastscript';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import type { Schema } from 'hast-util-sanitize';
import type { Element, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { VFile } from 'vfile';
import { ContentError } from './content-source.ts';
import { TERM_LINK_CLASS } from './remark-term-links.ts';
import { IMAGE_RULES, LINK_RULES, urlProblem, type UrlRules } from './url-policy.ts';

const defaults = defaultSchema;
const defaultAttributes = defaultSchema.attributes!;

/**
 * What survives in a guide's HTML: GitHub's allowlist (what Markdown produces, plus simple
 * formatting elements), with:
 * - the cross-link plugin's markup (`<a class="term-link" data-term>`) allowed;
 * - `id` only as Markdown footnotes write it, `name` not at all, so no hand-written element can
 *   take the id a page script looks for (heading ids are added after sanitizing);
 * - links limited to http(s) and mailto, images to http(s) (site-relative always pass);
 * - the content of script-like elements dropped with them.
 * No `style`, no `on*`, no `<script>`, `<iframe>`, `<object>`, `<embed>`, `<form>`, `<svg>`.
 */
export const GUIDE_SCHEMA: Schema = {
  ...defaults,
  clobber: [],
  attributes: {
    ...defaultAttributes,
    a: [
      ...defaultAttributes.a!.filter((d) => (typeof d === 'string' ? d : d[0]) !== 'className'),
      ['className', TERM_LINK_CLASS, 'data-footnote-backref'],
      'dataTerm',
      'data-term',
    ],
    '*': [...defaultAttributes['*']!.filter((d) => d !== 'id' && d !== 'name'), ['id', /^user-content-/, 'footnote-label']],
  },
  protocols: { ...defaults.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'], cite: ['http', 'https'] },
  strip: ['script', 'style', 'template', 'iframe', 'noscript', 'object', 'embed', 'svg', 'math', 'textarea', 'title', 'xmp'],
};

/** For checking one element alone: no ancestor rules, no attributes added. */
const ELEMENT_CHECK_SCHEMA: Schema = { ...GUIDE_SCHEMA, ancestors: {}, required: {} };
const KEEP_TAG = 'glossary-kept-node';
const SANITIZE_SCHEMA: Schema = {
  ...GUIDE_SCHEMA,
  tagNames: [...GUIDE_SCHEMA.tagNames!, KEEP_TAG],
  attributes: { ...GUIDE_SCHEMA.attributes, [KEEP_TAG]: ['dataKept'] },
};

/** Attributes that hold addresses, and the rules for them. */
const URL_ATTRIBUTES: Record<string, UrlRules> = {
  href: { ...LINK_RULES, schemes: ['http', 'https', 'mailto'] },
  src: IMAGE_RULES,
  srcset: IMAGE_RULES,
  cite: IMAGE_RULES,
  action: IMAGE_RULES,
  formaction: IMAGE_RULES,
  poster: IMAGE_RULES,
  background: IMAGE_RULES,
  longdesc: IMAGE_RULES,
  data: IMAGE_RULES,
  'xlink:href': IMAGE_RULES,
};

// Minimal shapes of the MDX syntax tree nodes (mdast-util-mdx), enough for these checks.
interface Position {
  start: { line: number; column: number };
}
interface JsxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string; value: string };
}
interface AnyNode {
  type: string;
  position?: Position;
  children?: AnyNode[];
  value?: string;
  url?: string;
  name?: string | null;
  attributes?: JsxAttribute[];
  data?: { estree?: { body: EstreeStatement[] } };
}
interface EstreeStatement {
  type: string;
  source?: { value?: unknown };
  specifiers?: { type: string; local: { name: string } }[];
}

const isComponentName = (name: string) => /^[A-Z]/.test(name) || name.includes('.');
const snippet = (text: string) => JSON.stringify(text.length > 50 ? `${text.slice(0, 50)}…` : text);

export interface ContentSafetyOptions {
  /** Folder that guides may import components from (src/components). */
  componentsDir: string;
}

/** The remark plugin: throws a ContentError listing every problem with file, line and column. */
export function remarkContentSafety(options: ContentSafetyOptions) {
  const componentsDir = resolve(options.componentsDir) + sep;
  return function transform(tree: MdastRoot, file: VFile) {
    const path = file.path || '(unknown file)';
    const problems: string[] = [];
    const report = (node: AnyNode, message: string) => {
      const start = node.position?.start;
      problems.push(`${path}:${start?.line ?? '?'}:${start?.column ?? '?'}: ${message}`);
    };
    const checkUrl = (node: AnyNode, what: string, url: string, rules: UrlRules) => {
      const problem = urlProblem(url, rules);
      if (problem) report(node, `${what} ${snippet(url)}: ${problem}`);
    };

    // Components a guide may use: those it imports from src/components.
    const imported = new Set<string>();
    for (const node of (tree as unknown as AnyNode).children ?? []) {
      if (node.type !== 'mdxjsEsm') continue;
      for (const statement of node.data?.estree?.body ?? []) {
        const source = statement.source?.value;
        const target = typeof source === 'string' && source.startsWith('.') ? resolve(dirname(path), source) : '';
        if (statement.type !== 'ImportDeclaration') {
          report(node, 'only imports of components are allowed in guides (no export statements)');
        } else if (!target.startsWith(componentsDir) || !target.endsWith('.astro')) {
          report(node, `imports are limited to components in src/components (found ${snippet(String(source))})`);
        } else if (statement.specifiers?.some((s) => s.type !== 'ImportDefaultSpecifier')) {
          report(node, 'import a component by its default export: import Name from \'…/src/components/Name.astro\'');
        } else {
          for (const s of statement.specifiers ?? []) imported.add(s.local.name);
        }
      }
    }

    const visit = (node: AnyNode): void => {
      switch (node.type) {
        case 'html':
          report(node, `raw HTML is not allowed in term files, which are plain Markdown (found ${snippet(node.value ?? '')})`);
          break;
        case 'link':
        case 'definition':
          checkUrl(node, 'link address', node.url ?? '', LINK_RULES);
          break;
        case 'image':
          checkUrl(node, 'image address', node.url ?? '', IMAGE_RULES);
          break;
        case 'mdxFlowExpression':
        case 'mdxTextExpression': {
          const body = node.data?.estree?.body;
          if (body ? body.length > 0 : (node.value ?? '').trim() !== '') {
            report(node, `JavaScript expressions are not allowed in guides (found {${(node.value ?? '').slice(0, 40)}}); write the text itself, escaping braces as \\{`);
          }
          break;
        }
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement':
          checkJsx(node);
          break;
      }
      for (const child of node.children ?? []) visit(child);
    };

    const checkJsx = (node: AnyNode) => {
      const name = node.name;
      if (!name) return; // a fragment: <>…</>
      const literal: Record<string, string | true> = {};
      for (const attr of node.attributes ?? []) {
        if (attr.type !== 'mdxJsxAttribute' || !attr.name) {
          report(node, `<${name}>: spread attributes ({...}) are not allowed in guides`);
        } else if (attr.value !== null && attr.value !== undefined && typeof attr.value !== 'string') {
          report(node, `<${name}>: attribute "${attr.name}" must be plain text, not an expression ({…})`);
        } else {
          literal[attr.name] = attr.value ?? true;
        }
      }
      if (isComponentName(name)) {
        if (!imported.has(name)) report(node, `<${name}>: components in guides must be imported from src/components`);
        return;
      }
      const before = problems.length;
      for (const [attr, value] of Object.entries(literal)) {
        const rules = URL_ATTRIBUTES[attr.toLowerCase()];
        if (!rules || value === true) continue;
        const urls = attr.toLowerCase() === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
        for (const url of urls) checkUrl(node, `<${name}> ${attr}`, url, rules);
        // The address is reported already; the sanitizer would only say the same.
        if (problems.length > before) delete literal[attr];
      }
      for (const message of elementProblems(name, literal)) report(node, message);
    };

    visit(tree as unknown as AnyNode);
    if (problems.length > 0) throw new ContentError(problems.join('\n'));
  };
}

/** What the sanitizer would remove from one element written in a guide, as messages. */
export function elementProblems(name: string, attributes: Record<string, string | true>): string[] {
  const kept = (element: Element): Element | undefined => {
    const result = rehypeSanitize(ELEMENT_CHECK_SCHEMA)({ type: 'root', children: [element] });
    return result.children.find((c): c is Element => c.type === 'element');
  };
  let bare: Element;
  try {
    bare = h(name, {});
  } catch {
    return [`<${name}> is not a valid HTML element name`];
  }
  if (!kept(bare)) return [`<${name}> is not allowed in guides (allowed HTML: GUIDE_SCHEMA in src/lib/content-safety.ts)`];
  const problems: string[] = [];
  for (const [attr, value] of Object.entries(attributes)) {
    const one = h(name, { [attr]: value });
    const after = kept(one);
    if (!after || !isDeepStrictEqual(one.properties, after.properties)) {
      problems.push(`<${name}>: attribute "${attr}" is not allowed in guides${/^on/i.test(attr) ? ' (no event handlers)' : ''}`);
    }
  }
  return problems;
}

export interface GuideSanitizeOptions {
  /** Whether a file is a guide (other Markdown, such as term bodies, is left alone). */
  isGuide(path: string): boolean;
}

/**
 * The rehype plugin: runs rehype-sanitize with GUIDE_SCHEMA over a guide's HTML. HTML written
 * as JSX in MDX is turned into plain HTML elements first, so the sanitizer sees it; the MDX
 * nodes it cannot judge (allowed components, imports, comments) are kept aside while it runs
 * and put back with their sanitized children.
 */
export function rehypeGuideSanitize(options: GuideSanitizeOptions) {
  const sanitize = rehypeSanitize(SANITIZE_SCHEMA);
  return function transform(tree: HastRoot, file: VFile): HastRoot {
    if (!file.path || !options.isGuide(file.path)) return tree;
    const kept: { node: AnyNode; parent: boolean }[] = [];

    const prepare = (node: AnyNode): AnyNode => {
      const children = node.children?.map(prepare);
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && !isComponentName(node.name)) {
        const properties: Record<string, string | true> = {};
        for (const attr of node.attributes ?? []) {
          if (attr.type === 'mdxJsxAttribute' && attr.name && (attr.value === null || attr.value === undefined || typeof attr.value === 'string')) {
            properties[attr.name] = attr.value ?? true;
          }
        }
        let element: Element;
        try {
          element = h(node.name, properties, (children ?? []) as never);
        } catch {
          return { type: 'text', value: '' };
        }
        if (node.position) element.position = node.position as Element['position'];
        return element as unknown as AnyNode;
      }
      if (node.type.startsWith('mdx')) {
        kept.push({ node, parent: Array.isArray(node.children) });
        return { type: 'element', tagName: KEEP_TAG, properties: { dataKept: kept.length - 1 }, children: children ?? [] } as unknown as AnyNode;
      }
      return children ? { ...node, children } : node;
    };

    const restore = (node: HastContent | HastRoot): AnyNode => {
      const children = 'children' in node ? (node.children as HastContent[]).map(restore) : undefined;
      if (node.type === 'element' && node.tagName === KEEP_TAG) {
        const original = kept[Number(node.properties.dataKept)]!;
        return original.parent ? { ...original.node, children: children ?? [] } : original.node;
      }
      return children ? { ...(node as AnyNode), children } : (node as AnyNode);
    };

    const clean = sanitize(prepare(tree as unknown as AnyNode) as unknown as HastRoot);
    return restore(clean) as unknown as HastRoot;
  };
}
