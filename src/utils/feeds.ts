// Responses of the feed and sitemap routes: site data in, documents out (the documents are made by src/lib/feeds
// and src/lib/seo; this module only knows where the site is and what the routes return).
import { getImage } from 'astro:assets';
import type { ArticleEntry, ArticleRecord, SiteData } from './site-data.ts';
import type { SiteLocation } from '../lib/seo/urls.ts';
import { feedItem, type FeedArticle } from '../lib/feeds/items.ts';
import { renderRss } from '../lib/feeds/rss.ts';
import type { FeedChannel } from '../lib/feeds/channel.ts';
import { escapeHtml } from '../lib/util/html.ts';
import { decodeCharacterReference } from '../lib/util/character-reference.ts';

/** Where the site is deployed (`SITE_URL`, `BASE_PATH`), from an endpoint's context. */
export function siteLocation(site: URL | undefined): SiteLocation {
  if (!site) throw new Error('astro.config.mjs: `site` is not set (SITE_URL); feeds and sitemaps need absolute URLs');
  return { site, base: import.meta.env.BASE_URL };
}

export function xmlResponse(body: string, type: string): Response {
  return new Response(body, { headers: { 'content-type': `${type}; charset=utf-8` } });
}

/** What a feed shows of the newest `limit` of `articles` (sorted newest first): each with its full text where this build has it. */
export function feedArticles(articles: readonly ArticleRecord[], limit: number, data: Pick<SiteData, 'entryOf'>): Promise<FeedArticle[]> {
  return Promise.all(
    articles.slice(0, limit).map((a) => {
      const entry = data.entryOf.get(a.id);
      return entry ? withPublishedImages(entry) : a;
    }),
  );
}

/** The attribute Astro's Markdown pipeline puts on a body image for its renderer to replace (src, alt, title as JSON). */
const IMAGE_PLACEHOLDER = /<img\b[^>]*?\b__ASTRO_IMAGE_="([^"]+)"[^>]*>/g;

/**
 * The entry with its body's images as the article's page shows them: the published copy's address (the same
 * getImage call, so the same file), with alt and title. A feed never carries a placeholder or a source path: an
 * image without a published copy (none should be: the loader refuses them) is left out.
 */
async function withPublishedImages(entry: ArticleEntry): Promise<ArticleEntry> {
  const rendered = entry.rendered;
  if (!rendered?.html.includes('__ASTRO_IMAGE_')) return entry;
  const photos = new Map(entry.data.bodyPhotos.map((b) => [b.path, b.photo]));
  const tags = new Map<string, string>();
  for (const [tag, json] of rendered.html.matchAll(IMAGE_PLACEHOLDER)) {
    if (tags.has(tag)) continue;
    const props = JSON.parse(unescapeAttribute(json!)) as { src?: string; alt?: string; title?: string };
    const photo = props.src === undefined ? undefined : photos.get(props.src);
    if (!photo) {
      tags.set(tag, '');
      continue;
    }
    const image = await getImage({ src: photo });
    const attributes = {
      src: image.src,
      alt: props.alt ?? '',
      ...(props.title ? { title: props.title } : {}),
      width: image.attributes['width'],
      height: image.attributes['height'],
    };
    tags.set(
      tag,
      `<img ${Object.entries(attributes)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}="${escapeHtml(String(v))}"`)
        .join(' ')}>`,
    );
  }
  const html = rendered.html.replace(IMAGE_PLACEHOLDER, (tag) => tags.get(tag) ?? '');
  return { ...entry, rendered: { ...rendered, html } };
}

/** An attribute value as rehype-stringify writes it (`"` and `&` as character references), read back. */
const unescapeAttribute = (value: string) => value.replace(/&(?:#[xX][0-9a-fA-F]+|#\d+|[A-Za-z][A-Za-z0-9]*);/g, decodeCharacterReference);

/** An RSS feed of the newest `limit` of `articles` (sorted newest first). */
export async function rssResponse(
  channel: FeedChannel,
  articles: readonly ArticleRecord[],
  limit: number,
  at: SiteLocation,
  data: Pick<SiteData, 'entryOf'>,
): Promise<Response> {
  return xmlResponse(
    renderRss(
      channel,
      (await feedArticles(articles, limit, data)).map((a) => feedItem(a, at)),
    ),
    'application/rss+xml',
  );
}
