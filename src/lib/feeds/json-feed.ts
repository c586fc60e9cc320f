// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): the whole paper for readers that prefer JSON.
import type { FeedChannel } from './channel.ts';
import type { FeedItem } from './items.ts';
import { publicationTime } from '../seo/time.ts';

export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  authors: { name: string; url: string }[];
  items: JsonFeedItem[];
}

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  content_html?: string;
  content_text?: string;
  date_published: string;
  date_modified: string;
  authors?: { name: string }[];
  tags: string[];
}

export function jsonFeed(channel: FeedChannel, items: readonly FeedItem[], publisher: { name: string; url: string }): JsonFeed {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: channel.feedUrl,
    description: channel.description,
    language: 'zh-CN',
    authors: [publisher],
    items: items.map((item) => ({
      id: item.url,
      url: item.url,
      title: item.title,
      summary: item.summary,
      // The spec requires content_html or content_text.
      ...(item.contentHtml ? { content_html: item.contentHtml } : { content_text: item.summary }),
      date_published: publicationTime(item.date),
      date_modified: publicationTime(item.modified),
      ...(item.authors.length > 0 ? { authors: item.authors.map((name) => ({ name })) } : {}),
      tags: [item.category, item.place],
    })),
  };
}
