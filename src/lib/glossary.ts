/**
 * The term graph: every term with its names, related terms and contrasts, checked as a whole.
 * Built once at config time (for the cross-link plugin) and once per build for the pages,
 * from the same inputs, so both see the same graph.
 */
import { SLUG_PATTERN } from './content-schema.ts';

export interface GlossaryInput {
  slug: string;
  /** Where the term comes from, for error messages (content/terms/x.mdx). */
  file: string;
  title: string;
  aliases: readonly string[];
  related: readonly string[];
  contrasts: readonly string[];
  /** Whether the term has the comparison profile its contrast pairs need. */
  hasProfile?: boolean;
}

export interface GlossaryTerm extends GlossaryInput {
  /** Title and aliases: every name a mention can use. */
  names: string[];
}

export interface ContrastPair {
  a: string;
  b: string;
  path: string;
}

export class GlossaryError extends Error {
  override name = 'GlossaryError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`The glossary has ${problems.length} broken reference${problems.length === 1 ? '' : 's'}:\n${problems.join('\n')}`);
    this.problems = problems;
  }
}

export const normalizeName = (name: string): string => name.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

/** URL of the comparison page of two terms: slugs in alphabetical order. */
export function comparePath(x: string, y: string): string {
  const [a, b] = [x, y].sort();
  return `/compare/${a}-vs-${b}/`;
}

export class Glossary {
  readonly terms: ReadonlyMap<string, GlossaryTerm>;
  /** Contrasts in both directions, computed once. */
  readonly #contrasts = new Map<string, Set<string>>();

  constructor(terms: Map<string, GlossaryTerm>) {
    this.terms = terms;
    for (const term of terms.values()) {
      for (const other of term.contrasts) {
        if (other === term.slug) continue;
        for (const [x, y] of [[term.slug, other], [other, term.slug]] as const) {
          if (!this.#contrasts.has(x)) this.#contrasts.set(x, new Set());
          this.#contrasts.get(x)!.add(y);
        }
      }
    }
  }

  get(slug: string): GlossaryTerm | undefined {
    return this.terms.get(slug);
  }

  /** Every unordered contrast pair once, sorted by path. */
  contrastPairs(): ContrastPair[] {
    const pairs = new Map<string, ContrastPair>();
    for (const term of this.terms.values()) {
      for (const other of term.contrasts) {
        const [a, b] = [term.slug, other].sort() as [string, string];
        const path = comparePath(a, b);
        pairs.set(path, { a, b, path });
      }
    }
    return [...pairs.values()].sort((p, q) => p.path.localeCompare(q.path));
  }

  /** Contrasts of a term, including terms that name it as a contrast. */
  contrastsOf(slug: string): string[] {
    return [...(this.#contrasts.get(slug) ?? [])].sort();
  }
}

/** Builds and validates the graph; throws a GlossaryError naming file and field of every problem. */
export function buildGlossary(inputs: readonly GlossaryInput[]): Glossary {
  const problems: string[] = [];
  const terms = new Map<string, GlossaryTerm>();

  for (const input of inputs) {
    if (!SLUG_PATTERN.test(input.slug)) {
      problems.push(`${input.file}: file name: "${input.slug}" is not a lowercase hyphenated slug`);
    }
    const existing = terms.get(input.slug);
    if (existing) {
      problems.push(`${input.file}: slug: "${input.slug}" is already used by ${existing.file}`);
      continue;
    }
    terms.set(input.slug, { ...input, names: [input.title, ...input.aliases] });
  }

  // Every name must point at exactly one term. Titles are registered first, so that an alias
  // clashing with a title is reported on the alias.
  const owners = new Map<string, { file: string; field: 'title' | 'aliases' }>();
  const claim = (term: GlossaryTerm, name: string, field: 'title' | 'aliases') => {
    const key = normalizeName(name);
    const owner = owners.get(key);
    if (!owner) {
      owners.set(key, { file: term.file, field });
      return;
    }
    if (owner.file === term.file) problems.push(`${term.file}: field "${field}": "${name}" repeats a name this term already has`);
    else problems.push(`${term.file}: field "${field}": "${name}" is already ${owner.field === 'title' ? 'the title' : 'an alias'} of ${owner.file}`);
  };
  for (const term of terms.values()) claim(term, term.title, 'title');
  for (const term of terms.values()) for (const alias of term.aliases) claim(term, alias, 'aliases');

  for (const term of terms.values()) {
    for (const field of ['related', 'contrasts'] as const) {
      const seen = new Set<string>();
      for (const slug of term[field]) {
        if (slug === term.slug) problems.push(`${term.file}: field "${field}": a term cannot list itself ("${slug}")`);
        else if (!terms.has(slug)) problems.push(`${term.file}: field "${field}": unknown term "${slug}" (no content/terms/${slug}.mdx)`);
        if (seen.has(slug)) problems.push(`${term.file}: field "${field}": "${slug}" is listed twice`);
        seen.add(slug);
      }
    }
  }

  const glossary = new Glossary(terms);
  if (problems.length === 0) {
    for (const term of terms.values()) {
      const comparedWith = glossary.contrastsOf(term.slug);
      if (term.hasProfile === false && comparedWith.length > 0) {
        problems.push(
          `${term.file}: field "profile": required, because /compare/ pages set this term beside ${comparedWith.map((s) => `"${s}"`).join(', ')}`,
        );
      }
    }
  }
  if (problems.length > 0) throw new GlossaryError(problems);
  return glossary;
}
