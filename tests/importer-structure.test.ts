// Importer steps that find the structure of the page: headlines, article boundaries, paragraphs, Markdown.
import { describe, expect, it } from 'vitest';
import { headlineShape, isHeadlineLike, isNumberedHeading, openerStrength } from '../src/lib/importer/classify.ts';
import { buildHeadline, generateHeadline, shortenInstitutions } from '../src/lib/importer/headline.ts';
import { importPage } from '../src/lib/importer/index.ts';
import { bodyMarkdown, escapeMarkdown } from '../src/lib/importer/markdown.ts';
import { pageLines } from '../src/lib/importer/normalise.ts';
import { continues, rejoinParagraphs } from '../src/lib/importer/paragraphs.ts';
import { pageSegments } from '../src/lib/importer/segments.ts';
import { splitArticles } from '../src/lib/importer/split.ts';
import { fw } from './fullwidth.ts';

/** The page as [headline lines, first text] per article, and which were judgement calls. */
function outline(page: string) {
  return splitArticles(pageSegments(pageLines(page))).map((a) => ({
    headline: a.headline.join(' / '),
    first: a.segments.find((s) => s.kind === 'text')?.text.slice(0, 6) ?? '',
    lowConfidence: a.lowConfidence,
  }));
}

describe('headline lines', () => {
  it('takes short lines without sentence punctuation for headlines', () => {
    for (const s of [
      '无极法院走进辖区中学为学生上法治课',
      '女子“抄近道”逆行 被撞受伤负全责',
      fw('肥乡:爱心企业慰问防疫一线民辅警'),
      '国务院联席办有关负责人解读《关于加强打击治理电信网络诈骗违法犯罪工作的意见》',
    ]) {
      expect(isHeadlineLike(s)).toBe(true);
    }
  });

  it('does not take body text, fragments, numbered points, interview lines or source lines for headlines', () => {
    for (const s of [
      '病情已稳定。',
      '考虑到车流、人流较多,',
      '“虽说有心理准备,但还是',
      '民警通过发放《电动自',
      '一、总体要求',
      '问:请介绍一下',
      '新华社北京电',
      '——副题',
      '这是一个非常长的句子没有标点但是超过了四十个字所以不可能是一行标题的内容而是正文中的一段文字',
    ]) {
      expect(isHeadlineLike(s)).toBe(false);
    }
  });

  it('scores the shape: two parts with a space count for it, a comma against it', () => {
    expect(headlineShape('丰宁交警及时护送 晕厥学生就医')).toBe(1);
    expect(headlineShape('无极法院走进辖区中学为学生上法治课')).toBe(0);
    expect(headlineShape('法院依法强制腾房,保障胜诉当事人权益')).toBe(-1);
  });

  it('scores how a paragraph opens a story', () => {
    expect(openerStrength('河北法制报讯 (东阳)9时30分许')).toBe(3);
    expect(openerStrength('近日,邯郸市')).toBe(2);
    expect(openerStrength('4月16日晚,馆陶县')).toBe(2);
    expect(openerStrength('定兴县公安局以最实的管控举措')).toBe(1);
    expect(openerStrength('唐山市路北区人民法院')).toBe(1);
    expect(openerStrength('民警立即赶往现场')).toBe(0);
    expect(openerStrength('该局坚持交警')).toBe(-1);
    expect(openerStrength(fw(',有效提升'))).toBe(-1);
  });
});

