// The search itself, as the browser runs it against Pagefind's index shards: each term of the query as an
// exact phrase (every result contains each term's characters in a row), shard by shard, newest shard first,
// stopping once there are enough results to show. Shared by the search page and the search-quality benchmark.
import { encodeQuery, exactPhrase, type EncodedQuery } from './tokens.ts';
import type { SearchState } from './results.ts';

export interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters?: Record<string, string[]>;
}
export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindFragment>;
}
export type FacetCounts = Record<string, Record<string, number>>;
export interface PagefindResponse {
  results: PagefindResult[];
  filters: FacetCounts;
}
export interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<FacetCounts>;
  mergeIndex: (url: string, o?: Record<string, unknown>) => Promise<void>;
  search: (query: string | null, o?: Record<string, unknown>) => Promise<PagefindResponse>;
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

/** How many shards a search reads before it first reports, when the newest ones hold too few results. */
export const FIRST_ROUND_SHARDS = 3;

/** Prepares Pagefind, freshly imported from the newest shard. The other shards are merged when a search first needs them. */
export async function openIndex(pf: Pagefind, shards: readonly Shard[]): Promise<Pagefind> {
  await pf.options({ excerptLength: 0, ...(shards[0] ? { mergeFilter: { [SHARD]: shards[0].url } } : {}) });
  return pf;
}

/**
 * Shards merged into a Pagefind instance so far. Pagefind runs every search on every merged shard (loading
 * the query's index chunks from each), so a shard is merged only once a search reaches it: a first search
 * costs the newest shard or two, whatever the archive's age.
 */
const merged = new WeakMap<Pagefind, Set<string>>();
async function ensureMerged(pf: Pagefind, shards: readonly Shard[], shard: Shard): Promise<void> {
  const done = merged.get(pf) ?? merged.set(pf, new Set(shards[0] ? [shards[0].url] : [])).get(pf)!;
  if (done.has(shard.url)) return;
  done.add(shard.url);
  await pf.mergeIndex(shard.url, { mergeFilter: { [SHARD]: shard.url } });
}

/** Facet selections as Pagefind filters: several values of one facet match any of them. */
function pagefindFilters(filters: Partial<Record<string, string[]>>): Record<string, { any: string[] }> {
  return Object.fromEntries(Object.entries(filters).map(([key, values]) => [key, { any: values ?? [] }]));
}

function addCounts(sum: FacetCounts, counts: FacetCounts): void {
  for (const [facet, values] of Object.entries(counts)) {
    if (facet === SHARD) continue;
    const into = (sum[facet] ??= {});
    for (const [value, n] of Object.entries(values)) into[value] = (into[value] ?? 0) + n;
  }
}

/** A shard's results for the query's terms (all of them, each exactly), with their facet counts when Pagefind can give them. */
async function searchShard(
  pf: Pagefind,
  terms: readonly EncodedQuery[],
  state: SearchState,
  scope: Record<string, string[]>,
): Promise<{ results: PagefindResult[]; counts?: FacetCounts }> {
  const filters = { ...pagefindFilters(state.filters), ...pagefindFilters(scope) };
  const sort = state.sort === 'date' ? { sort: { date: 'desc' } } : {};
  if (terms.length === 0) {
    const response = await pf.search(null, { filters, ...sort });
    return { results: response.results, counts: response.filters };
  }
  // Each term is one exact search (Pagefind takes one phrase at a time); a page must be in every term's results.
  const responses: PagefindResponse[] = [];
  for (const term of terms) {
    const response = await pf.search(exactPhrase(term), { filters, ...sort });
    responses.push(response);
    if (response.results.length === 0) return { results: [], counts: {} };
  }
  const [first, ...others] = responses as [PagefindResponse, ...PagefindResponse[]];
  const inAll = others.map((r) => new Set(r.results.map((x) => x.id)));
  let results = first.results.filter((r) => inAll.every((ids) => ids.has(r.id)));
  if (state.sort === 'relevance') {
    // An exact search scores every match alike: order by Pagefind's ranking of the terms' words (headline
    // weighted above the body, how often and how densely they occur).
    const ranking = await pf.search(terms.flatMap((t) => t.words).join(' '), { filters });
    const score = new Map(ranking.results.map((r) => [r.id, r.score]));
    results = results.map((r) => ({ ...r, score: score.get(r.id) ?? 0 }));
  }
  // With several terms the counts are of the intersection, which Pagefind does not count: see facetCounts.
  return { results, ...(others.length === 0 ? { counts: first.filters } : {}) };
}

