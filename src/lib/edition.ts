// Edition assembly: groups articles into dated editions and their pages (版面), orders them,
// and answers the questions pages ask (latest edition, previous/next article, listings).
import type { Article, Edition } from './schema.ts';
import { editionDateFromId, parseArticleId } from './routing.ts';

/** The part of a content entry that assembly needs; Astro's CollectionEntry satisfies it. */
export interface ArticleEntry {
  id: string;
  data: Article;
  filePath?: string | undefined;
}
export interface EditionEntry {
  id: string;
  data: Edition;
  filePath?: string | undefined;
}

export interface EditionPageView<A extends ArticleEntry> {
  number: number;
  name: string;
  /** The 版's PDF (a file name beside edition.yaml), for its page view (数字报). */
  pdf?: string | undefined;
  /** The 版 as an image the newsroom has, used instead of a PDF. */
  image?: string | undefined;
  /** 责任编辑 of the 版: shown under each of its articles that names no editor of its own. */
  editor?: string | undefined;
  articles: A[];
}

export interface EditionView<A extends ArticleEntry> {
  date: string;
  issue?: number | undefined;
  /** The edition.yaml (relative to the project root, as the loader names it): its pages' files are beside it. */
  filePath?: string | undefined;
  pages: EditionPageView<A>[];
  /** All articles in reading order: page by page, each page in order. */
  articles: A[];
}

/** A content problem that makes the site impossible to build, worded for the reporter who can fix it. */
export class ContentError extends Error {
  readonly file: string;
  readonly field: string;
  constructor(file: string, field: string, message: string) {
    super(`${file}: ${field}: ${message}`);
    this.name = 'ContentError';
    this.file = file;
    this.field = field;
  }
}

function fileOf(entry: { id: string; filePath?: string | undefined }, ext: string): string {
  return entry.filePath ?? `content/${entry.id}${ext}`;
}

