// Plain-text excerpts of Markdown bodies for listings, meta descriptions and feeds.
import { normalizeCjkPunctuation } from './typography.ts';

/** The first paragraph of a Markdown body as plain text (headings, images, HTML, code, quotes, tables and rules skipped). */
export function leadParagraph(markdown: string): string {
  const firstParagraph =
    markdown
      .replace(/\r\n?/g, '\n')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .find((p) => p && !/^(#|!\[|<|```|>|\||-{3,})/.test(p)) ?? '';
  return normalizeCjkPunctuation(
    firstParagraph
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_`~]+/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** `text` cut to `maxLength` characters with an ellipsis. */
function shorten(text: string, maxLength: number): string {
  const chars = [...text];
  return chars.length <= maxLength ? text : `${chars.slice(0, maxLength).join('').trimEnd()}……`;
}

/** The first paragraph of a Markdown body as plain text, cut to `maxLength` characters with an ellipsis. */
export function excerpt(markdown: string, maxLength = 120): string {
  return shorten(leadParagraph(markdown), maxLength);
}

/**
 * Where the Markdown pipeline leaves an article's lead paragraph (src/markdown/rehype-lead-paragraph.ts): the build
 * keeps no article bodies in Astro's data store (`retainBody: false`, a third of its size), only this.
 */
export const LEAD_PARAGRAPH = 'leadParagraph';

/** What an article's rendering holds (Astro's `RenderedContent`, as far as excerpts need it). */
export interface Rendered {
  html: string;
  metadata?: Record<string, unknown> | undefined;
}

interface SummarySource {
  data: { summary?: string | undefined };
  /** An article record's lead paragraph (src/lib/content/record.ts). */
  lead?: string | undefined;
  body?: string | undefined;
  rendered?: Rendered | undefined;
}

/** The article's summary if it has one, else an excerpt of its first paragraph. */
export function summaryOf(article: SummarySource, maxLength = 120): string {
  if (article.data.summary) return normalizeCjkPunctuation(article.data.summary);
  if (article.lead !== undefined) return shorten(article.lead, maxLength);
  const frontmatter = article.rendered?.metadata?.['frontmatter'];
  const lead = typeof frontmatter === 'object' && frontmatter !== null ? (frontmatter as Record<string, unknown>)[LEAD_PARAGRAPH] : undefined;
  return shorten(typeof lead === 'string' ? lead : leadParagraph(article.body ?? ''), maxLength);
}
