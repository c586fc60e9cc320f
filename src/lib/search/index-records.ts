// Which articles the search index holds and with what URL: every published article (drafts too in dev),
// with its page name from the edition, in a stable order.
import type { ArticleSource, EditionSource } from '../content-files.ts';
import { assembleEditions } from '../edition.ts';
import { articlePath, withBase } from '../routing.ts';
import { searchRecordHtml } from './records.ts';

export interface IndexRecord {
  url: string;
  html: string;
  /** Edition year: the index is split into one shard per year. */
  year: string;
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
        return { url, year: article.data.date.slice(0, 4), html: searchRecordHtml({ url, data: article.data, body: article.body, pageName: page.name }) };
      }),
    ),
  );
}

/**
 * Where each year's shard of the index is published: the newest year in `pagefind/` (with Pagefind's
 * scripts, which the search page loads), every older year in `pagefind-<year>/`, merged at search time.
 */
export function shardDirectory(year: string, newestYear: string): string {
  return year === newestYear ? 'pagefind' : `pagefind-${year}`;
}

/** Records grouped into shards, newest year first. */
export function shardRecords(records: readonly IndexRecord[]): { year: string; dir: string; records: IndexRecord[] }[] {
  const years = [...new Set(records.map((r) => r.year))].sort().reverse();
  return years.map((year) => ({ year, dir: shardDirectory(year, years[0]!), records: records.filter((r) => r.year === year) }));
}
