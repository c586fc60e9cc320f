// The search itself, as the browser runs it against a Pagefind index: a search for the query's pieces
// (every result) and an exact phrase search (which results contain the query's characters in a row),
// merged with exact matches first. Shared by the search page and the search-quality benchmark.
import { encodeQuery } from './tokens.ts';
import { exactFirst, type SearchState } from './results.ts';

export interface PagefindResult {
  id: string;
  data: () => Promise<{ url: string; content: string; meta: Record<string, string> }>;
}
export interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}
export interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  mergeIndex: (url: string) => Promise<void>;
  search: (query: string | null, o?: Record<string, unknown>) => Promise<PagefindResponse>;
}

export interface SearchOutcome {
  /** Every result, those containing the query exactly first. */
  results: PagefindResult[];
  exactIds: Set<string>;
  /** Facet counts over all results. */
  filters: PagefindResponse['filters'];
  /** The query's terms as typed (punctuation removed), for highlighting. */
  needles: string[];
}

/** Facet selections as Pagefind filters: several values of one facet match any of them. */
function pagefindFilters(filters: SearchState['filters']): Record<string, { any: string[] }> {
  return Object.fromEntries(Object.entries(filters).map(([key, values]) => [key, { any: values ?? [] }]));
}

/**
 * Results of one query, newest first or by relevance. The index is one shard per year merged in the
 * browser, and Pagefind does not keep a date order across merged shards; so a date-ordered search asks
 * year by year, newest first, each within one shard.
 */
async function orderedResults(pf: Pagefind, query: string | null, state: SearchState): Promise<PagefindResult[]> {
  if (state.sort !== 'date') return (await pf.search(query, { filters: pagefindFilters(state.filters) })).results;
  const years = state.filters.year ?? Object.keys((await pf.filters())['year'] ?? {});
  const lists: PagefindResult[][] = [];
  for (const year of [...years].sort().reverse()) {
    const filters = pagefindFilters({ ...state.filters, year: [year] });
    lists.push((await pf.search(query, { filters, sort: { date: 'desc' } })).results);
  }
  return lists.flat();
}

export async function runSearch(pf: Pagefind, state: SearchState): Promise<SearchOutcome> {
  const terms = state.query
    .split(/\s+/)
    .map(encodeQuery)
    .filter((t) => t.words.length > 0);
  const needles = terms.map((t) => t.needle);
  const broadQuery = terms.length > 0 ? terms.flatMap((t) => t.looseWords).join(' ') : null;
  const counts = (await pf.search(broadQuery, { filters: pagefindFilters(state.filters) })).filters;
  const broad = await orderedResults(pf, broadQuery, state);
  // Pagefind supports one quoted phrase per search: take the longest term as the phrase, the others loose.
  const longest = terms.reduce<(typeof terms)[number] | undefined>((a, t) => (a && a.needle.length >= t.needle.length ? a : t), undefined);
  if (!longest || longest.words.length < 2) {
    return { results: broad, exactIds: new Set(broad.map((r) => r.id)), filters: counts, needles };
  }
  const others = terms.filter((t) => t !== longest).flatMap((t) => t.looseWords);
  const exact = await orderedResults(pf, [`"${longest.words.join(' ')}"`, ...others].join(' '), state);
  // The broader search may miss an exact match (Pagefind caps how far a one-character prefix expands),
  // so the list is the union: exact matches first, then the broader search's other results.
  return { results: exactFirst(exact, broad), exactIds: new Set(exact.map((r) => r.id)), filters: counts, needles };
}
