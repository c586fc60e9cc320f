// Quality gates for machines on the built sample and fixture: the feeds parse and carry what feed readers need
// (RSS 2.0 elements, JSON Feed 1.1 against its schema), the sitemaps are well-formed and list exactly the built
// pages, the News sitemap the last two days, and every article's JSON-LD and social tags parse and are complete.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { xmlErrors } from '../../tools/site-check/xml.ts';
import { fileOf, type BuiltSite } from '../../tools/site-check/dist-fs.ts';
import { feedParser as parser, readJsonFeed, readRss, sitemapProblems } from '../../tools/site-check/site-check-fs.ts';
import { readContent } from '../../src/lib/content/content-files-fs.ts';
import { categories } from '../../src/lib/categories.ts';
import { compareArticles } from '../../src/lib/edition.ts';
import { resolveCounty } from '../../src/lib/gazetteer.ts';
import { normalizeCjkPunctuation } from '../../src/lib/typography.ts';

const root = new URL('../../', import.meta.url).pathname;
const sites: Record<string, BuiltSite & { content: string }> = {
  sample: { out: inject('sampleOut'), base: '/', origin: 'https://example.org', content: 'tests/fixtures/sample' },
  fixture: { out: inject('fixtureOut'), base: '/paper/', origin: 'https://example.org', content: 'tests/fixtures/search-site' },
};

for (const [name, site] of Object.entries(sites)) {
  describe(`machine-readable output of the ${name} site`, () => {
    const read = (file: string) => readFileSync(join(site.out, file), 'utf8');
    const abs = (path: string) => `${site.origin}${site.base}${path}`;
    const { articles } = readContent(root, site.content);
    const published = articles.filter((a) => !a.data.draft).sort(compareArticles);
    const articleUrl = (id: string) => abs(`${id}/`);

    function rss(file: string) {
      const { channel, problems } = readRss(site, file);
      expect(problems).toEqual([]);
      return channel;
    }

    it('publishes the whole paper as RSS 2.0 with full text, names, category and place', () => {
      const channel = rss('rss.xml');
      expect(channel.item!.map((i) => i.link)).toEqual(published.slice(0, 50).map((a) => articleUrl(a.id)));
      const first = channel.item![0]!;
      const source = published[0]!;
      expect(first.title).toBe(normalizeCjkPunctuation(source.data.title));
      expect(first['dc:creator'] ?? []).toEqual(source.data.byline.map((b) => b.name));
      expect(first.category).toContainEqual(expect.objectContaining({ '#text': source.data.category }));
    });

    it('publishes a feed for every category and county with articles, holding exactly their articles', () => {
      const usedCategories = categories.filter((c) => published.some((a) => a.data.category === c.name));
      for (const category of usedCategories) {
        const channel = rss(`category/${category.slug}/rss.xml`);
        const expected = published.filter((a) => a.data.category === category.name).slice(0, 20);
        expect(channel.item!.map((i) => i.link).sort()).toEqual(expected.map((a) => articleUrl(a.id)).sort());
        expect(read(`category/${category.slug}/index.html`)).toContain(
          `<link rel="alternate" type="application/rss+xml" title="河北法制报 · ${category.name}" href="${site.base}category/${category.slug}/rss.xml">`,
        );
      }
      const counties = new Map<string, string[]>();
      for (const a of published) {
        const r = resolveCounty(a.data.county);
        if (r.ok) counties.set(r.division.slug, [...(counties.get(r.division.slug) ?? []), articleUrl(a.id)]);
      }
      for (const [slug, urls] of counties) {
        expect(
          rss(`county/${slug}/rss.xml`)
            .item!.map((i) => i.link)
            .sort(),
        ).toEqual(urls.slice(0, 20).sort());
        expect(read(`county/${slug}/index.html`)).toContain(`href="${site.base}county/${slug}/rss.xml"`);
      }
    });

    it('publishes a JSON Feed 1.1 that validates against the spec', () => {
      const { feed, problems } = readJsonFeed(site);
      expect(problems).toEqual([]);
      expect(feed.items.map((i) => i.url)).toEqual(published.slice(0, 50).map((a) => articleUrl(a.id)));
    });

    it('lists every built page in the sitemaps, and nothing that is not built', () => {
      const { sitemaps, listed, problems } = sitemapProblems(site);
      expect(problems).toEqual([]);
      expect(sitemaps).toEqual([abs('sitemap-0.xml')]);
      expect(listed).toBeGreaterThan(published.length);
    });

    it('lists the articles of the last two days of editions in the News sitemap', () => {
      const text = read('sitemap-news.xml');
      expect(xmlErrors(text)).toEqual([]);
      const urls = parser.parse(text).urlset.url as { loc: string; 'news:news': Record<string, unknown> }[];
      const newest = published[0]!.data.date;
      const dayBefore = new Date(Date.parse(`${newest}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      const expected = published.filter((a) => a.data.date === newest || a.data.date === dayBefore);
      expect(urls.map((u) => u.loc)).toEqual(expected.map((a) => articleUrl(a.id)));
      for (const u of urls) {
        const news = u['news:news'] as {
          'news:publication': Record<string, string>;
          'news:publication_date': string;
          'news:title': string;
        };
        expect(news['news:publication']).toEqual({ 'news:name': '河北法制报', 'news:language': 'zh-cn' });
        expect(news['news:publication_date']).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+08:00$/);
        expect(news['news:title']).toBeTruthy();
        expect(existsSync(join(site.out, fileOf(site, new URL(u.loc))!))).toBe(true);
      }
      expect(read('robots.txt')).toContain(`Sitemap: ${abs('sitemap-news.xml')}`);
    });

    it('describes every article with complete NewsArticle JSON-LD, social tags and its canonical URL', () => {
      for (const a of published) {
        const html = read(`${a.id}/index.html`);
        const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
        expect(blocks, a.id).toHaveLength(1);
        const ld = blocks[0];
        const url = articleUrl(a.id);
        expect(ld['@context']).toBe('https://schema.org');
        expect(ld['@type']).toBe('NewsArticle');
        expect(ld.headline).toBe(normalizeCjkPunctuation(a.data.title));
        expect(ld.datePublished).toBe(`${a.data.date}T00:00:00+08:00`);
        expect(ld.dateModified).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+08:00$/);
        expect(ld.dateModified >= ld.datePublished).toBe(true);
        expect(ld.author.length).toBeGreaterThan(0);
        for (const author of ld.author) expect(author.name).toBeTruthy();
        expect(ld.author.filter((x: { '@type': string }) => x['@type'] === 'Person').map((x: { name: string }) => x.name)).toEqual(
          a.data.byline.map((b) => b.name),
        );
        expect(ld.publisher).toMatchObject({ '@type': 'NewsMediaOrganization', name: '河北法制报', url: abs('') });
        expect(ld.articleSection).toBe(a.data.category);
        expect(ld.mainEntityOfPage['@id']).toBe(url);
        expect(ld.description).toBeTruthy();
        expect('image' in ld).toBe(a.data.images.some((i) => i.file));
        expect(html).toContain(`<link rel="canonical" href="${url}">`);
        expect(html).toContain(`<meta property="og:url" content="${url}">`);
        expect(html).toContain('<meta property="og:type" content="article">');
        expect(html).toMatch(/<meta name="twitter:card" content="summary(_large_image)?">/);
        const description = /<meta name="description" content="([^"]+)">/.exec(html)![1];
        expect(html).toContain(`<meta property="og:description" content="${description}">`);
      }
    });
  });
}
