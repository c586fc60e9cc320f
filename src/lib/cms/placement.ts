// What the web editor refuses before it saves, with the checker's wording (src/lib/edition.ts): an article on a 版 its
// edition does not have, at a position another article of that edition holds, with an empty body; an edition.yaml for
// a date that already has one, with a 版 twice or none. Pure: the editor (src/cms/admin.ts) gives it the editions and
// articles it read through Decap's backend (the git host's main branch, or decap-server's in `npm run dev`).
import { clashMessage, pageMissingMessage } from '../edition.ts';
import { isOwnSource, reprintSchema } from '../schema.ts';

/** An edition.yaml as the editor read it: its date and its 版次. */
export interface EditionSummary {
  /** Decap's slug of the file (`2022/04/19/edition`), to tell the edition being edited from another. */
  slug: string;
  date: string;
  pages: number[];
}

/** An article as the editor read it: where it is printed. */
export interface PlacedArticle {
  slug: string;
  title: string;
  date: string;
  page: number;
  order: number;
}

/** Every edition (by date) and placed article on the branch the editor reads. */
export interface EditionIndex {
  editions: ReadonlyMap<string, EditionSummary>;
  articles: readonly PlacedArticle[];
}

/** An entry as Decap's backend lists it. */
export interface ListedEntry {
  slug?: unknown;
  data?: unknown;
}

/** A field the editor refuses, and why (in Chinese, for the reporter). */
export interface FieldProblem {
  field: string;
  message: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

const positiveInt = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value > 0
    ? value
    : typeof value === 'string' && /^[1-9]\d*$/.test(value)
      ? Number(value)
      : undefined;

const dateOf = (value: unknown): string | undefined =>
  typeof value === 'string' && ISO_DATE.test(value.slice(0, 10)) ? value.slice(0, 10) : undefined;

/** The 版次 an edition's `pages` field lists (items without a valid number left out). */
export function pageNumbers(pages: unknown): number[] {
  if (!Array.isArray(pages)) return [];
  return pages.map((p) => positiveInt(record(p)['number'])).filter((n): n is number => n !== undefined);
}

/** The index from the entries of the editions and articles collections (broken or undated files left out). */
export function editionIndex(editions: readonly ListedEntry[], articles: readonly ListedEntry[]): EditionIndex {
  const byDate = new Map<string, EditionSummary>();
  for (const entry of editions) {
    const data = record(entry.data);
    const date = dateOf(data['date']);
    if (date && !byDate.has(date)) byDate.set(date, { slug: String(entry.slug ?? ''), date, pages: pageNumbers(data['pages']) });
  }
  const placed: PlacedArticle[] = [];
  for (const entry of articles) {
    const data = record(entry.data);
    const date = dateOf(data['date']);
    const page = positiveInt(data['page']);
    const order = positiveInt(data['order']);
    if (date && page !== undefined && order !== undefined)
      placed.push({ slug: String(entry.slug ?? ''), title: String(data['title'] ?? ''), date, page, order });
  }
  return { editions: byDate, articles: placed };
}

/** Where the editor's reporter adds a 版: said after the checker's message, which speaks of edition.yaml. */
const ADD_PAGE_IN_EDITOR = '\uFF08在编辑器里\uFF1A打开\u201C版期\u201D中的这一期\uFF0C加上这一版并发布\uFF0C再保存这篇稿件\uFF09';

/** The body is empty: the checker warns, the editor refuses. */
export const EMPTY_BODY = '正文是空的\uFF1A请写上稿件的正文再保存';

/**
 * What is wrong with an article's fields before it is saved: `self` is its Decap slug when it was read from a file
 * (so it does not clash with itself). Without an index (not read yet), only the body is checked.
 */
export function articleProblems(data: Record<string, unknown>, self: string | undefined, index: EditionIndex | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const body = data['body'];
  if (typeof body !== 'string' || body.trim() === '') problems.push({ field: 'body', message: EMPTY_BODY });
  problems.push(...reprintProblems(data));
  problems.push(...placementProblems(data, self, index));
  return problems;
}

/**
 * 转载 as the schema wants it: left empty (omitted from the file), or with its original author and title. Decap cannot
 * say "required once the object is filled in" (an optional object still validates its required fields, so an empty
 * 转载 would block every save): its fields are optional in the editor and checked here. An article of another outlet
 * (its 稿件来源) needs one, in the checker's words.
 */
export function reprintProblems(data: Record<string, unknown>): FieldProblem[] {
  const filled = Object.fromEntries(
    Object.entries(record(data['reprint']))
      .map(([key, value]) => [key, typeof value === 'string' ? value.trim() : value] as const)
      .filter(([, value]) => value !== undefined && value !== null && value !== ''),
  );
  const source = typeof data['source'] === 'string' ? data['source'].trim() : '';
  if (Object.keys(filled).length === 0) {
    return source !== '' && !isOwnSource(source)
      ? [{ field: 'reprint', message: `\u300C${source}\u300D的稿件是转载稿\uFF1A请在\u201C转载\u201D里写上原作者和原标题` }]
      : [];
  }
  const parsed = reprintSchema.safeParse(filled);
  if (parsed.success) return [];
  const label: Record<string, string> = { author: '原作者', title: '原标题', url: '原文链接' };
  return parsed.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    const missing = filled[key] === undefined && key in label;
    return { field: 'reprint', message: `转载\uFF1A${missing ? `请写上${label[key]}` : issue.message}` };
  });
}

