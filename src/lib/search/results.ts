// Pure helpers for the search page: reading the query from the URL and writing it back, and cutting a
// highlighted excerpt around the match.

/** The facets readers can narrow a search by, in the order the page shows them, with their labels. */
export const facets = [
  { key: 'county', label: '县区' },
  { key: 'category', label: '栏目' },
  { key: 'year', label: '年份' },
  { key: 'month', label: '月份' },
  { key: 'page', label: '版面' },
] as const;
export type FacetKey = (typeof facets)[number]['key'];

export type SortOrder = 'date' | 'relevance';

export interface SearchState {
  query: string;
  sort: SortOrder;
  filters: Partial<Record<FacetKey, string[]>>;
}

/** Reads the search state from URL parameters: ?q=电动车&county=馆陶县&sort=relevance. */
export function parseSearchParams(params: URLSearchParams): SearchState {
  const filters: Partial<Record<FacetKey, string[]>> = {};
  for (const { key } of facets) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length > 0) filters[key] = values;
  }
  return { query: (params.get('q') ?? '').trim(), sort: params.get('sort') === 'relevance' ? 'relevance' : 'date', filters };
}

/** The inverse of parseSearchParams, with defaults left out so URLs stay short. */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const { key } of facets) for (const value of state.filters[key] ?? []) params.append(key, value);
  if (state.sort !== 'date') params.set('sort', state.sort);
  return params;
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * An excerpt of `text` around the first occurrence of any needle, about `length` characters long,
 * with every occurrence of a needle marked. Falls back to the start of the text.
 */
export function highlightExcerpt(text: string, needles: readonly string[], length = 90): ExcerptPart[] {
  const terms = needles.filter((n) => n.length > 0);
  const lower = text.toLowerCase();
  const first = Math.min(...terms.map((n) => lower.indexOf(n.toLowerCase())).filter((i) => i >= 0), Number.POSITIVE_INFINITY);
  const start = Number.isFinite(first) ? Math.max(0, first - Math.floor(length / 3)) : 0;
  const end = Math.min(text.length, start + length);
  const slice = text.slice(start, end);
  const parts: ExcerptPart[] = [];
  if (start > 0) parts.push({ text: '……', mark: false });
  const pattern = terms.length > 0 ? new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi') : undefined;
  let last = 0;
  for (const match of pattern ? slice.matchAll(pattern) : []) {
    if (match.index > last) parts.push({ text: slice.slice(last, match.index), mark: false });
    parts.push({ text: match[0], mark: true });
    last = match.index + match[0].length;
  }
  if (last < slice.length) parts.push({ text: slice.slice(last), mark: false });
  if (end < text.length) parts.push({ text: '……', mark: false });
  return parts;
}
