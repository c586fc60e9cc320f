// The search page in the browser: reads the query from the URL, asks Pagefind (loaded only here, only
// when needed), puts exact matches first, renders results and facet counts, and keeps the URL in step.
import { decodeIndexed } from '../lib/search/tokens.ts';
import { highlightExcerpt, parseSearchParams, toSearchParams, type SearchState } from '../lib/search/results.ts';
import { openIndex, runSearch, type Pagefind, type PagefindResponse, type PagefindResult, type Shard } from '../lib/search/client.ts';
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
  // Facet counts need every facet's data, a large part of a first search's bytes: they are loaded only
  // once the reader opens the filters (the search is then run again to count).
  const panel = document.getElementById('search-facets') as HTMLDetailsElement;
  let facetsLoaded: Promise<unknown> | undefined;
  panel.addEventListener('toggle', () => {
    if (!panel.open || facetsLoaded) return;
    facetsLoaded = loadPagefind().then((pf) => pf.filters());
    void facetsLoaded.then(refreshCounts);
  });
  input.addEventListener('input', () => void loadPagefind(), { once: true });

  let shown: PagefindResult[] = [];
  let needles: string[] = [];
  let generation = 0;

  function fillForm(state: SearchState) {
    if (Object.keys(state.filters).length > 0) panel.open = true;
    input.value = state.query;
    sort.value = state.sort;
    for (const box of checkboxes) box.checked = (state.filters[box.name as keyof SearchState['filters']] ?? []).includes(box.value);
  }

  async function renderMore() {
    const batch = shown.slice(list.children.length, list.children.length + PAGE_SIZE);
    const items = await Promise.all(batch.map(async (result) => renderResult(await result.data(), needles)));
    list.append(...items);
    more.hidden = list.children.length >= shown.length;
  }

  /** Fills in the facet counts for the search on screen, unless a newer search has started. */
  async function refreshCounts() {
    const current = generation;
    const outcome = await runSearch(await loadPagefind(), currentState(), shards);
    if (current === generation) updateCounts(outcome.filters);
  }

  async function run(state: SearchState) {
    const current = ++generation;
    const filtered = Object.keys(state.filters).length > 0;
    list.replaceChildren();
    more.hidden = true;
    if (!state.query && !filtered) {
      status.textContent = searchMessages.emptyQuery;
      return;
    }
    status.textContent = searchMessages.loading;
    try {
      const pf = await loadPagefind();
      const outcome = await runSearch(pf, state, shards);
      if (current !== generation) return;
      if (facetsLoaded) updateCounts(outcome.filters);
      shown = outcome.results;
      needles = outcome.needles;
      const exactCount = outcome.exactIds.size;
      await renderMore();
      if (current !== generation) return;
      status.textContent = shown.length > 0 ? searchMessages.found(state.query, shown.length, exactCount) : searchMessages.none(state.query, filtered);
    } catch (error) {
      console.error(error);
      if (current === generation) status.textContent = searchMessages.failed;
    }
  }

  function updateCounts(counts: PagefindResponse['filters']) {
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
  more.addEventListener('click', () => void renderMore());
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
  for (const value of [data.meta['date'] ? formatDateZh(data.meta['date']) : '', data.meta['page'], data.meta['county'], data.meta['category']]) {
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
