import { describe, expect, it } from 'vitest';
import { formatByline, formatDateZh, formatEditionDate } from '../src/lib/format.ts';
import { excerpt, summaryOf } from '../src/lib/excerpt.ts';
import { leadOfBody } from '../src/lib/content/record.ts';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import rehypeLeadParagraph from '../src/markdown/rehype-lead-paragraph.ts';
import { fw } from './fullwidth.ts';
import { isValidSlug, nameSlugs, slugFromHeadline } from '../src/lib/slug.ts';
import { articlePath, editionPath, parseArticleId, withBase, countyPath, categoryPath, listingPagePath } from '../src/lib/routing.ts';

describe('dates', () => {
  it('formats edition dates as a Chinese masthead does', () => {
    expect(formatDateZh('2022-04-09')).toBe('2022年4月9日');
    expect(formatEditionDate('2022-04-19')).toBe('2022年4月19日 星期二');
  });
});

describe('bylines', () => {
  it('groups names by role and credits photographers with 摄', () => {
    expect(
      formatByline([
        { name: '徐洋', role: '记者' },
        { name: '刘爱军', role: '记者' },
        { name: '席娟', role: '通讯员' },
      ]),
    ).toBe('记者 徐洋 刘爱军 通讯员 席娟');
    expect(
      formatByline([
        { name: '唐新花', role: '摄影' },
        { name: '熊海生', role: '摄影' },
      ]),
    ).toBe('唐新花 熊海生 摄');
    expect(formatByline([{ name: '牛敏' }, { name: '王萧然' }])).toBe('牛敏 王萧然');
  });
});

describe('slugs', () => {
  it('makes a readable ASCII slug from a Chinese headline', () => {
    expect(slugFromHeadline('女子“抄近道”逆行 被撞受伤负全责')).toBe('nv-zi-chao-jin-dao-ni-xing-bei-zhuang-shou-shang');
    expect(slugFromHeadline('2022年全省检察工作会议')).toMatch(/^2022-nian-quan-sheng/);
    expect(isValidSlug(slugFromHeadline('国务院联席办有关负责人解读《关于加强打击治理电信网络诈骗违法犯罪工作的意见》'))).toBe(true);
  });

  it('rejects slugs that are not lowercase ASCII words', () => {
    expect(isValidSlug('Fa-Yuan')).toBe(false);
    expect(isValidSlug('fa_yuan')).toBe(false);
    expect(isValidSlug('fa--yuan')).toBe(false);
    expect(isValidSlug('法院')).toBe(false);
  });

  it('tells homophone names apart, whatever order they come in', () => {
    const a = nameSlugs(['牛敏', '牛民', '席娟']);
    const b = nameSlugs(['席娟', '牛民', '牛敏']);
    expect(a).toEqual(b);
    expect(new Set(a.values()).size).toBe(3);
    expect(a.get('席娟')).toBe('xijuan');
  });
});

describe('routing', () => {
  it('maps editions and articles to dated paths', () => {
    expect(editionPath('2022-04-19')).toBe('/2022/04/19/');
    expect(articlePath('2022/04/19/fa-yuan')).toBe('/2022/04/19/fa-yuan/');
    expect(parseArticleId('2022/04/19/fa-yuan')).toEqual({ date: '2022-04-19', slug: 'fa-yuan' });
    expect(parseArticleId('drafts/fa-yuan')).toBeUndefined();
  });

  it('maps counties and categories to their slugs', () => {
    expect(countyPath('宣化区')).toBe('/county/xuanhua/');
    expect(categoryPath('法院')).toBe('/category/fayuan/');
    expect(listingPagePath('/category/fayuan/', 0)).toBe('/category/fayuan/');
    expect(listingPagePath('/category/fayuan/', 1)).toBe('/category/fayuan/1/');
    expect(listingPagePath('/category/fayuan/', 3)).toBe('/category/fayuan/3/');
  });

  it('adds the base path of a site deployed in a sub-folder', () => {
    expect(withBase('/2022/04/19/', '/')).toBe('/2022/04/19/');
    expect(withBase('/2022/04/19/', '/paper/')).toBe('/paper/2022/04/19/');
    expect(withBase('/', '/paper')).toBe('/paper/');
  });
});

describe('excerpt', () => {
  it('takes the first paragraph as plain text with full-width punctuation', () => {
    expect(excerpt('**问**:请介绍一下背景。\n\n第二段')).toBe(fw('问:请介绍一下背景。'));
    expect(excerpt('近日,某法院开展活动。', 4)).toBe(fw('近日,某……'));
  });

  it('shows character references decoded, and sets the punctuation of the decoded text only', () => {
    expect(excerpt('张某&amp;李某借款纠纷&#x4E2D;&#20013;案,判决生效。')).toBe('张某&李某借款纠纷中中案\uFF0C判决生效。');
    expect(excerpt('原告&lt;甲&gt;&nbsp;与被告&quot;乙&quot;')).toBe('原告<甲> 与被告\u201C乙\u201D');
    // A reference for `;` is text like a typed one; text that is no reference stays as written.
    expect(excerpt('甲&#59;乙&nosuch;丙 R&amp;D')).toBe('甲\uFF1B乙&nosuch\uFF1B丙 R&D');
    // Code keeps its references and marks as written; an escaped `&` or `*` is shown, not read as syntax.
    expect(excerpt('代码 `&amp; a_b` 和 \\&amp; \\*星号\\* **粗体**')).toBe('代码 &amp; a_b 和 &amp; *星号* 粗体');
  });

  it('leaves the lead the page shows, with the same decoding and typography, to feeds and meta descriptions', async () => {
    const processor = await createMarkdownProcessor({ rehypePlugins: [rehypeLeadParagraph] });
    const { metadata } = await processor.render('张某&amp;李某&#x4E2D;,判决生效。', { frontmatter: { title: '标题' } });
    expect(summaryOf({ data: {}, rendered: { html: '', metadata } })).toBe('张某&李某中\uFF0C判决生效。');
    expect(summaryOf({ data: {}, lead: leadOfBody('\n甲&amp;乙。\n') })).toBe('甲&乙。');
  });

  it('comes from the lead paragraph the Markdown pipeline records, since the build keeps no bodies', async () => {
    const processor = await createMarkdownProcessor({ rehypePlugins: [rehypeLeadParagraph] });
    const { metadata } = await processor.render('## 小标题\n\n近日,[某法院](/x)开展活动。\n\n第二段', { frontmatter: { title: '标题' } });
    expect(metadata.frontmatter).toEqual({ leadParagraph: fw('近日,某法院开展活动。') });
    const article = { data: {}, rendered: { html: '', metadata } };
    expect(summaryOf(article, 4)).toBe(fw('近日,某……'));
    expect(summaryOf({ ...article, data: { summary: '摘要' } })).toBe('摘要');
  });
});
