// The search itself, as the browser runs it against a Pagefind index: a search for the query's pieces
// (every result) and an exact phrase search (which results contain the query's characters in a row),
// merged with exact matches first. Shared by the search page and the search-quality benchmark.
import { encodeQuery } from './tokens.ts';
import { exactFirst, type SearchState } from './results.ts';

export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<{ url: string; content: string; meta: Record<string, string> }>;
}
export interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}
export interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  mergeIndex: (url: string, o?: Record<string, unknown>) => Promise<void>;
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
function pagefindFilters(filters: Partial<Record<string, string[]>>): Record<string, { any: string[] }> {
  return Object.fromEntries(Object.entries(filters).map(([key, values]) => [key, { any: values ?? [] }]));
}

/** A shard of the index as the search page knows it: where it is, and the facet values that select it. */
export interface Shard {
  url: string;
  /** `2022年` */
  year: string;
  /** `['4月']`, when the shard holds only part of its year. */
  months?: string[];
}

/**
 * A facet that exists only in the browser: every page of a shard carries its shard's URL (Pagefind's
 * `mergeFilter`), so a search can be kept to one shard without downloading any facet data.
 */
const SHARD = 'shard';

/**
 * Prepares Pagefind (freshly imported from the newest shard) and merges the other shards into it.
 * Pagefind keeps its web worker (12 KB more to download): on the page's own thread, loading the index
 * and searching blocked a throttled phone for over 200 ms (Lighthouse performance 93 instead of 100).
 */
export async function openIndex(pf: Pagefind, shards: readonly Shard[]): Promise<Pagefind> {
  await pf.options({ excerptLength: 0, ...(shards[0] ? { mergeFilter: { [SHARD]: shards[0].url } } : {}) });
  for (const shard of shards.slice(1)) await pf.mergeIndex(shard.url, { mergeFilter: { [SHARD]: shard.url } });
  return pf;
}

/**
 * Results of one query, newest first or by relevance. The index is split into shards merged in the
 * browser, so the search runs shard by shard (shards the reader's year and month facets rule out are skipped): Pagefind
 * keeps no date order across merged shards, and a shard that lacks one of the query's words altogether
 * would otherwise answer for the other words alone (Pagefind drops words an index does not have).
 * `required` are words that must each be in a shard for it to take part. Facet counts are summed.
 */
async function searchShards(
  pf: Pagefind,
  query: string | null,
  required: readonly string[],
  state: SearchState,
  shards: readonly Shard[],
): Promise<{ results: PagefindResult[]; filters: PagefindResponse['filters'] }> {
  const wanted = (selected: readonly string[] | undefined, values: readonly string[]) => !selected || values.some((v) => selected.includes(v));
  const scopes: Record<string, string[]>[] =
    shards.length < 2
      ? [{}]
      : shards.filter((s) => wanted(state.filters.year, [s.year]) && (!s.months || wanted(state.filters.month, s.months))).map((s) => ({ [SHARD]: [s.url] }));
  const lists: PagefindResult[][] = [];
  const counts: PagefindResponse['filters'] = {};
  for (const scope of scopes) {
    const filters = { ...pagefindFilters(state.filters), ...pagefindFilters(scope) };
    let complete = true;
    for (const word of required) {
      if ((await pf.search(word, { filters })).results.length === 0) {
        complete = false;
        break;
      }
    }
    if (!complete) continue;
    const response = await pf.search(query, { filters, ...(state.sort === 'date' ? { sort: { date: 'desc' } } : {}) });
    lists.push(response.results);
    for (const [facet, values] of Object.entries(response.filters)) {
      if (facet === SHARD) continue;
      const sum = (counts[facet] ??= {});
      for (const [value, n] of Object.entries(values)) sum[value] = (sum[value] ?? 0) + n;
    }
  }
  const results = lists.flat();
  if (state.sort !== 'date') results.sort((a, b) => b.score - a.score);
  return { results, filters: counts };
}

/** Runs a reader's search; `shards` (newest first) as the search page lists them, empty for one index. */
export async function runSearch(pf: Pagefind, state: SearchState, shards: readonly Shard[] = []): Promise<SearchOutcome> {
  const terms = state.query
    .split(/\s+/)
    .map(encodeQuery)
    .filter((t) => t.words.length > 0);
  const needles = terms.map((t) => t.needle);
  const broadWords = terms.flatMap((t) => t.looseWords);
  const broad = await searchShards(pf, broadWords.length > 0 ? broadWords.join(' ') : null, broadWords, state, shards);
  // Pagefind supports one quoted phrase per search: take the longest term as the phrase, the others loose.
  const longest = terms.reduce<(typeof terms)[number] | undefined>((a, t) => (a && a.needle.length >= t.needle.length ? a : t), undefined);
  if (!longest || longest.words.length < 2) {
    return { results: broad.results, exactIds: new Set(broad.results.map((r) => r.id)), filters: broad.filters, needles };
  }
  const others = terms.filter((t) => t !== longest).flatMap((t) => t.looseWords);
  const phrase = [`"${longest.words.join(' ')}"`, ...others].join(' ');
  const exact = (await searchShards(pf, phrase, [...longest.words, ...others], state, shards)).results;
  // The broader search may miss an exact match (Pagefind caps how far a one-character prefix expands),
  // so the list is the union: exact matches first, then the broader search's other results.
  return { results: exactFirst(exact, broad.results), exactIds: new Set(exact.map((r) => r.id)), filters: broad.filters, needles };
}
