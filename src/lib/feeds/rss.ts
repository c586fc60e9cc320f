// RSS 2.0 (https://www.rssboard.org/rss-specification) with the full text in content:encoded, names in
// dc:creator (RSS's own <author> must be an e-mail address) and atom:link rel="self" as validators expect.
import type { FeedChannel } from './channel.ts';
import type { FeedItem } from './items.ts';
import { rfc822Time } from '../seo/time.ts';
import { escapeXml, xmlChars } from '../seo/xml.ts';

function cdata(text: string): string {
  return `<![CDATA[${xmlChars(text).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

function renderItem(item: FeedItem): string {
  const lines = [
    `<title>${escapeXml(item.title)}</title>`,
    `<link>${escapeXml(item.url)}</link>`,
    `<guid isPermaLink="true">${escapeXml(item.url)}</guid>`,
    `<pubDate>${rfc822Time(item.date)}</pubDate>`,
    `<description>${escapeXml(item.summary)}</description>`,
    ...(item.contentHtml ? [`<content:encoded>${cdata(item.contentHtml)}</content:encoded>`] : []),
    ...item.authors.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`),
    `<category domain="${escapeXml(item.categoryUrl)}">${escapeXml(item.category)}</category>`,
    `<category>${escapeXml(item.place)}</category>`,
  ];
  return `<item>\n      ${lines.join('\n      ')}\n    </item>`;
}

/** The feed document. `lastBuildDate` is the newest item's date, so the same content gives the same bytes. */
export function renderRss(channel: FeedChannel, items: readonly FeedItem[]): string {
  const newest = items.reduce<string | undefined>((latest, i) => (!latest || i.modified > latest ? i.modified : latest), undefined);
  const head = [
    `<title>${escapeXml(channel.title)}</title>`,
    `<link>${escapeXml(channel.homeUrl)}</link>`,
    `<description>${escapeXml(channel.description)}</description>`,
    `<language>zh-cn</language>`,
    ...(newest ? [`<lastBuildDate>${rfc822Time(newest)}</lastBuildDate>`] : []),
    `<atom:link href="${escapeXml(channel.feedUrl)}" rel="self" type="application/rss+xml"/>`,
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <channel>',
    `    ${head.join('\n    ')}`,
    ...items.map((item) => `    ${renderItem(item)}`),
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}
