// Reads the built sample edition (built once by tests/setup/build-sample.ts) and checks what readers get.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { fw } from '../fullwidth.ts';
import { EDITOR_PATH } from '../../src/lib/cms/config.ts';

const out = inject('sampleOut');
const html = (path: string) => readFileSync(join(out, path, path.endsWith('.html') ? '' : 'index.html'), 'utf8');
const text = (page: string) =>
  page
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
const mainOf = (page: string) => /<main[\s\S]*<\/main>/.exec(page)![0];
const bodyOf = (page: string) => /<div class="article__body"[^>]*>([\s\S]*?)<\/div>/.exec(page)![1]!;

function allHtmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? allHtmlFiles(path) : path.endsWith('.html') ? [path] : [];
  });
}

/** The pages readers get: every page but the reporters' editor (/admin/, Decap CMS, a page of its own kind). */
function readerPages(dir: string): string[] {
  return allHtmlFiles(dir).filter((f) => relative(dir, f) !== join(EDITOR_PATH.slice(1), 'index.html'));
}

const seed = [
  {
    slug: 'guo-wu-yuan-lian-xi-ban-you-guan-fu-ze-ren-jie',
    title: '国务院联席办有关负责人解读《关于加强打击治理电信网络诈骗违法犯罪工作的意见》',
    byline: [],
    county: '全国',
  },
  {
    slug: 'nv-zi-chao-jin-dao-ni-xing-bei-zhuang-shou-shang',
    title: '女子“抄近道”逆行 被撞受伤负全责',
    byline: ['徐洋', '刘爱军'],
    county: '张家口市',
  },
  {
    slug: 'lao-ren-tu-fa-xin-geng-qu-zhou-min-jing-hu-song',
    title: '老人突发心梗 曲周民警护送就医转危为安',
    byline: ['牛敏'],
    county: '曲周县',
  },
  {
    slug: 'zhang-jia-kou-xuan-hua-jian-cha-yuan-ban-li-yi',
    title: '张家口宣化检察院办理一起 监护人侵害未成年人权益案件',
    byline: ['席娟', '郝雪'],
    county: '宣化区',
  },
  {
    slug: 'huai-an-fa-yuan-lian-he-xian-jian-cha-yuan-kai',
    title: '怀安法院联合县检察院开展国家安全普法宣传活动',
    byline: ['席娟', '苏旭姣'],
    county: '怀安县',
  },
  {
    slug: 'wu-ji-fa-yuan-zou-jin-xia-qu-zhong-xue-wei-xue',
    title: '无极法院走进辖区中学为学生上法治课',
    byline: ['席娟', '石青华'],
    county: '无极县',
  },
  {
    slug: 'fei-xiang-ai-xin-qi-ye-wei-wen-fang-yi-yi-xian',
    title: fw('肥乡:爱心企业慰问防疫一线民辅警'),
    byline: ['牛敏', '王萧然'],
    county: '肥乡区',
  },
  {
    slug: 'feng-ning-jiao-jing-ji-shi-hu-song-yun-jue-xue',
    title: '丰宁交警及时护送 晕厥学生就医',
    byline: ['东阳'],
    county: '丰宁满族自治县',
  },
  {
    slug: 'ding-xing-jing-fang-quan-li-yi-fu-zhu-lao-yi',
    title: '定兴警方全力以赴 筑牢疫情防控安全线',
    byline: ['胡立娜', '田桂青'],
    county: '定兴县',
  },
  {
    slug: 'guan-tao-te-xun-jing-zong-shen-yue-ru-bing-leng',
    title: '馆陶特巡警纵身跃入冰冷水中 奋勇救起落水群众',
    byline: ['张海鹏'],
    county: '馆陶县',
  },
  {
    slug: 'da-chang-jiao-jing-shen-ru-wai-mai-qi-ye-kai',
    title: '大厂交警深入外卖企业开展交通安全宣传',
    byline: ['李建伟', '张佳月'],
    county: '大厂回族自治县',
  },
  {
    slug: 'xin-le-fa-yuan-kai-zhan-quan-min-guo-jia-an-quan',
    title: '新乐法院开展全民国家安全教育日宣传活动',
    byline: ['唐新花', '熊海生'],
    county: '新乐市',
  },
  {
    slug: 'fa-yuan-yi-fa-qiang-zhi-teng-fang-bao-zhang',
    title: '法院依法强制腾房 保障胜诉当事人权益',
    byline: ['朱婧伟'],
    county: '裕华区',
  },
];
const articlePage = (slug: string) => html(`2022/04/19/${slug}/`);

