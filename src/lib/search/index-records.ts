// Which articles the search index holds and with what URL: every published article (drafts too in dev),
// with its page name from the edition, in a stable order.
import type { ArticleSource, EditionSource } from '../content-files.ts';
import { assembleEditions } from '../edition.ts';
import { articlePath, withBase } from '../routing.ts';
import { searchRecordHtml } from './records.ts';

export interface IndexRecord {
  url: string;
  html: string;
  /** Edition date: the index is split into shards by date (see shardPlan). */
  date: string;
}

export function indexRecords(
  content: { articles: readonly ArticleSource[]; editions: readonly EditionSource[] },
  options: { base: string; includeDrafts: boolean },
): IndexRecord[] {
  const articles = content.articles.filter((a) => options.includeDrafts || !a.data.draft);
  const editions = assembleEditions(
    articles.map((a) => ({ ...a, filePath: a.file })),
    content.editions.map((e) => ({ ...e, filePath: e.file })),
  );
  return editions.flatMap((edition) =>
    edition.pages.flatMap((page) =>
      page.articles.map((article) => {
        const url = withBase(articlePath(article.id), options.base);
        return { url, date: article.data.date, html: searchRecordHtml({ url, data: article.data, body: article.body, pageName: page.name }) };
      }),
    ),
  );
}

/**
 * How the index is split into shards, newest first. Past years get one shard each; the newest year gets
 * one per month, so a new day's edition only re-indexes its month (the other shards are reused from the
 * previous build). The newest shard is published in `pagefind/` with Pagefind's scripts, which the
 * search page loads; the others in `pagefind-<year>/` or `pagefind-<year>-<month>/`, merged at search time.
 */
export interface Shard {
  dir: string;
  year: string;
  /** Two digits, for the newest year's monthly shards. */
  month?: string | undefined;
}

export function shardPlan(dates: Iterable<string>): Shard[] {
  const sorted = [...new Set(dates)].sort().reverse();
  const newestYear = sorted[0]?.slice(0, 4);
  const keys = [...new Set(sorted.map((d) => (d.slice(0, 4) === newestYear ? d.slice(0, 7) : d.slice(0, 4))))];
  return keys.map((key, i) => ({
    dir: i === 0 ? 'pagefind' : `pagefind-${key}`,
    year: key.slice(0, 4),
    month: key.length > 4 ? key.slice(5, 7) : undefined,
  }));
}

/** The shard an edition date belongs to. */
export function shardOf(date: string, plan: readonly Shard[]): Shard {
  const shard = plan.find((s) => s.year === date.slice(0, 4) && (s.month === undefined || s.month === date.slice(5, 7)));
  if (!shard) throw new Error(`no search shard for ${date}`);
  return shard;
}

/** Records grouped by shard, newest shard first. */
export function shardRecords(records: readonly IndexRecord[]): (Shard & { records: IndexRecord[] })[] {
  const plan = shardPlan(records.map((r) => r.date));
  return plan.map((shard) => ({ ...shard, records: records.filter((r) => shardOf(r.date, plan) === shard) }));
}
