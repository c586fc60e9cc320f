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

export async function runSearch(pf: Pagefind, state: SearchState): Promise<SearchOutcome> {
  const terms = state.query
    .split(/\s+/)
    .map(encodeQuery)
    .filter((t) => t.words.length > 0);
  const options = { filters: state.filters, ...(state.sort === 'date' ? { sort: { date: 'desc' } } : {}) };
  const all = await pf.search(terms.length > 0 ? terms.flatMap((t) => t.looseWords).join(' ') : null, options);
  // Pagefind supports one quoted phrase per search: take the longest term as the phrase, the others loose.
  const longest = terms.reduce<(typeof terms)[number] | undefined>((a, t) => (a && a.needle.length >= t.needle.length ? a : t), undefined);
  if (!longest || longest.words.length < 2) {
    return { results: all.results, exactIds: new Set(all.results.map((r) => r.id)), filters: all.filters, needles: terms.map((t) => t.needle) };
  }
  const others = terms.filter((t) => t !== longest).flatMap((t) => t.looseWords);
  const exact = await pf.search([`"${longest.words.join(' ')}"`, ...others].join(' '), options);
  // The broader search may miss an exact match (Pagefind caps how far a one-character prefix expands),
  // so the list is the union: exact matches first, then the broader search's other results.
  return { results: exactFirst(exact.results, all.results), exactIds: new Set(exact.results.map((r) => r.id)), filters: all.filters, needles: terms.map((t) => t.needle) };
}
