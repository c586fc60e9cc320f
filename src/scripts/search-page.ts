// The search page in the browser: reads the query from the URL, asks Pagefind (loaded only here, only
// when needed) shard by shard from the newest, renders results and facet counts, and keeps the URL in step.
import { decodeIndexed } from '../lib/search/tokens.ts';
import { highlightExcerpt, parseSearchParams, toSearchParams, type SearchState } from '../lib/search/results.ts';
import {
  FIRST_ROUND_SHARDS,
  ShardedSearch,
  facetCounts,
  openIndex,
  runSearch,
  type FacetCounts,
  type Pagefind,
  type Shard,
} from '../lib/search/client.ts';
import { searchMessages } from '../lib/search/messages.ts';
import { formatDateZh } from '../lib/format.ts';

const PAGE_SIZE = 10;

export function startSearchPage(): void {
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = document.getElementById('search-q') as HTMLInputElement;
  const sort = document.getElementById('search-sort') as HTMLSelectElement;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  const more = document.getElementById('search-more') as HTMLButtonElement;
  const checkboxes = [...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];

  const shards = JSON.parse(form.dataset['shards'] ?? '[]') as Shard[];
  let pagefind: Promise<Pagefind> | undefined;
  const loadPagefind = () =>
    (pagefind ??= import(/* @vite-ignore */ form.dataset['pagefind']!).then((pf: Pagefind) => openIndex(pf, shards)));
  // Facet counts need every facet's data and every shard, most of a first search's bytes: they are loaded
  // only once the reader opens the filters (the search is then run again over every shard, to count).
  const panel = document.getElementById('search-facets') as HTMLDetailsElement;
  panel.addEventListener('toggle', () => {
    if (panel.open) void refreshCounts();
  });
  input.addEventListener('input', () => void loadPagefind(), { once: true });

  let search: ShardedSearch | undefined;
  let generation = 0;

  function fillForm(state: SearchState) {
    if (Object.keys(state.filters).length > 0) panel.open = true;
    input.value = state.query;
    sort.value = state.sort;
    for (const box of checkboxes) box.checked = (state.filters[box.name as keyof SearchState['filters']] ?? []).includes(box.value);
  }

  /** Shows the next page of results, reading older shards first when the ones read so far are used up. */
  async function renderMore(current: number) {
    if (!search) return;
    const wanted = list.children.length + PAGE_SIZE;
    if (search.results.length < wanted && !search.complete) await search.more(wanted, FIRST_ROUND_SHARDS);
    if (current !== generation) return;
    const batch = search.results.slice(list.children.length, wanted);
    const items = await Promise.all(batch.map(async (result) => renderResult(await result.data(), search!.needles)));
    if (current !== generation) return;
    list.append(...items);
    const allShown = list.children.length >= search.results.length;
    more.hidden = allShown && search.complete;
    more.textContent = allShown ? searchMessages.older : searchMessages.more;
    report(search);
  }

  /** What was found: all there is, or (while older shards are unread) what was found since the oldest shard read. */
  function report(search: ShardedSearch) {
    const { needles, results, complete, searchedSince } = search;
    if (results.length === 0 && complete) status.textContent = searchMessages.none(needles, Object.keys(currentState().filters).length > 0);
    else if (complete || !searchedSince) status.textContent = searchMessages.found(needles, results.length);
    else status.textContent = searchMessages.foundSince(needles, results.length, searchedSince);
  }

  /** Fills in the facet counts for the search on screen (reading every shard), unless a newer search has started. */
  async function refreshCounts() {
    const current = generation;
    if (!search) return;
    const counted = await runSearch(await loadPagefind(), currentState(), shards, true);
    const counts = counted.counts ?? (await facetCounts(counted.results));
    if (current !== generation) return;
    search = counted;
    updateCounts(counts);
    const allShown = list.children.length >= search.results.length;
    more.hidden = allShown;
    more.textContent = searchMessages.more;
    report(search);
  }

  async function run(state: SearchState) {
    const current = ++generation;
    const filtered = Object.keys(state.filters).length > 0;
    list.replaceChildren();
    more.hidden = true;
    search = undefined;
    if (!state.query && !filtered) {
      status.textContent = searchMessages.emptyQuery;
      return;
    }
    status.textContent = searchMessages.loading;
    try {
      const pf = await loadPagefind();
      if (current !== generation) return;
      search = new ShardedSearch(pf, state, shards);
      await renderMore(current);
      if (current === generation && panel.open) await refreshCounts();
    } catch (error) {
      console.error(error);
      if (current === generation) status.textContent = searchMessages.failed;
    }
  }

  function updateCounts(counts: FacetCounts) {
    for (const box of checkboxes) {
      const count = counts[box.name]?.[box.value] ?? 0;
      const label = box.closest('label')!.querySelector('[data-count]')!;
      label.textContent = `(${count})`.replace('(', '\uFF08').replace(')', '\uFF09');
    }
  }

  function currentState(): SearchState {
    return parseSearchParams(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));
  }

  function navigate() {
    const state = currentState();
    const query = toSearchParams(state).toString();
    history.pushState(null, '', query ? `?${query}` : location.pathname);
    void run(state);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate();
  });
  form.addEventListener('change', (event) => {
    if (event.target !== input) navigate();
  });
  more.addEventListener('click', () => void renderMore(generation));
  window.addEventListener('popstate', () => {
    const state = parseSearchParams(new URLSearchParams(location.search));
    fillForm(state);
    void run(state);
  });

  const initial = parseSearchParams(new URLSearchParams(location.search));
  fillForm(initial);
  void run(initial);
}

function renderResult(data: { url: string; content: string; meta: Record<string, string> }, needles: string[]): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  heading.className = 'search-result__title';
  const link = document.createElement('a');
  link.href = data.meta['url'] ?? data.url;
  link.textContent = data.meta['title'] ?? '';
  heading.append(link);
  const meta = document.createElement('ul');
  meta.className = 'meta';
  for (const value of [
    data.meta['date'] ? formatDateZh(data.meta['date']) : '',
    data.meta['page'],
    data.meta['county'],
    data.meta['category'],
  ]) {
    if (!value) continue;
    const li = document.createElement('li');
    li.textContent = value;
    meta.append(li);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  for (const part of highlightExcerpt(decodeIndexed(data.content).replace(/\s+/g, ' ').trim(), needles)) {
    excerpt.append(part.mark ? Object.assign(document.createElement('mark'), { textContent: part.text }) : part.text);
  }
  item.append(heading, meta, excerpt);
  return item;
}
