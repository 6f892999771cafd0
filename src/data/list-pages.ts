/**
 * The long lists of the site cut into pages (src/lib/list-pages.ts, src/lib/a-z.ts), computed
 * once per build: the A-Z, each topic and the comparisons. A list that fits one page
 * (GLOSSARY_LIST_PAGE_SIZE items, 200 by default) stays one page, as it always was.
 */
import { listPageSize, pagePath, paginate, type ListPage } from '../lib/list-pages.ts';
import { needsSplit, splitByLetter, type LetterPage } from '../lib/a-z.ts';
import { comparePath } from '../lib/glossary.ts';
import type { Topic } from '../lib/content-schema.ts';
import { allTerms, termsBySlug, termsInTopic, type TermEntry } from './collections.ts';
import { glossary } from './term-graph.ts';

/** Items per list page, read once at build time. */
export const PAGE_SIZE = listPageSize();

const titleOf = (t: TermEntry) => t.data.title;

let letterPagesPromise: Promise<LetterPage<TermEntry>[]> | undefined;
/** The A-Z's letter pages (/glossary/k/, /glossary/k/2/), or none when every term fits on /glossary/. */
export function glossaryLetterPages(): Promise<LetterPage<TermEntry>[]> {
  letterPagesPromise ??= allTerms().then((terms) => (needsSplit(terms.length, PAGE_SIZE) ? splitByLetter(terms, titleOf, PAGE_SIZE) : []));
  return letterPagesPromise;
}

export interface PathedPage<T> extends ListPage<T> {
  path: string;
}

export const topicPath = (topic: Topic, n = 1): string => pagePath(`/topics/${topic}/`, n);

const topicCache = new Map<Topic, Promise<PathedPage<TermEntry>[]>>();
/** A topic's terms in A-Z order, in pages: /topics/<topic>/, then /topics/<topic>/2/... One page when they fit. */
export function topicPages(topic: Topic): Promise<PathedPage<TermEntry>[]> {
  let pages = topicCache.get(topic);
  if (!pages) {
    pages = termsInTopic(topic).then((terms) => paginate(terms, titleOf, PAGE_SIZE).map((page) => ({ ...page, path: topicPath(topic, page.number) })));
    topicCache.set(topic, pages);
  }
  return pages;
}

export interface ComparisonPair {
  a: TermEntry;
  b: TermEntry;
  path: string;
  title: string;
}

/** Pages after the first live under /compare/page/<n>/: two segments deep, so never a /compare/<a>-vs-<b>/ page. */
export const comparePagePath = (n: number): string => pagePath('/compare/', n, 'page/');

let comparePagesPromise: Promise<PathedPage<ComparisonPair>[]> | undefined;
/** Every comparison, by the first term's title, then the second's, in pages: /compare/, then /compare/page/2/... (one empty page when there are none). */
export function comparisonPages(): Promise<PathedPage<ComparisonPair>[]> {
  comparePagesPromise ??= Promise.all([glossary(), termsBySlug()]).then(([graph, bySlug]) => {
    const pairs = graph
      .contrastPairs()
      .map(({ a, b }) => {
        const x = bySlug.get(a)!;
        const y = bySlug.get(b)!;
        return { a: x, b: y, path: comparePath(a, b), title: `${x.data.title} vs ${y.data.title}` };
      })
      .sort((x, y) => x.a.data.title.localeCompare(y.a.data.title, 'en') || x.b.data.title.localeCompare(y.b.data.title, 'en'));
    const pages = paginate(pairs, (p) => p.title, PAGE_SIZE).map((page) => ({ ...page, path: comparePagePath(page.number) }));
    // A glossary without contrasts still has its (empty) /compare/.
    return pages.length > 0 ? pages : [{ number: 1, of: 1, items: [], from: '', to: '', label: '', path: comparePagePath(1) }];
  });
  return comparePagesPromise;
}
