// Which articles the search index holds and with what URL: every published article (drafts too in dev),
// with its page name from the edition, in a stable order.
import type { ArticleSource, EditionSource } from '../content-files.ts';
import { assembleEditions } from '../edition.ts';
import { articlePath, withBase } from '../routing.ts';
import { searchRecordHtml } from './records.ts';

export interface IndexRecord {
  url: string;
  html: string;
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
        return { url, html: searchRecordHtml({ url, data: article.data, body: article.body, pageName: page.name }) };
      }),
    ),
  );
}
