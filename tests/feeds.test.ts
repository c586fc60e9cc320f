// Feed building (src/lib/feeds): items with absolute URLs under any base path, RSS 2.0 and JSON Feed documents.
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { xmlErrors } from '../tools/site-check/xml.ts';
import { articleSchema, type Article } from '../src/lib/schema.ts';
import { feedItem, type FeedItem } from '../src/lib/feeds/items.ts';
import { renderRss } from '../src/lib/feeds/rss.ts';
import { jsonFeed } from '../src/lib/feeds/json-feed.ts';
import { categoryFeedPath, countyFeedPath, sectionFeedTitle } from '../src/lib/feeds/channel.ts';
import { fw } from './fullwidth.ts';

const at = { site: 'https://paper.example.cn', base: '/paper/' };

function entry(id: string, overrides: Partial<Record<keyof Article, unknown>> = {}, html?: string) {
  const date = id.slice(0, 10).replaceAll('/', '-');
  const data = articleSchema.parse({ title: '标题', date, county: '曲周县', category: '公安', page: 1, order: 1, ...overrides });
  return { id, data, body: '第一段,正文。\n\n第二段。', ...(html === undefined ? {} : { rendered: { html } }) };
}

const channel = {
  title: '河北法制报',
  description: '描述 & 说明',
  homeUrl: 'https://paper.example.cn/paper/',
  feedUrl: 'https://paper.example.cn/paper/rss.xml',
};
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'dc:creator', 'category'].includes(name) });

describe('feedItem', () => {
  it('gives the article its absolute URL under the base path, its names, category and place', () => {
    const item = feedItem(entry('2022/04/19/lao-ren', { byline: ['记者 牛敏', '王萧然'] }), at);
    expect(item.url).toBe('https://paper.example.cn/paper/2022/04/19/lao-ren/');
    expect(item.authors).toEqual(['牛敏', '王萧然']);
    expect(item.category).toBe('公安');
    expect(item.categoryUrl).toBe('https://paper.example.cn/paper/category/gongan/');
    expect(item.place).toBe('曲周县');
  });

  it('summarises from the summary field, else the first paragraph, with full-width punctuation', () => {
    expect(feedItem(entry('2022/04/19/a'), at).summary).toBe(fw('第一段,正文。'));
    expect(feedItem(entry('2022/04/19/a', { summary: '提要:要点' }), at).summary).toBe(fw('提要:要点'));
  });

  it('dates the item by its edition and its last correction', () => {
    const item = feedItem(
      entry('2022/04/19/a', {
        corrections: [
          { date: '2022-04-21', text: '更正' },
          { date: '2022-04-20', text: '更正' },
        ],
      }),
      at,
    );
    expect([item.date, item.modified]).toEqual(['2022-04-19', '2022-04-21']);
  });

  it('carries the full text with every link made absolute, and the kicker and subtitle above it', () => {
    const html = '<p>见<a href="../../18/other/">昨日报道</a>和<a href="#note">注</a>。</p>';
    const item = feedItem(entry('2022/04/19/a', { kicker: '引题', subtitle: '副题' }, html), at);
    expect(item.contentHtml).toBe(
      '<p><strong>引题<br>标题<br>副题</strong></p><p>见<a href="https://paper.example.cn/paper/2022/04/18/other/">昨日报道</a>和<a href="https://paper.example.cn/paper/2022/04/19/a/#note">注</a>。</p>',
    );
    expect(feedItem(entry('2022/04/19/a'), at).contentHtml).toBeUndefined();
  });
});

describe('feed paths', () => {
  it('puts section feeds next to their listings', () => {
    expect(categoryFeedPath('法院')).toBe('/category/fayuan/rss.xml');
    expect(countyFeedPath('quzhou-xian')).toBe('/county/quzhou-xian/rss.xml');
    expect(sectionFeedTitle('法院')).toBe('河北法制报 · 法院');
  });
});

describe('renderRss', () => {
  const items: FeedItem[] = [
    feedItem(entry('2022/04/19/a', { title: 'A&B <新闻>', byline: ['牛敏'] }, '<p>正文 ]]> 结束</p>'), at),
    feedItem(entry('2022/04/18/b', { corrections: [{ date: '2022-04-20', text: '更正' }] }), at),
  ];
  const xml = renderRss(channel, items);
  const rss = parser.parse(xml).rss;

  it('is well-formed RSS 2.0 with the required channel and item elements', () => {
    expect(xmlErrors(xml)).toEqual([]);
    expect(rss['@_version']).toBe('2.0');
    expect(rss.channel.title).toBe('河北法制报');
    expect(rss.channel.link).toBe('https://paper.example.cn/paper/');
    expect(rss.channel.description).toBe('描述 & 说明');
    expect(rss.channel['atom:link']['@_href']).toBe('https://paper.example.cn/paper/rss.xml');
    expect(rss.channel.item.map((i: { title: string }) => i.title)).toEqual(['A&B <新闻>', '标题']);
    expect(rss.channel.item[0].guid['#text']).toBe('https://paper.example.cn/paper/2022/04/19/a/');
    expect(rss.channel.item[0]['dc:creator']).toEqual(['牛敏']);
    expect(rss.channel.item[0].category.map((c: string | { '#text': string }) => (typeof c === 'string' ? c : c['#text']))).toEqual([
      '公安',
      '曲周县',
    ]);
  });

  it('writes dates in RFC 822 in the paper’s time zone, the build date being the newest change', () => {
    expect(rss.channel.item[0].pubDate).toBe('Tue, 19 Apr 2022 00:00:00 +0800');
    expect(rss.channel.item[1].pubDate).toBe('Mon, 18 Apr 2022 00:00:00 +0800');
    expect(rss.channel.lastBuildDate).toBe('Wed, 20 Apr 2022 00:00:00 +0800');
  });

  it('keeps full text containing the CDATA terminator intact', () => {
    expect(rss.channel.item[0]['content:encoded']).toBe('<p>正文 ]]> 结束</p>');
  });

  it('is the same bytes for the same content', () => {
    expect(renderRss(channel, items)).toBe(xml);
  });

  it('drops characters XML forbids instead of writing a broken feed', () => {
    // The schema refuses control characters; the feed must not depend on that.
    const clean = entry('2022/04/19/a');
    const bad = renderRss(channel, [feedItem({ ...clean, data: { ...clean.data, summary: '控制\u0007字符' } }, at)]);
    expect(xmlErrors(bad)).toEqual([]);
    expect(parser.parse(bad).rss.channel.item[0].description).toBe('控制字符');
  });
});

describe('jsonFeed', () => {
  const feed = jsonFeed(
    { ...channel, feedUrl: 'https://paper.example.cn/paper/feed.json' },
    [feedItem(entry('2022/04/19/a', { byline: ['牛敏'] }, '<p>正文</p>'), at), feedItem(entry('2022/04/18/b'), at)],
    { name: '河北法制报', url: 'https://paper.example.cn/paper/' },
  );

  it('is JSON Feed 1.1 with content for every item', () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items[0]).toMatchObject({
      id: 'https://paper.example.cn/paper/2022/04/19/a/',
      content_html: '<p>正文</p>',
      authors: [{ name: '牛敏' }],
    });
    expect(feed.items[1]!.content_text).toBe(feed.items[1]!.summary);
    expect(feed.items[1]).not.toHaveProperty('authors');
  });

  it('dates items in RFC 3339 with the paper’s offset', () => {
    expect(feed.items[0]!.date_published).toBe('2022-04-19T00:00:00+08:00');
  });
});