/** Facet counts of a list of results from their fragments (for a query of several terms). */
export async function facetCounts(results: readonly PagefindResult[]): Promise<FacetCounts> {
  const counts: FacetCounts = {};
  for (const fragment of await Promise.all(results.map((r) => r.data()))) {
    for (const [facet, values] of Object.entries(fragment.filters ?? {})) {
      if (facet === SHARD) continue;
      const into = (counts[facet] ??= {});
      for (const value of values) into[value] = (into[value] ?? 0) + 1;
    }
  }
  return counts;
}

/**
 * One reader's search, run shard by shard, newest first (shards the reader's year and month facets rule
 * out are skipped). Results are in date order across shards (or by relevance, once every shard is read);
 * `complete` says whether older shards are still unread, so the page can say "at least".
 */
export class ShardedSearch {
  readonly needles: string[];
  results: PagefindResult[] = [];
  /** Facet counts over the results so far (when counting); undefined for a query of several terms (facetCounts gives them). */
  counts: FacetCounts | undefined = {};
  /** The oldest shard read so far. */
  searchedTo: Shard | undefined;
  private readonly terms: EncodedQuery[];
  /** Shards still to read, newest first; `null` stands for a single index of everything (the dev server's). */
  private readonly pending: (Shard | null)[];

  constructor(
    private readonly pf: Pagefind,
    private readonly state: SearchState,
    private readonly shards: readonly Shard[] = [],
    /** Count facets: every shard read also loads its facet data (only when the reader has opened the filters). */
    private readonly counting = false,
  ) {
    this.terms = state.query
      .split(/\s+/)
      .map(encodeQuery)
      .filter((t) => t.words.length > 0);
    this.needles = this.terms.map((t) => t.needle);
    if (this.terms.length > 1) this.counts = undefined;
    const wanted = (selected: readonly string[] | undefined, values: readonly string[]) =>
      !selected || values.some((v) => selected.includes(v));
    this.pending =
      shards.length === 0
        ? [null]
        : shards.filter((s) => wanted(state.filters.year, [s.year]) && (!s.months || wanted(state.filters.month, s.months)));
  }

  /** How far back the shards read so far go, as readers say it (`2022年1月`, `2021年`); undefined for a single index. */
  get searchedSince(): string | undefined {
    const shard = this.searchedTo;
    if (!shard) return undefined;
    return `${shard.year}${shard.months ? [...shard.months].sort((a, b) => Number.parseInt(a) - Number.parseInt(b))[0] : ''}`;
  }

  /** Whether every shard the search may need has been read: the results and counts are then all there are. */
  get complete(): boolean {
    return this.pending.length === 0;
  }

  /**
   * Reads further shards until there are at least `enough` results, every shard is read, or `maxShards`
   * more shards have been read. Relevance order needs every shard.
   */
  async more(enough: number, maxShards = Number.POSITIVE_INFINITY): Promise<void> {
    const all = this.state.sort === 'relevance';
    for (let n = 0; this.pending.length > 0 && (all || (this.results.length < enough && n < maxShards)); n++) {
      const shard = this.pending.shift()!;
      if (shard) await ensureMerged(this.pf, this.shards, shard);
      // Pagefind counts only facets whose data it has loaded.
      if (this.counting) await this.pf.filters();
      this.take(await searchShard(this.pf, this.terms, this.state, shard ? { [SHARD]: [shard.url] } : {}));
      if (shard) this.searchedTo = shard;
    }
    if (all) this.results.sort((a, b) => b.score - a.score);
  }

  private take(found: { results: PagefindResult[]; counts?: FacetCounts }): void {
    this.results.push(...found.results);
    if (this.counts && found.counts) addCounts(this.counts, found.counts);
  }
}

/** Every result of a search (with facet counts when `counting`), as the search-quality benchmark and the facet counts need them. */
export async function runSearch(pf: Pagefind, state: SearchState, shards: readonly Shard[] = [], counting = false): Promise<ShardedSearch> {
  const search = new ShardedSearch(pf, state, shards, counting);
  await search.more(Number.POSITIVE_INFINITY);
  return search;
}
