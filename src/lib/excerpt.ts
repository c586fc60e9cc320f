// Plain-text excerpts of Markdown bodies for listings, meta descriptions and feeds.
import { normalizeCjkPunctuation } from './typography.ts';

/** The first paragraph of a Markdown body as plain text, cut to `maxLength` characters with an ellipsis. */
export function excerpt(markdown: string, maxLength = 120): string {
  const firstParagraph =
    markdown
      .replace(/\r\n?/g, '\n')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .find((p) => p && !/^(#|!\[|<|```|>|\||-{3,})/.test(p)) ?? '';
  const text = normalizeCjkPunctuation(
    firstParagraph
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_`~]+/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  const chars = [...text];
  return chars.length <= maxLength ? text : `${chars.slice(0, maxLength).join('').trimEnd()}……`;
}

/** The article's summary if it has one, else an excerpt of its first paragraph. */
export function summaryOf(article: { data: { summary?: string | undefined }; body?: string | undefined }, maxLength = 120): string {
  return article.data.summary ? normalizeCjkPunctuation(article.data.summary) : excerpt(article.body ?? '', maxLength);
}
