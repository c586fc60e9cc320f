// A page the importer was not written against (tests/fixtures/importer/unseen-page.txt), in the paper's style:
// other cities and counties, a headline on two lines, a caption in the middle of a sentence with its credit on a
// line of its own, a three-name byline, an untitled photo item, numbered headings and a subtitle, a cut-off end.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPage, pageJson } from '../src/lib/importer/index.ts';
import { fw } from './fullwidth.ts';

const lf = readFileSync(new URL('./fixtures/importer/unseen-page.txt', import.meta.url), 'utf8');
const placement = { date: '2022-04-20', page: 2 };
const page = importPage(lf);

describe('an unseen page', () => {
  it('splits it into its five articles and places each', () => {
    expect(page.articles.map((a) => [a.title, a.county, a.category, a.flags])).toEqual([
      ['石家庄桥西警方破获一起 网络诈骗案件', '石家庄市桥西区', '公安', []],
      ['围场法院巡回审判进草原', '围场满族蒙古族自治县', '法院', []],
      ['运河检察院开展“检察开放日”活动', '运河区', '检察', ['untitled']],
      ['省高院发布2021年度十大典型案例', '河北省', '法院', []],
      ['武安交警开展夜查行动', '武安市', '交通', ['truncated']],
    ]);
  });

  it('reads bylines with roles, three names on a line, and photographers', () => {
    expect(page.articles.map((a) => a.byline)).toEqual([
      [
        { name: '王磊', role: '记者' },
        { name: '李静', role: '通讯员' },
        { name: '赵刚', role: '通讯员' },
      ],
      [{ name: '王芳' }, { name: '刘强' }, { name: '陈晨' }],
      [],
      [{ name: '孙悦', role: '记者' }],
      [{ name: '杨帆' }],
    ]);
    expect(pageJson(page, placement).articles[2]!.byline).toEqual(['张伟']);
    expect(page.articles.map((a) => a.source ?? '')).toEqual(['河北法制报讯', '', '', '本报讯', '河北法制报讯']);
  });

  it('rejoins the sentence around the caption and keeps the caption and its credit as a photo', () => {
    const [, court] = page.articles;
    expect(court!.images).toEqual([{ caption: '图为巡回审判现场。', credit: ['刘强'] }]);
    expect(court!.paragraphs).toEqual([
      fw('近日,围场满族蒙古族自治县人民法院派出法官深入草原牧区,就地开庭审理一起草场承包合同纠纷案件,吸引周边群众百余人旁听。'),
      fw('庭审结束后,法官结合案情向群众释法说理,引导大家依法签订和履行合同。'),
    ]);
  });

  it('rejoins a column break, turns ASCII quotes into Chinese ones, and keeps numbered headings and the subtitle', () => {
    const [police, , , court] = page.articles;
    expect(police!.paragraphs[1]).toBe(
      fw(
        '今年3月,辖区居民张某报警称,其在网上结识一名“投资导师”,按照对方指示在某平台投资,先后被骗12万元。接警后,桥西分局迅速成立专案组,通过大量调查工作,锁定了犯罪嫌疑人的活动轨迹。4月10日,专案组民警将3名犯罪嫌疑人抓获。目前,案件正在进一步侦办中。',
      ),
    );
    expect(court!.subtitle).toBe('涉及金融借款、劳动争议等领域');
    expect(court!.body.split('\n\n').filter((p) => p.startsWith('**'))).toEqual(['**一、坚持依法审判**', '**二、注重调解优先**']);
  });

  it('reads the same page with a BOM and CRLF line endings identically', () => {
    expect(importPage(`\uFEFF${lf.replace(/\n/g, '\r\n')}`)).toEqual(page);
  });
});

describe('another unseen page: a headline with an exclamation mark, a kicker, an exclamation in the text', () => {
  const other = importPage(readFileSync(new URL('./fixtures/importer/kicker-and-exclamation.txt', import.meta.url), 'utf8'));

  it('finds the headlines and the kicker', () => {
    expect(other.articles.map((a) => [a.kicker, a.title, a.county, a.category, a.flags])).toEqual([
      [undefined, fw('点赞!邢台民警暖心救助走失老人'), '信都区', '公安', []],
      ['坚持人民至上 守护一方平安', '秦皇岛海港警方破获系列盗窃案', '海港区', '公安', []],
      [undefined, fw('保定法院:以案释法进校园'), '莲池区', '法院', []],
    ]);
  });

  it('keeps a short exclamation in the text as a paragraph of its article', () => {
    expect(other.articles[0]!.paragraphs).toEqual([
      fw('近日,邢台市公安局信都分局民警在巡逻中发现一名走失老人,经多方查找,帮助老人与家人团聚。'),
      fw('太危险了!'),
      fw('民警提醒,家中有老人的市民要多加照看。'),
    ]);
  });
});