/** Newest edition first; within a day by page, then position on the page. */
export function compareArticles(a: ArticleEntry, b: ArticleEntry): number {
  if (a.data.date !== b.data.date) return a.data.date < b.data.date ? 1 : -1;
  if (a.data.page !== b.data.page) return a.data.page - b.data.page;
  if (a.data.order !== b.data.order) return a.data.order - b.data.order;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A reason the content cannot be assembled into editions, worded for the reporter who can fix it. */
export interface EditionProblem {
  /** Path of the file to fix, e.g. content/2022/04/19/foo.md. */
  file: string;
  /** The frontmatter field at fault (`date`, `page`, `order`), or `location` for a misplaced file. */
  field: string;
  message: string;
  /** Two articles at one position: the other one (the problem is about both files). */
  clash?: { file: string; page: number; order: number; free: number };
}

/**
 * What the edition rules look at in an article: every field of a valid article; of one with errors, the fields that
 * are valid on their own (a rule whose fields are missing is not applied).
 */
export interface ArticlePlacement {
  id: string;
  data: { date?: string | undefined; page?: number | undefined; order?: number | undefined };
  filePath?: string | undefined;
}
/** What the edition rules look at in an edition.yaml; see ArticlePlacement. */
export interface EditionPlacement {
  id: string;
  data: { date?: string | undefined; pages?: readonly { number: number }[] | undefined };
  filePath?: string | undefined;
}

/** The message of an article on a 版 its edition.yaml does not list (`pages`: the edition's 版次). */
export function pageMissingMessage(page: number, pages: readonly number[]): string {
  return `第 ${page} 版不在本期版面中\uFF08本期版面\uFF1A${pages.join('、')}\uFF09\uFF1A请在 edition.yaml 的 pages 里加上第 ${page} 版\uFF08number: ${page} 和它的版名 name\uFF09\uFF0C或把 page 改成本期已有的版次`;
}

/** The message of a clash of two articles at one position (also said on the other file when only it is checked). */
export function clashMessage(other: string, page: number, order: number, free: number): string {
  return `与 ${other} 在第 ${page} 版的位置\uFF08order: ${order}\uFF09重复\uFF1B请把其中一篇改到本版空着的位置\uFF0C例如 order: ${free}`;
}

/**
 * Every edition rule the content breaks: an edition whose date disagrees with its folder; an article outside a
 * dated folder, whose date disagrees with its folder, whose edition has no edition.yaml, whose page is not one of
 * the edition's pages, or which shares its page and position with another. The build (assembleEditions) stops at
 * the first; the checker (src/lib/check) reports them all with line and column, also for files with errors of
 * their own (their valid fields). An edition belongs to its folder, whatever its date says.
 */
export function editionProblems(articles: readonly ArticlePlacement[], editions: readonly EditionPlacement[]): EditionProblem[] {
  const problems: EditionProblem[] = [];
  const byDate = new Map<
    string,
    { edition: EditionPlacement; articles: (ArticlePlacement & { data: { page: number; order: number } })[] }
  >();
  for (const edition of editions) {
    const folderDate = editionDateFromId(edition.id);
    if (edition.data.date !== undefined && folderDate !== edition.data.date) {
      problems.push({
        file: fileOf(edition, '.yaml'),
        field: 'date',
        message: `日期 ${edition.data.date} 与所在文件夹 ${folderDate ?? edition.id} 不一致`,
      });
    }
    if (folderDate !== undefined) byDate.set(folderDate, { edition, articles: [] });
  }

  for (const article of articles) {
    const file = fileOf(article, '.md');
    const parsed = parseArticleId(article.id);
    if (!parsed) {
      problems.push({ file, field: 'location', message: '稿件必须放在 content/年/月/日/ 文件夹中' });
      continue;
    }
    if (article.data.date !== undefined && parsed.date !== article.data.date) {
      problems.push({ file, field: 'date', message: `日期 ${article.data.date} 与所在版期文件夹 ${parsed.date} 不一致` });
      continue;
    }
    const slot = byDate.get(parsed.date);
    if (!slot) {
      problems.push({ file, field: 'date', message: `${parsed.date} 这一期缺少 edition.yaml（版期信息）` });
      continue;
    }
    const { page, order } = article.data;
    const pages = slot.edition.data.pages;
    if (page !== undefined && pages !== undefined && !pages.some((p) => p.number === page)) {
      problems.push({
        file,
        field: 'page',
        message: pageMissingMessage(
          page,
          pages.map((p) => p.number),
        ),
      });
    }
    if (page !== undefined && order !== undefined) slot.articles.push({ ...article, data: { ...article.data, page, order } });
  }

  for (const { articles: list } of byDate.values()) {
    const sorted = [...list].sort(comparePlacements);
    /** The last position used on each page: the one after it is free. */
    const last = new Map<number, number>();
    for (const a of sorted) last.set(a.data.page, Math.max(last.get(a.data.page) ?? 0, a.data.order));
    for (let i = 1; i < sorted.length; i++) {
      const cur = sorted[i]!;
      const { page, order } = cur.data;
      const first = sorted.find((a) => a.data.page === page && a.data.order === order)!;
      if (first === cur) continue;
      const other = fileOf(first, '.md');
      const next = last.get(page)! + 1;
      problems.push({
        file: fileOf(cur, '.md'),
        field: 'order',
        message: clashMessage(other, page, order, next),
        clash: { file: other, page, order, free: next },
      });
    }
  }
  return problems;
}

/** By page, position, then id (every placement in one list is of one edition). */
function comparePlacements(
  a: { id: string; data: { page: number; order: number } },
  b: { id: string; data: { page: number; order: number } },
): number {
  if (a.data.page !== b.data.page) return a.data.page - b.data.page;
  if (a.data.order !== b.data.order) return a.data.order - b.data.order;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Builds every edition that has an article, newest first. Throws a ContentError naming the file and field of the first of
 * editionProblems (folder and date disagree, page missing from the edition, two articles at one position,
 * no edition.yaml); with `leaveOutBroken` (the dev preview), leaves the files at fault out instead.
 */
export function assembleEditions<A extends ArticleEntry>(
  allArticles: readonly A[],
  allEditions: readonly EditionEntry[],
  options: { leaveOutBroken?: boolean } = {},
): EditionView<A>[] {
  let [articles, editions] = [allArticles, allEditions];
  for (let problems = editionProblems(articles, editions); problems.length > 0; problems = editionProblems(articles, editions)) {
    const [problem] = problems;
    if (!options.leaveOutBroken) throw new ContentError(problem!.file, problem!.field, problem!.message);
    // `astro dev` keeps serving: the files at fault are left out (the checker reports them), and then whatever that
    // breaks in turn (the articles of an edition left out).
    const faulty = new Set(problems.map((p) => p.file));
    const before = articles.length + editions.length;
    articles = articles.filter((a) => !faulty.has(fileOf(a, '.md')));
    editions = editions.filter((e) => !faulty.has(fileOf(e, '.yaml')));
    if (articles.length + editions.length === before) throw new ContentError(problem!.file, problem!.field, problem!.message);
  }

  const byDate = new Map<string, { edition: EditionEntry; articles: A[] }>();
  for (const edition of editions) byDate.set(edition.data.date, { edition, articles: [] });
  for (const article of articles) byDate.get(article.data.date)!.articles.push(article);

  const views: EditionView<A>[] = [];
  for (const { edition, articles: list } of byDate.values()) {
    // An edition with no published article (none yet, or only drafts) is not an edition: no page, feed or zip.
    if (list.length === 0) continue;
    list.sort(compareArticles);
    const pages = edition.data.pages.map((page) => ({
      number: page.number,
      name: page.name,
      ...(page.pdf !== undefined && { pdf: page.pdf }),
      ...(page.image !== undefined && { image: page.image }),
      ...(page.editor !== undefined && { editor: page.editor }),
      articles: list.filter((a) => a.data.page === page.number),
    }));
    views.push({
      date: edition.data.date,
      issue: edition.data.issue,
      ...(edition.filePath !== undefined && { filePath: edition.filePath }),
      pages,
      articles: pages.flatMap((p) => p.articles),
    });
  }
  return views.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/** Whether a 版 has a page view (数字报): a PDF or an image of it. */
export function hasPageView(page: { pdf?: string | undefined; image?: string | undefined }): boolean {
  return page.pdf !== undefined || page.image !== undefined;
}

/** The article before and after `id` in the edition's reading order. */
export function neighbours<A extends ArticleEntry>(edition: EditionView<A>, id: string): { prev?: A | undefined; next?: A | undefined } {
  const index = edition.articles.findIndex((a) => a.id === id);
  if (index < 0) return {};
  return { prev: edition.articles[index - 1], next: edition.articles[index + 1] };
}

/** Groups articles by a key, each group sorted newest first; groups sorted by key. */
export function groupArticles<A extends ArticleEntry>(articles: readonly A[], keys: (a: A) => readonly string[]): Map<string, A[]> {
  const groups = new Map<string, A[]>();
  for (const article of articles) {
    for (const key of new Set(keys(article))) {
      const list = groups.get(key);
      if (list) list.push(article);
      else groups.set(key, [article]);
    }
  }
  for (const list of groups.values()) list.sort(compareArticles);
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Editions grouped by year and month for the archive calendar, newest first. */
export function editionsByMonth(dates: readonly string[]): { year: number; month: number; dates: string[] }[] {
  const months = new Map<string, string[]>();
  for (const date of [...dates].sort().reverse()) {
    const key = date.slice(0, 7);
    months.set(key, [...(months.get(key) ?? []), date]);
  }
  return [...months].map(([key, list]) => ({ year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)), dates: list.sort() }));
}

/** Calendar grid of a month, Monday first: weeks of 7 cells holding a day number or null. */
export function monthGrid(year: number, month: number): (number | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const offset = (first.getUTCDay() + 6) % 7;
  const cells: (number | null)[] = [...Array<null>(offset).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weeks: (number | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/**
 * The label over the home page's masthead: 今日报纸 when the newest edition is today's (`today`, the site's clock,
 * src/lib/clock.ts), 最新一期 otherwise (an edition of days or years ago is not today's paper).
 */
export function frontLabel(latestDate: string, today: string): '今日报纸' | '最新一期' {
  return latestDate === today ? '今日报纸' : '最新一期';
}
