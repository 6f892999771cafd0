// Runs searches for the header box and the search page. Pagefind (its script, WebAssembly
// and index) is fetched on the first call only, from the bundle the build writes to /pagefind/.
import {
  PAGEFIND_OPTIONS,
  normalizeQuery,
  pagefindFilters,
  promoteExactMatches,
  rankByKind,
  toResultView,
  type ResultView,
  type SearchState,
} from '../lib/search.ts';

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

export async function runSearch(state: SearchState): Promise<SearchOutcome> {
  const query = normalizeQuery(state.q);
  const pagefind = await loadPagefind();
  const filters = pagefindFilters(state);
  const results = (await pagefind.search(query, { filters }))?.results ?? [];
  // When no kind is chosen, find which results are terms, so they can go ahead of guides.
  let termIds: Set<string> | null = null;
  if (!state.kind && results.length > 1) {
    const terms = (await pagefind.search(query, { filters: { ...filters, kind: 'term' } }))?.results ?? [];
    if (terms.length > 0 && terms.length < results.length) termIds = new Set(terms.map((r) => r.id));
  }
  const ranked = rankByKind(results, termIds);
  return {
    total: ranked.length,
    async views(from, to) {
      const data = await Promise.all(ranked.slice(from, to).map((r) => r.data().catch(() => null)));
      const views = data.map(toResultView).filter((v): v is ResultView => v !== null);
      return from === 0 ? promoteExactMatches(views, query) : views;
    },
  };
}
