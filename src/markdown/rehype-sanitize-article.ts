// Rehype plugin: the HTML of an article body can never run code, whatever its Markdown says. Astro's pipeline
// passes raw HTML and javascript: links straight through (remark-rehype with allowDangerousHtml, then rehype-raw);
// this runs first among the rehype plugins, on the tree the Markdown alone produced, and keeps only GitHub's
// allow-list of elements and attributes (hast-util-sanitize's default schema): raw HTML is dropped whole, event
// handlers and style attributes go, and a URL keeps its place only with a scheme from src/lib/check/safe-url.ts,
// the same list `npm run check` reports against. Trusted plugins (dateline, image handling) run after it; only
// Shiki's code highlighting, which Astro runs before every user plugin, is let through (class and style on pre/span).
import type { Root } from 'hast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import { allowedProtocols } from '../lib/check/safe-url.ts';

type Schema = NonNullable<Parameters<typeof rehypeSanitize>[0]>;

export type RehypeSanitizeArticleOptions = Record<string, never>;

export const articleSanitizeSchema: Schema = {
  ...defaultSchema,
  // GitHub prefixes ids that user HTML could set; raw HTML never gets here, and remark-rehype already prefixes the
  // footnote ids it makes (user-content-fn-1), so a second prefix would only break footnote links.
  clobberPrefix: '',
  attributes: {
    ...defaultSchema.attributes,
    // Shiki highlights code blocks before any user plugin runs, writing raw attribute names (class, tabindex); its
    // classes and colours come from the theme, never from the article's text.
    pre: [...(defaultSchema.attributes?.['pre'] ?? []), ['class', /^[\w -]+$/], 'style', 'tabindex', 'dataLanguage'],
    span: [...(defaultSchema.attributes?.['span'] ?? []), ['class', 'line'], 'style'],
  },
  protocols: Object.fromEntries(Object.entries(allowedProtocols).map(([property, schemes]) => [property, [...schemes]])),
};

export default function rehypeSanitizeArticle(_options: RehypeSanitizeArticleOptions = {}): (tree: Root) => Root {
  return rehypeSanitize(articleSanitizeSchema) as (tree: Root) => Root;
}