/** The page and position problems alone (what the 版次 and 版内顺序 fields show). */
export function placementProblems(
  data: Record<string, unknown>,
  self: string | undefined,
  index: EditionIndex | undefined,
): FieldProblem[] {
  const date = dateOf(data['date']);
  const page = positiveInt(data['page']);
  const order = positiveInt(data['order']);
  if (!index || !date || page === undefined) return [];
  const edition = index.editions.get(date);
  if (!edition) {
    return [
      {
        field: 'page',
        message: `${date} 这一期缺少 edition.yaml\uFF08版期信息\uFF09\uFF1A请先在\u201C版期\u201D里新建这一期并发布\uFF0C再保存这篇稿件`,
      },
    ];
  }
  if (!edition.pages.includes(page)) return [{ field: 'page', message: `${pageMissingMessage(page, edition.pages)}${ADD_PAGE_IN_EDITOR}` }];
  if (order === undefined) return [];
  const others = index.articles.filter((a) => a.date === date && a.page === page && a.slug !== self);
  const other = others.find((a) => a.order === order);
  if (!other) return [];
  const free = Math.max(...others.map((a) => a.order)) + 1;
  return [{ field: 'order', message: clashMessage(`\u300C${other.title}\u300D`, page, order, free) }];
}

/** What is wrong with an edition's fields before it is saved (`self`: its Decap slug when read from a file). */
export function editionProblems(data: Record<string, unknown>, self: string | undefined, index: EditionIndex | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pages = pageNumbers(data['pages']);
  if (pages.length === 0) problems.push({ field: 'pages', message: '至少需要一个版面' });
  const seen = new Set<number>();
  for (const number of pages) {
    if (seen.has(number)) problems.push({ field: 'pages', message: `版次 ${number} 重复` });
    seen.add(number);
  }
  const date = dateOf(data['date']);
  if (!index || !date) return problems;
  const existing = index.editions.get(date);
  if (existing && existing.slug !== self) {
    problems.push({
      field: 'date',
      message: `${date} 这一期已经有 edition.yaml\uFF1A请在\u201C版期\u201D列表里打开这一期修改\uFF0C不要新建`,
    });
  }
  for (const number of new Set(index.articles.filter((a) => a.date === date && !pages.includes(a.page)).map((a) => a.page))) {
    if (pages.length === 0) break;
    const titles = index.articles.filter((a) => a.date === date && a.page === number).map((a) => `\u300C${a.title}\u300D`);
    problems.push({
      field: 'pages',
      message: `第 ${number} 版上还有稿件 ${titles.join('、')}\uFF1A先把它们改到别的版\uFF0C再删去这一版`,
    });
  }
  return problems;
}

/**
 * A key that sorts the article list newest edition first, then by 版 and position, when sorted descending (Decap sorts
 * by one field): the date, then 9999 minus the page and the order, so that a smaller page comes first.
 */
export function placementSortKey(data: Record<string, unknown>): string {
  const date = dateOf(data['date']) ?? '0000-00-00';
  const down = (n: number | undefined) => String(n === undefined ? 0 : Math.max(0, 9999 - n)).padStart(4, '0');
  return `${date} ${down(positiveInt(data['page']))} ${down(positiveInt(data['order']))}`;
}
