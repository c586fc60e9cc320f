// Search records: what Pagefind indexes for one article. Built from the article's content (not from the
// rendered page), so navigation, footers and "previous/next" boxes can never leak into the index, and
// the same records serve `astro build` and `astro dev`.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { Article } from '../schema.ts';
import { resolveCounty } from '../gazetteer.ts';
import { normalizeCjkPunctuation } from '../typography.ts';
import { encodeForIndex } from './tokens.ts';
import { categories } from '../categories.ts';
import { escapeHtml } from '../util/html.ts';

const categoryOrder = new Map<string, number>(categories.map((c, i) => [c.name, i]));

/**
 * A body in which CommonMark would find nothing but paragraphs of text: no character that can open inline
 * syntax (escapes, code, emphasis, links and images, raw HTML, character references), no line that could open
 * a block (headings, quotes, lists, fences, setext underlines, indented code: any line indented by a space or
 * tab, even before an ideographic space, which is text to CommonMark but whitespace to `\S`) and no hard line
 * break. Most printed articles are like this; parsing them (1.3 ms each) was a sixth of the search index's time.
 */
const NOT_PLAIN = /[\\`*_[\]<&\r]|^[ \t]*(?:[-+=#>~]|\d{1,9}[.)])|^[ \t]+[^ \t\n]|[ \t]$/m;

/** Plain text of a Markdown body, one line per block, with full-width punctuation. */
export function markdownToText(markdown: string): string {
  if (!NOT_PLAIN.test(markdown)) {
    // Exactly what the parse below gives for such a body: its paragraphs, split at blank lines.
    return markdown
      .split(/\n(?:[ \t]*\n)+/)
      .map((block) => normalizeCjkPunctuation(block.replace(/\s*\n\s*/g, ' ').trim()))
      .filter(Boolean)
      .join('\n');
  }
  const tree = fromMarkdown(markdown);
  return (
    tree.children
      // Raw HTML (the newsroom's comments; the site publishes no other) is not the article's text.
      .map((node) =>
        normalizeCjkPunctuation(
          toString(node, { includeHtml: false })
            .replace(/\s*\n\s*/g, ' ')
            .trim(),
        ),
      )
      .filter(Boolean)
      .join('\n')
  );
}

export interface SearchRecordInput {
  /** The article's URL, base path included. */
  url: string;
  data: Article;
  body: string;
  /** Name of the page (版名) the article is on. */
  pageName?: string | undefined;
}

/** Facet values of an article, as readers see them in the search page's filters. */
export function searchFilters(data: Article, pageName: string | undefined): Record<string, string> {
  const county = resolveCounty(data.county);
  return {
    county: county.ok ? county.division.name : data.county,
    category: data.category,
    year: `${data.date.slice(0, 4)}年`,
    month: `${Number(data.date.slice(5, 7))}月`,
    page: `第${data.page}版${pageName ? ` ${pageName}` : ''}`,
  };
}

/**
 * The HTML document Pagefind indexes for an article: the headline stack weighted above the body,
 * bylines and place lightly weighted, all text as search tokens; real text goes into metadata
 * (title, date, county, category) for the result list; facets and the date sort key alongside.
 */
export function searchRecordHtml({ url, data, body, pageName }: SearchRecordInput): string {
  const text = (s: string) => escapeHtml(encodeForIndex(normalizeCjkPunctuation(s)));
  const county = resolveCounty(data.county);
  const place = county.ok ? `${county.division.fullName} ${county.division.name}` : data.county;
  const headline = [data.kicker, data.title, data.subtitle].filter(Boolean).join(' ');
  const filters = searchFilters(data, pageName);
  const meta: Record<string, string> = {
    title: normalizeCjkPunctuation(data.title),
    date: data.date,
    county: filters['county']!,
    category: data.category,
    page: filters['page']!,
    url,
  };
  return [
    // No lang: the text is already cut into words (tokens.ts), and Pagefind skips its Chinese segmenter.
    '<!doctype html><html><head><meta charset="utf-8"></head><body>',
    `<article data-pagefind-body data-pagefind-sort="date:${data.date}">`,
    `<h1 data-pagefind-weight="10">${text(headline)}</h1>`,
    ...markdownToText(body)
      .split('\n')
      .map((p) => `<p>${text(p)}</p>`),
    ...data.images.map((image) => `<p>${text(image.caption)}</p>`),
    `<p data-pagefind-weight="2">${text([...data.byline.map((b) => b.name), place, data.category].join(' '))}</p>`,
    '</article>',
    ...Object.entries(meta).map(([key, value]) => `<span data-pagefind-meta="${key}">${escapeHtml(value)}</span>`),
    ...Object.entries(filters).map(([key, value]) => `<span data-pagefind-filter="${key}">${escapeHtml(value)}</span>`),
    '</body></html>',
  ].join('\n');
}

const naturalOrder = new Intl.Collator('zh-CN', { numeric: true });

/**
 * Every facet value present in a set of articles, in the order the search page lists them:
 * counties by gazetteer code, categories as in the category list, newest year and month first, pages by number.
 */
export function facetValues(articles: readonly { data: Article; pageName?: string | undefined }[]): Record<string, string[]> {
  const seen: Record<string, Map<string, string>> = {};
  for (const { data, pageName } of articles) {
    const county = resolveCounty(data.county);
    const filters = searchFilters(data, pageName);
    const sortKeys: Record<string, string> = {
      county: county.ok ? county.division.code : data.county,
      category: String(categoryOrder.get(data.category) ?? 99).padStart(2, '0'),
      year: String(9999 - Number(data.date.slice(0, 4))),
      month: String(99 - Number(data.date.slice(5, 7))).padStart(2, '0'),
      page: String(data.page).padStart(4, '0'),
    };
    for (const [key, value] of Object.entries(filters)) (seen[key] ??= new Map()).set(value, `${sortKeys[key]} ${value}`);
  }
  return Object.fromEntries(
    Object.entries(seen).map(([key, values]) => [
      key,
      [...values].sort((a, b) => naturalOrder.compare(a[1], b[1])).map(([value]) => value),
    ]),
  );
}