describe('splitArticles', () => {
  it('splits a page of briefs at headlines and bylines', () => {
    const page = [
      '老人突发心梗 曲周民警护送就医转危为安',
      '近日,邯郸市交巡警支队曲周大队指挥中心接到群众求助。',
      '目前,患病群众手术非常成功,病情已稳定。牛敏',
      '怀安法院开展国家安全普法宣传活动',
      '近日,怀安县人民法院开展国家安全普法宣传活动。',
      '席娟 苏旭姣',
      '定兴警方全力以赴 筑牢疫情防控安全线',
      '定兴县公安局以最实的管控举措做好辖区疫情防控工作。',
    ].join('\n\n');
    expect(outline(page)).toEqual([
      { headline: '老人突发心梗 曲周民警护送就医转危为安', first: '近日,邯郸市', lowConfidence: false },
      { headline: '怀安法院开展国家安全普法宣传活动', first: '近日,怀安县', lowConfidence: false },
      { headline: '定兴警方全力以赴 筑牢疫情防控安全线', first: '定兴县公安局', lowConfidence: false },
    ]);
  });

  it('joins a headline printed on two lines, and takes a dash line for the subtitle', () => {
    const page =
      '张家口宣化检察院办理一起\n监护人侵害未成年人权益案件\n近日,张家口市宣化区人民检察院办理一起案件。\n省高院发布十大典型案例\n——涉及金融借款等领域\n本报讯(记者 孙悦)4月18日,省高级人民法院召开发布会。';
    const page2 = importPage(page);
    expect(page2.articles.map((a) => [a.title, a.subtitle])).toEqual([
      ['张家口宣化检察院办理一起 监护人侵害未成年人权益案件', undefined],
      ['省高院发布十大典型案例', '涉及金融借款等领域'],
    ]);
  });

  it('starts an untitled item after a byline when the text has no headline', () => {
    const page =
      '大厂交警开展交通安全宣传\n近日,大厂公安交警大队民警深入辖区外卖企业。\n李建伟 张佳月\n近日,新乐市人民法院组织开展宣传活动。图为活动现场。唐新花 熊海生 摄';
    expect(outline(page)).toEqual([
      { headline: '大厂交警开展交通安全宣传', first: '近日,大厂公', lowConfidence: false },
      { headline: '', first: '近日,新乐市', lowConfidence: false },
    ]);
  });

  it('keeps a caption printed in the middle of a sentence inside its article', () => {
    const page =
      '馆陶特巡警救起落水群众\n河北法制报讯 (张海鹏)“虽说有心理准备,但还是\n\n\n图为韩云鹏(左)正在营救落水者。\n没想到河水那么刺骨。”韩云鹏回忆道。';
    const [article, ...rest] = importPage(page).articles;
    expect(rest).toEqual([]);
    expect(article!.paragraphs).toEqual([fw('“虽说有心理准备,但还是没想到河水那么刺骨。”韩云鹏回忆道。')]);
    expect(article!.images).toEqual([{ caption: fw('图为韩云鹏(左)正在营救落水者。'), credit: [] }]);
  });

  it('keeps a headline-like fragment after a cut sentence in the text', () => {
    const page = '大厂交警开展宣传\n近日,大厂公安交警大队民警通过发放\n电动自行车登记上牌明白事项\n等宣传资料,为外卖企业员工解答疑问。';
    const [article, ...rest] = splitArticles(pageSegments(pageLines(page)));
    expect(rest).toEqual([]);
    expect(article!.segments).toHaveLength(3);
  });

  it('treats the text after a cut-off article as a new article only when it opens like one, flagging the call', () => {
    const page =
      '怀安法院开展宣传活动\n近日,怀安县人民法院开展宣传活动,结合法检机关的性\n无极法院走进辖区中学\n近日,无极县人民法院庭长到辖区中学上法治课。';
    expect(outline(page)).toEqual([
      { headline: '怀安法院开展宣传活动', first: '近日,怀安县', lowConfidence: true },
      { headline: '无极法院走进辖区中学', first: '近日,无极县', lowConfidence: true },
    ]);
  });

  it('keeps a byline printed under the headline with its article', () => {
    const page = '唐山交警护航高考\n本报记者 王磊 通讯员 李静\n近日,唐山市公安局交通警察支队为考生护航。';
    const [article] = importPage(page).articles;
    expect(article!.byline).toEqual([
      { name: '王磊', role: '记者' },
      { name: '李静', role: '通讯员' },
    ]);
    expect(article!.paragraphs).toHaveLength(1);
  });

  it('reads a single name on a line followed by the rest of a sentence as text', () => {
    const page = '馆陶特巡警救起落水群众\n近日,落水男子已被送至医院救治。\n韩云鹏\n因在水中时间过长,连夜被送往医院观察。';
    const [article, ...rest] = importPage(page).articles;
    expect(rest).toEqual([]);
    expect(article!.paragraphs.at(-1)).toBe(fw('韩云鹏因在水中时间过长,连夜被送往医院观察。'));
    expect(article!.flags).toContain('low-confidence-split');
  });
});

