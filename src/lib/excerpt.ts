// Plain-text excerpts of Markdown bodies for listings, meta descriptions and feeds.
import { decodeCharacterReference } from './util/character-reference.ts';
import { normalizeCjkPunctuation } from './typography.ts';

/**
 * The code spans of `text` (their text is shown as written): a run of backticks up to the next run of the same
 * length, as CommonMark pairs them; a run with no partner is text. Linear, whatever the runs (a regular expression
 * pairing them backtracks for seconds over a few thousand backticks).
 */
function codeSpans(text: string): { start: number; end: number; content: string }[] {
  const runs = [...text.matchAll(/`+/g)].map((m) => ({ at: m.index, length: m[0].length }));
  const nextOfLength: (number | undefined)[] = [];
  const lastOfLength = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    nextOfLength[i] = lastOfLength.get(runs[i]!.length);
    lastOfLength.set(runs[i]!.length, i);
  }
  const spans: { start: number; end: number; content: string }[] = [];
  for (let i = 0; i < runs.length;) {
    const j = nextOfLength[i];
    if (j === undefined) {
      i++;
      continue;
    }
    const open = runs[i]!;
    const close = runs[j]!;
    spans.push({ start: open.at, end: close.at + close.length, content: text.slice(open.at + open.length, close.at) });
    i = j + 1;
  }
  return spans;
}
/**
 * What a paragraph's text holds besides words, outside code: a backslash escape (the character shown), a character
 * reference (decoded, as on the page: `&amp;` is `&`), or emphasis and code marks (dropped).
 */
const INLINE_SYNTAX = /\\([!-/:-@[-`{-~])|&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});|[*_`~]+/g;

/** Text outside code spans as the page shows it: escapes and character references decoded, emphasis marks gone. */
const plainText = (text: string) =>
  text.replace(INLINE_SYNTAX, (m, escaped?: string) => escaped ?? (m[0] === '&' ? decodeCharacterReference(m) : ''));

/**
 * The first paragraph of a Markdown body as plain text (headings, images, HTML, code, quotes, tables and rules
 * skipped), as the page shows it: character references decoded, and the typography applied to the decoded text,
 * never to a reference's own `;`.
 */
export function leadParagraph(markdown: string): string {
  const firstParagraph =
    markdown
      .replace(/\r\n?/g, '\n')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .find((p) => p && !/^(#|!\[|<|```|>|\||-{3,})/.test(p)) ?? '';
  const withoutLinks = firstParagraph.replace(/!\[[^\]]*\]\([^)]*\)/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  let text = '';
  let last = 0;
  for (const span of codeSpans(withoutLinks)) {
    text += plainText(withoutLinks.slice(last, span.start)) + span.content;
    last = span.end;
  }
  text += plainText(withoutLinks.slice(last));
  return normalizeCjkPunctuation(text.replace(/\s+/g, ' ').trim());
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
  const lead =
    typeof frontmatter === 'object' && frontmatter !== null ? (frontmatter as Record<string, unknown>)[LEAD_PARAGRAPH] : undefined;
  return shorten(typeof lead === 'string' ? lead : leadParagraph(article.body ?? ''), maxLength);
}
