// Golden test: importing the seed print page reproduces the hand-made sample edition (tests/fixtures/sample/2022/04/19/,
// the sample as content/ first held it).
import { readdirSync, readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { assembleEditions } from '../src/lib/edition.ts';
import { importPage, planImport } from '../src/lib/importer/index.ts';
import { articleFrontmatter } from '../src/lib/importer/serialise.ts';
import { articleSchema, editionSchema, type Article } from '../src/lib/schema.ts';
import { normalizeCjkPunctuation } from '../src/lib/typography.ts';

const sampleDir = new URL('./fixtures/sample/2022/04/19/', import.meta.url);
const seed = readFileSync(new URL('./fixtures/importer/seed-page-2022-04.txt', import.meta.url), 'utf8');
const placement = { date: '2022-04-19', page: 1 };

const sample = readdirSync(sampleDir)
  .filter((name) => name.endsWith('.md'))
  .map((name) => {
    const file = matter(readFileSync(new URL(name, sampleDir), 'utf8'));
    return { slug: name.replace(/\.md$/, ''), data: articleSchema.parse(file.data), body: file.content.trim() };
  })
  .sort((a, b) => a.data.order - b.data.order);

const page = importPage(seed);
const imported = page.articles.map((article, i) => ({
  article,
  slug: page.slugs[i]!,
  data: articleSchema.parse(articleFrontmatter(article, placement)),
}));

/** The one item of the seed printed without a headline: the sample's headline was written by an editor. */
const PHOTO_ITEM = 'xin-le-fa-yuan-kai-zhan-quan-min-guo-jia-an-quan';

describe('importing the seed page', () => {
  it('finds the 13 articles of the sample, in page order, with the same file names', () => {
    expect(imported.map((a) => a.slug)).toEqual(sample.map((s) => s.slug));
    expect(imported.map((a) => a.data.order)).toEqual(sample.map((s) => s.data.order));
  });

  it.each(sample.map((s) => [s.slug, s] as const))('%s: same frontmatter as the sample', (slug, expected) => {
    const got = imported.find((a) => a.slug === slug)!;
    // The sample keeps the export's half-width punctuation (the site normalises it when building); the importer
    // writes full-width punctuation.
    const comparable = (data: Article) => ({
      ...data,
      title: normalizeCjkPunctuation(data.title),
      images: data.images.map((image) => ({ ...image, caption: normalizeCjkPunctuation(image.caption) })),
    });
    expect(comparable(got.data)).toEqual(comparable(expected.data));
  });

  it.each(sample.map((s) => [s.slug, s] as const))('%s: same body paragraphs as the sample', (slug, expected) => {
    const got = imported.find((a) => a.slug === slug)!;
    const paragraphs = (body: string) => body.split(/\n{2,}/).map((p) => normalizeCjkPunctuation(p.trim()));
    expect(paragraphs(got.article.body)).toEqual(paragraphs(expected.body));
  });

  it('makes a headline for the photo item printed without one, and says so', () => {
    const item = imported.find((a) => a.slug === PHOTO_ITEM)!;
    // Same words as the sample's editor wrote: 新乐市人民法院组织开展… shortened as headlines do.
    expect(item.data.title).toBe('新乐法院开展全民国家安全教育日宣传活动');
    expect(item.data.editorHeadline).toBe(true);
    expect(item.article.flags).toContain('untitled');
  });

  it('raises exactly the flags an editor must look at', () => {
    const flagged = Object.fromEntries(imported.filter((a) => a.article.flags.length > 0).map((a) => [a.slug, a.article.flags]));
    expect(flagged).toEqual({
      'huai-an-fa-yuan-lian-he-xian-jian-cha-yuan-kai': ['truncated'],
      'wu-ji-fa-yuan-zou-jin-xia-qu-zhong-xue-wei-xue': ['truncated'],
      [PHOTO_ITEM]: ['untitled'],
      'guo-wu-yuan-lian-xi-ban-you-guan-fu-ze-ren-jie': ['reprint'],
    });
  });

  it('writes files that the site accepts as one edition', () => {
    const plan = planImport(page, { placement, existing: [], force: false });
    const edition = plan.writes.find((w) => w.name === 'edition.yaml')!;
    const sampleEdition = editionSchema.parse(parseYaml(readFileSync(new URL('edition.yaml', sampleDir), 'utf8')));
    expect(editionSchema.parse(parseYaml(edition.content))).toEqual({
      date: sampleEdition.date,
      pages: sampleEdition.pages.map(({ number, name }) => ({ number, name })),
    });
    const articles = plan.writes
      .filter((w) => w.name.endsWith('.md'))
      .map((w) => ({ id: `2022/04/19/${w.name.replace(/\.md$/, '')}`, data: articleSchema.parse(matter(w.content).data) }));
    const [view] = assembleEditions(articles, [{ id: '2022/04/19/edition', data: editionSchema.parse(parseYaml(edition.content)) }]);
    expect(view?.articles).toHaveLength(13);
  });
});
