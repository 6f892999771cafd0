// Runs searches for the header box and the search page. Pagefind (its script, WebAssembly
// and index) is fetched on the first call only, from the bundle the build writes to /pagefind/.
// Pagefind matches words; the name index (name-lookup.ts) adds the terms whose title or alias
// the query names, typos and prefixes included, ahead of Pagefind's results.
import {
  KIND_LABELS,
  PAGEFIND_OPTIONS,
  normalizeQuery,
  pagefindFilters,
  toResultView,
  type ResultView,
  type SearchState,
} from '../lib/search.ts';
import { correction, matchedAlias, mergeResults, type NameHit } from '../lib/name-index.ts';
import { termPath } from '../lib/term-card.ts';
import { lookupNames } from './name-lookup.ts';

interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<unknown>;
}

interface PagefindResponse {
  results: PagefindResult[];
  filters?: Record<string, Record<string, number>>;
}

interface Pagefind {
  options(options: object): Promise<void>;
  init(): Promise<void>;
  search(term: string, options?: { filters?: Record<string, string> }): Promise<PagefindResponse | null>;
}

export interface SearchOutcome {
  total: number;
  /** "Did you mean ...?": the term the query probably misspells, when it found little itself. */
  correction: { title: string; url: string } | null;
  /** Loads and shapes the ranked results from index `from` up to `to`. */
  views(from: number, to: number): Promise<ResultView[]>;
}

// A variable, so that the bundler leaves this runtime URL alone.
const BUNDLE = '/pagefind/pagefind.js';

/**
 * The header box (/search-ui.js) and the search page each bundle this module, but Pagefind's
 * module is one per page: its options are set once, before init (a second `options()` call
 * after init reaches the index itself, which knows nothing of `noWorker` and warns). So the
 * loading promise is shared through a global symbol, which no element id can shadow.
 */
const SHARED = Symbol.for('outsourcing-glossary.pagefind');
const shared = globalThis as unknown as Record<symbol, Promise<Pagefind> | undefined>;

export function loadPagefind(): Promise<Pagefind> {
  let loading = shared[SHARED];
  if (!loading) {
    loading = import(/* @vite-ignore */ BUNDLE).then(async (pagefind: Pagefind) => {
      await pagefind.options(PAGEFIND_OPTIONS);
      await pagefind.init();
      return pagefind;
    });
    shared[SHARED] = loading;
    // Let a later call try again after a network failure.
    loading.catch(() => {
      if (shared[SHARED] === loading) shared[SHARED] = undefined;
    });
  }
  return loading;
}

/**
 * Pagefind's result for a name hit that its own search did not find: a search for the term's
 * title (unfiltered, so that no filter index is fetched), picked out by the page's id.
 */
async function resultForHit(pagefind: Pagefind, hit: NameHit): Promise<PagefindResult | undefined> {
  const found = (await pagefind.search(hit.title))?.results ?? [];
  return found.find((r) => r.id === hit.id);
}

function bareView(hit: NameHit): ResultView {
  return { url: termPath(hit.slug), title: hit.title, kind: 'term', kindLabel: KIND_LABELS.term, topic: hit.topic || null, summary: '', excerpt: [], names: [hit.title] };
}

export async function runSearch(state: SearchState): Promise<SearchOutcome> {
  const query = normalizeQuery(state.q);
  // The name index is a help, not a requirement: search goes on without it.
  const [pagefind, hits] = await Promise.all([loadPagefind(), lookupNames(query).catch((): NameHit[] => [])]);
  // One pass: guides are weighted below terms in the index itself (GUIDE_WEIGHT).
  const results = (await pagefind.search(query, { filters: pagefindFilters(state) }))?.results ?? [];
  const merged = mergeResults(hits, results, (hit) => state.kind !== 'guide' && (!state.topic || hit.topic === state.topic));
  const fix = correction(hits, results.length);
  return {
    total: merged.length,
    correction: fix && merged[0]?.hit === fix ? { title: fix.title, url: termPath(fix.slug) } : null,
    async views(from, to) {
      const shaped = await Promise.all(
        merged.slice(from, to).map(async ({ hit, result }) => {
          const source = result ?? (hit && (await resultForHit(pagefind, hit).catch(() => undefined)));
          const view = (source && toResultView(await source.data().catch(() => null))) ?? (hit ? bareView(hit) : null);
          if (view) {
            const alias = hit ? (hit.alias ? hit.name : null) : matchedAlias(view.names, query);
            if (alias) view.alsoCalled = alias;
          }
          return view;
        }),
      );
      // Exact names come first as name hits; the rest keeps Pagefind's order.
      return shaped.filter((v): v is ResultView => v !== null);
    },
  };
}