describe('rejoinParagraphs', () => {
  it('rejoins pieces cut by a column break and keeps real paragraph ends', () => {
    expect(
      rejoinParagraphs(['民警通过发放《电动自', '行车登记上牌明白事项》等宣传资料,详细解答了相关事', '项。同时,叮嘱负责人。', '第二段。']),
    ).toEqual(['民警通过发放《电动自行车登记上牌明白事项》等宣传资料,详细解答了相关事项。同时,叮嘱负责人。', '第二段。']);
    expect(rejoinParagraphs(['考虑到车流、人流较多,', '指挥中心开启“绿色通道”。'])).toEqual([
      '考虑到车流、人流较多,指挥中心开启“绿色通道”。',
    ]);
    expect(rejoinParagraphs(['Latin words at the', 'end of a line.'])).toEqual(['Latin words at the end of a line.']);
  });

  it('never joins into an interview line, after a numbered heading, or a numbered point after a colon', () => {
    expect(continues('主要有以下几点考虑', '问:请介绍一下')).toBe(false);
    expect(continues('一、总体要求', '坚持依法审判。')).toBe(false);
    expect(continues(fw('主要有以下几点:'), '一是坚决贯彻党中央决策部署。')).toBe(false);
    expect(continues('必须把行业治理作为', '重要内容,金融')).toBe(true);
  });
});

describe('Markdown body', () => {
  it('sets interview markers and numbered headings in bold, keeps numbered points as paragraphs', () => {
    const paragraphs = [
      fw('问:请介绍一下背景?'),
      fw('答:近年来,形势严峻。'),
      '一、坚持依法审判',
      fw('第一,依法严厉打击。'),
      '1. 加强领导。',
    ];
    expect(bodyMarkdown(paragraphs)).toBe(
      [
        fw('**问**:请介绍一下背景?'),
        fw('**答**:近年来,形势严峻。'),
        '**一、坚持依法审判**',
        fw('第一,依法严厉打击。'),
        '1\\. 加强领导。',
      ].join('\n\n'),
    );
    expect(isNumberedHeading('(二)注重调解优先')).toBe(true);
    expect(isNumberedHeading(fw('第一,依法严厉打击。'))).toBe(false);
  });

  it('escapes what Markdown would read as markup', () => {
    expect(escapeMarkdown('# 不是标题')).toBe('\\# 不是标题');
    expect(escapeMarkdown('- 不是列表')).toBe('\\- 不是列表');
    expect(escapeMarkdown('*强调* _下划线_ [链接](x) <b> a|b ~~删~~ &amp;')).toBe(
      '\\*强调\\* \\_下划线\\_ \\[链接\\](x) \\<b\\> a\\|b \\~\\~删\\~\\~ \\&amp;',
    );
    expect(escapeMarkdown('2022年4月,共计1.5万元')).toBe('2022年4月,共计1.5万元');
  });
});

describe('headlines', () => {
  it('builds the stack from printed lines', () => {
    expect(buildHeadline(['法院依法强制腾房 保障胜诉当事人权益'])).toEqual({ title: '法院依法强制腾房 保障胜诉当事人权益' });
    expect(buildHeadline(['围场法院', '巡回审判进草原'])).toEqual({ title: '围场法院 巡回审判进草原' });
    expect(buildHeadline(['省高院发布十大典型案例', '——涉及金融借款等领域'])).toEqual({
      title: '省高院发布十大典型案例',
      subtitle: '涉及金融借款等领域',
    });
    expect(buildHeadline(['坚持人民至上 守护一方平安', '秦皇岛海港警方破获系列盗窃案'])).toEqual({
      kicker: '坚持人民至上 守护一方平安',
      title: '秦皇岛海港警方破获系列盗窃案',
    });
    expect(buildHeadline(['张家口宣化检察院办理一起', '监护人侵害未成年人权益案件'])).toEqual({
      title: '张家口宣化检察院办理一起 监护人侵害未成年人权益案件',
    });
  });

  it('shortens institutions as headlines name them', () => {
    expect(shortenInstitutions('新乐市人民法院组织开展活动')).toBe('新乐法院组织开展活动');
    expect(shortenInstitutions('石家庄市裕华区人民法院执行局')).toBe('裕华法院执行局');
    expect(shortenInstitutions('沧州市运河区人民检察院')).toBe('运河检察院');
    expect(shortenInstitutions('省高级人民法院')).toBe('省高级人民法院');
  });

  it('makes a short headline from the first sentence of an untitled item', () => {
    expect(generateHeadline([fw('近日,新乐市人民法院组织开展全民国家安全教育日宣传活动,干警在新乐文化广场摆放展板。')], [])).toBe(
      '新乐法院开展全民国家安全教育日宣传活动',
    );
    expect(
      generateHeadline([fw('4月16日晚,唐山市路北区人民检察院检察官走进社区开展普法宣传活动并发放宣传资料数百份之多。')], []),
    ).toHaveLength(30);
    expect(generateHeadline([], [fw('图为民警在路口执勤。')])).toBe('民警在路口执勤');
    expect(generateHeadline([], [])).toBe('图片新闻');
  });
});
