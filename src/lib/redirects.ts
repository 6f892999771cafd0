/**
 * Old and alternative addresses of terms: `/terms/<alias-slug>/` for every alias ("BPO" ->
 * /terms/bpo/, "call centre" -> /terms/call-centre/) and every slug a term lists in
 * `redirectFrom` lead to the term's page. This module plans them from the terms' frontmatter
 * and refuses collisions, naming both files; it renders the static redirect page and the
 * `_redirects` file (Netlify and Cloudflare Pages format). The build integration
 * (src/integrations/alias-redirects.ts) writes them.
 */
import { termPath } from './term-card.ts';

export interface RedirectSource {
  slug: string;
  /** The term's file, for error messages (content/terms/x.mdx). */
  file: string;
  title: string;
  aliases: readonly string[];
  redirectFrom?: readonly string[];
}

export interface Redirect {
  /** The old or alternative slug: /terms/<from>/. */
  from: string;
  /** The term's slug. */
  to: string;
  title: string;
  /** Why it exists: the alias as written, or "redirectFrom". */
  reason: string;
}

export class RedirectError extends Error {
  override name = 'RedirectError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`${problems.length} term address${problems.length === 1 ? '' : 'es'} collide:\n${problems.join('\n')}`);
    this.problems = problems;
  }
}

/** A name as a URL slug: lower case ASCII letters and digits, words joined by hyphens ("T&M" -> "t-m"). */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Every redirect the terms ask for, sorted by address. Throws a RedirectError when an address
 * is a term's own page, or is claimed by two terms; a term's own names that land on one address,
 * or on its own slug, need no redirect and are not errors. Names that slugify to nothing are
 * skipped.
 */
export function planRedirects(terms: readonly RedirectSource[]): Redirect[] {
  const problems: string[] = [];
  const bySlug = new Map(terms.map((t) => [t.slug, t]));
  const claimed = new Map<string, { redirect: Redirect; file: string }>();
  for (const term of terms) {
    const wanted = [
      ...term.aliases.map((alias) => ({ from: slugify(alias), reason: `alias "${alias}"`, field: 'aliases' })),
      ...(term.redirectFrom ?? []).map((old) => ({ from: old, reason: `redirectFrom "${old}"`, field: 'redirectFrom' })),
    ];
    for (const { from, reason, field } of wanted) {
      if (!from || from === term.slug) continue;
      const page = bySlug.get(from);
      if (page) {
        problems.push(`${term.file}: field "${field}": ${reason} would redirect /terms/${from}/, which is the page of ${page.file}`);
        continue;
      }
      const other = claimed.get(from);
      if (other) {
        if (other.redirect.to !== term.slug) {
          problems.push(`${term.file}: field "${field}": ${reason} would redirect /terms/${from}/, already claimed by ${other.file} (${other.redirect.reason})`);
        }
        continue;
      }
      claimed.set(from, { redirect: { from, to: term.slug, title: term.title, reason }, file: term.file });
    }
  }
  if (problems.length > 0) throw new RedirectError(problems);
  return [...claimed.values()].map((c) => c.redirect).sort((a, b) => a.from.localeCompare(b.from));
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The static page at /terms/<from>/: sends the browser on at once (meta refresh), tells search
 * engines the term's page is the real one (canonical, noindex) and shows a plain link for
 * anything that does not follow the refresh. No script, no style: any CSP allows it.
 */
export function redirectPage(redirect: Redirect, site: string): string {
  const path = termPath(redirect.to);
  const canonical = new URL(path, site).href;
  const title = escapeHtml(redirect.title);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} | moved</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${escapeHtml(canonical)}">
<meta http-equiv="refresh" content="0; url=${escapeHtml(path)}">
</head>
<body data-pagefind-ignore="all" data-redirect-to="${escapeHtml(path)}">
<main>
<p>This term is at <a href="${escapeHtml(path)}">${title}</a>.</p>
</main>
</body>
</html>
`;
}