describe('the sample edition', () => {
  it('publishes all 13 items of the printed page, each with its headline as the h1', () => {
    for (const item of seed) {
      const page = articlePage(item.slug);
      expect(text(/<h1[^>]*>[\s\S]*?<\/h1>/.exec(page)![0]), item.slug).toBe(item.title);
    }
  });

  it('links every article from the home page, the edition, its county, its category and each byline page', () => {
    const home = html('');
    const edition = html('2022/04/19/');
    for (const item of seed) {
      const href = `/2022/04/19/${item.slug}/`;
      expect(home, `home → ${item.slug}`).toContain(`href="${href}"`);
      expect(edition, `edition → ${item.slug}`).toContain(`href="${href}"`);
      const page = articlePage(item.slug);
      const countyHref = /<a href="(\/county\/[^"]+)" class="meta__county">([^<]+)<\/a>/.exec(page)!;
      expect(countyHref[2]).toBe(item.county);
      expect(html(countyHref[1]!)).toContain(`href="${href}"`);
      const categoryHref = /<a href="(\/category\/[^"]+)" class="meta__category">/.exec(page)![1]!;
      expect(html(categoryHref)).toContain(`href="${href}"`);
      const names = [...page.matchAll(/<a class="byline__name" href="([^"]+)">([^<]+)<\/a>/g)];
      expect(names.map((m) => m[2])).toEqual(item.byline);
      for (const [, bylineHref] of names) expect(html(bylineHref!)).toContain(`href="${href}"`);
    }
  });

  it('links every edition from the archive, by year', () => {
    expect(html('archive/')).toContain('href="/archive/2022/"');
    expect(html('archive/')).toContain('href="/archive/2022/#m4"');
    expect(html('archive/2022/')).toContain('href="/2022/04/19/"');
    expect(html('archive/2022/')).toContain('id="m4"');
  });

  it('never leaves a byline as the last paragraph of an article', () => {
    for (const item of seed) {
      const paragraphs = [...bodyOf(articlePage(item.slug)).matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => text(m[1]!).trim());
      const last = paragraphs.at(-1)!;
      for (const name of item.byline) expect(last.endsWith(name), `${item.slug}: ${last}`).toBe(false);
      expect(last, item.slug).not.toMatch(/^[\u4e00-\u9fa5]{2,3}(\s+[\u4e00-\u9fa5]{2,3})*(\s*摄)?$/);
    }
  });

  it('rejoins sentences that the print columns cut', () => {
    const joined = (slug: string) => text(bodyOf(articlePage(slug)));
    expect(joined('guo-wu-yuan-lian-xi-ban-you-guan-fu-ze-ren-jie')).toContain(fw('广泛参与”的工作格局,有效提升'));
    expect(joined('guo-wu-yuan-lian-xi-ban-you-guan-fu-ze-ren-jie')).toContain('工作的重要规范性文件');
    expect(joined('da-chang-jiao-jing-shen-ru-wai-mai-qi-ye-kai')).toContain('《电动自行车登记上牌明白事项》');
    expect(joined('da-chang-jiao-jing-shen-ru-wai-mai-qi-ye-kai')).toContain(fw('相关事项。同时,叮嘱'));
    expect(joined('lao-ren-tu-fa-xin-geng-qu-zhou-min-jing-hu-song')).toContain(fw('人流较多,指挥中心配合'));
    expect(joined('fa-yuan-yi-fa-qiang-zhi-teng-fang-bao-zhang')).toContain(fw('迁出房屋公告,但被执行人'));
    expect(joined('fa-yuan-yi-fa-qiang-zhi-teng-fang-bao-zhang')).toContain('邀请公证人员');
    expect(joined('guan-tao-te-xun-jing-zong-shen-yue-ru-bing-leng')).toContain(fw('“虽说有心理准备,但还是没想到入水的一瞬间'));
    expect(joined('guan-tao-te-xun-jing-zong-shen-yue-ru-bing-leng')).toContain('进一步救治。韩云鹏因在水中时间过长');
  });

  it('turns the caption that fell inside a quote into a figure caption', () => {
    const page = articlePage('guan-tao-te-xun-jing-zong-shen-yue-ru-bing-leng');
    expect(text(/<figcaption>[\s\S]*?<\/figcaption>/.exec(page)![0])).toContain(fw('图为韩云鹏(左)正在营救落水者。'));
    expect(bodyOf(page)).not.toContain('图为');
  });

  it('credits the photographers of the photo item and shows its caption', () => {
    const page = articlePage('xin-le-fa-yuan-kai-zhan-quan-min-guo-jia-an-quan');
    const caption = text(/<figcaption>[\s\S]*?<\/figcaption>/.exec(page)![0]);
    expect(caption).toContain('图为活动现场。');
    expect(caption).toContain('唐新花 熊海生 摄');
    expect(bodyOf(page)).not.toContain('摄');
    expect(page).toContain('标题为编者所加');
  });

  it('opens with the source line from the frontmatter, not the body', () => {
    expect(bodyOf(articlePage('guo-wu-yuan-lian-xi-ban-you-guan-fu-ze-ren-jie'))).toMatch(
      /^\s*<p><span class="dateline">新华社北京电<\/span> 近日\uFF0C/,
    );
    expect(bodyOf(articlePage('nv-zi-chao-jin-dao-ni-xing-bei-zhuang-shou-shang'))).toMatch(
      /<span class="dateline">河北法制报讯<\/span> 4月12日\uFF0C/,
    );
  });

  it('marks the two items the page cut off, and only those', () => {
    const truncated = seed.filter((item) => articlePage(item.slug).includes('原版面文字至此中断')).map((i) => i.slug);
    expect(truncated).toEqual(['huai-an-fa-yuan-lian-he-xian-jian-cha-yuan-kai', 'wu-ji-fa-yuan-zou-jin-xia-qu-zhong-xue-wei-xue']);
  });

  it('shows full-width punctuation in Chinese text on every page', () => {
    for (const file of readerPages(out)) {
      const visible = text(mainOf(readFileSync(file, 'utf8')));
      expect(visible, relative(out, file)).not.toMatch(/[\u4e00-\u9fa5][,:;!?()]|[,:;!?()][\u4e00-\u9fa5]/);
    }
  });

  it('shows the interview as questions and answers', () => {
    const body = bodyOf(articlePage('guo-wu-yuan-lian-xi-ban-you-guan-fu-ze-ren-jie'));
    expect(body.match(/<p><strong>问<\/strong>\uFF1A/g)).toHaveLength(3);
    expect(body.match(/<p><strong>答<\/strong>\uFF1A/g)).toHaveLength(3);
  });

  it('is a Chinese document with landmarks on every page', () => {
    for (const file of readerPages(out)) {
      const page = readFileSync(file, 'utf8');
      expect(page, relative(out, file)).toContain('<html lang="zh-CN"');
      expect(page).toMatch(/<main id="main"/);
      expect(page).toMatch(/<h1[\s>]/);
    }
  });

  it('resolves every internal link and asset', () => {
    const broken: string[] = [];
    for (const file of allHtmlFiles(out)) {
      for (const [, url] of readFileSync(file, 'utf8').matchAll(/(?:href|src)="(\/[^"#?]*)[^"]*"/g)) {
        const target = join(out, decodeURI(url!));
        const ok = url!.endsWith('/') ? existsSync(join(target, 'index.html')) : existsSync(target);
        if (!ok) broken.push(`${relative(out, file)} → ${url}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('has a 404 page, and no client JavaScript but the search page’s and the article pages’ reading tools, each a file', () => {
    expect(html('404.html')).toContain('页面不存在');
    const isArticle = (file: string) => /^\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+\/index\.html$/.test(relative(out, file));
    for (const file of readerPages(out).filter((f) => relative(out, f) !== join('search', 'index.html'))) {
      const scripts = [...readFileSync(file, 'utf8').matchAll(/<script(?![^>]*application\/ld\+json)([^>]*)>([\s\S]*?)<\/script>/g)];
      // The Content-Security-Policy allows no inline script: each is a file, with nothing between its tags.
      for (const [, attributes, body] of scripts) {
        expect(attributes, relative(out, file)).toMatch(/ src="\/_astro\/[^"]+\.js"/);
        expect(body).toBe('');
      }
      expect(scripts.length, relative(out, file)).toBe(isArticle(file) ? 1 : 0);
    }
  });
});
