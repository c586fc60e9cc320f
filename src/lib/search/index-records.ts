// Which articles the search index holds and with what URL: every article published today (in dev every article,
// drafts and editions prepared ahead too),
// with its page name from the edition, in a stable order.
import { posix } from 'node:path';
import { EDITION_FILE, type ArticleSource, type EditionSource } from '../content/content-files-fs.ts';
import { assembleEditions } from '../edition.ts';
import { articlePath, withBase } from '../routing.ts';
import { searchRecordHtml } from './records.ts';
import { isPublished } from '../content/edition-dates.ts';

export interface IndexRecord {
  url: string;
  html: string;
  /** Edition date: the index is split into shards by date (see shardPlan). */
  date: string;
}

export function indexRecords(
  content: { articles: readonly ArticleSource[]; editions: readonly EditionSource[] },
  options:
    { base: string; preview: true; leaveOutBroken?: boolean } | { base: string; preview: false; today: string; leaveOutBroken?: boolean },
): IndexRecord[] {
  const articles = content.articles.filter((a) => options.preview || isPublished(a.data, options.today));
  const editions = assembleEditions(
    articles.map((a) => ({ ...a, filePath: a.file })),
    content.editions.map((e) => ({ ...e, filePath: e.file })),
    { leaveOutBroken: options.leaveOutBroken === true },
  );
  return editions.flatMap((edition) =>
    edition.pages.flatMap((page) =>
      page.articles.map((article) => {
        const url = withBase(articlePath(article.id), options.base);
        return {
          url,
          date: article.data.date,
          html: searchRecordHtml({ url, data: article.data, body: article.body, pageName: page.name }),
        };
      }),
    ),
  );
}

/**
 * How the index is split into shards, newest first: the newest edition's month alone (published in
 * `pagefind/` with Pagefind's scripts, which the search page loads), then the rest of that year, then one
 * shard per older year (`pagefind-<year>/`), merged at search time. A new day's edition re-indexes only its
 * month (and, on the first edition of a month, the year so far); every other shard is reused.
 *
 * A year with more than `maxArticles` articles is cut into runs of whole months of at most that many, counted
 * from January (`pagefind-<year>-<first month>/`), so that no single index outgrows what Pagefind can write in
 * a bounded amount of memory (Pagefind holds the whole shard while it writes it); the runs of past months never
 * change. The search page reads shards newest first and stops once it has a page of results, so more shards
 * cost a first search nothing; a search that must read all of them (relevance order, facet counts) pays one
 * index chunk per query character per shard.
 */
export interface Shard {
  dir: string;
  year: string;
  /** Two-digit months the shard holds, when it holds only part of its year. */
  months?: string[] | undefined;
}

export const MAX_SHARD_ARTICLES = 3000;

/** `dates`: one per article. */
export function shardPlan(dates: Iterable<string>, maxArticles = MAX_SHARD_ARTICLES): Shard[] {
  const perMonth = new Map<string, number>();
  for (const date of dates) perMonth.set(date.slice(0, 7), (perMonth.get(date.slice(0, 7)) ?? 0) + 1);
  const months = [...perMonth.keys()].sort().reverse();
  if (months.length === 0) return [];
  const newest = months[0]!;
  const years = [...new Set(months.map((m) => m.slice(0, 4)))];
  const yearShards = (year: string, yearMonths: string[], whole: boolean): Shard[] => {
    const runs: string[][] = [];
    let count = Infinity;
    for (const m of [...yearMonths].sort()) {
      const n = perMonth.get(`${year}-${m}`)!;
      if (count + n > maxArticles) {
        runs.push([]);
        count = 0;
      }
      runs.at(-1)!.push(m);
      count += n;
    }
    if (runs.length === 1) return [{ dir: `pagefind-${year}`, year, ...(whole ? {} : { months: runs[0] }) }];
    return runs.reverse().map((run) => ({ dir: `pagefind-${year}-${run[0]}`, year, months: run }));
  };
  const monthsOf = (year: string) => months.filter((m) => m.startsWith(year) && m !== newest).map((m) => m.slice(5, 7));
  const [year, ...olderYears] = years as [string, ...string[]];
  return [
    { dir: 'pagefind', year, months: [newest.slice(5, 7)] },
    ...(monthsOf(year).length > 0 ? yearShards(year, monthsOf(year), false) : []),
    ...olderYears.flatMap((y) => yearShards(y, monthsOf(y), true)),
  ];
}

/** The shard an edition date belongs to. */
export function shardOf(date: string, plan: readonly Shard[]): Shard {
  const shard = plan.find((s) => s.year === date.slice(0, 4) && (s.months === undefined || s.months.includes(date.slice(5, 7))));
  if (!shard) throw new Error(`no search shard for ${date}`);
  return shard;
}

/**
 * The files of each shard, newest shard first: its articles (`file`, path from the root, and edition date)
 * and the edition.yaml beside them. The search index reads and indexes one shard's files at a time, so that
 * it never holds the text of the whole archive (at 50,000 articles all records at once were over a gigabyte).
 */
export function shardFiles(
  articles: readonly { file: string; date: string }[],
  otherDates: readonly string[] = [],
): (Shard & { files: Set<string> })[] {
  // A part (src/lib/parts/scope.ts) plans with the other years' dates, which decide where the newest month is,
  // and indexes only the shards of its own year.
  const plan = shardPlan([...articles.map((a) => a.date), ...otherDates]);
  const files = plan.map(() => new Set<string>());
  for (const article of articles) {
    const shard = files[plan.indexOf(shardOf(article.date, plan))]!;
    shard.add(article.file).add(posix.join(posix.dirname(article.file), EDITION_FILE));
  }
  return plan.map((shard, i) => ({ ...shard, files: files[i]! })).filter((shard) => shard.files.size > 0);
}
