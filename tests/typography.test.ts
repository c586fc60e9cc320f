// Tests for normalizeCjkPunctuation, mostly on sentences from the paper. Full-width marks are written as escapes
// (constants below) so that an editor or a copy-paste that folds full-width forms cannot silently change a case.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeByRules, normalizeCjkPunctuation, normalizeCjkPunctuationPieces } from '../src/lib/typography.ts';

const COMMA = '\uFF0C';
const COLON = '\uFF1A';
const SEMI = '\uFF1B';
const QUESTION = '\uFF1F';
const BANG = '\uFF01';
const OPEN = '\uFF08';
const CLOSE = '\uFF09';

const converted: ReadonlyArray<readonly [string, string]> = [
  // Datelines and bylines.
  ['河北法制报讯 (徐洋 刘爱军)4月12日,张家口一名女子', `河北法制报讯${OPEN}徐洋 刘爱军${CLOSE}4月12日${COMMA}张家口一名女子`],
  ['本报讯(记者 张三 通讯员 李四)近日,', `本报讯${OPEN}记者 张三 通讯员 李四${CLOSE}近日${COMMA}`],
  ['肥乡:爱心企业', `肥乡${COLON}爱心企业`],
  // Interviews.
  ['问:请介绍一下', `问${COLON}请介绍一下`],
  ['答:好的.', `答${COLON}好的。`],
  // Numbers next to Chinese stay as they are; only the punctuation changes.
  ['9时30分许,丰宁', `9时30分许${COMMA}丰宁`],
  ['原本20分钟的路程,在民警引领下,仅用7分钟', `原本20分钟的路程${COMMA}在民警引领下${COMMA}仅用7分钟`],
  ['共发放宣传资料260余份,接受法律咨询30余人次', `共发放宣传资料260余份${COMMA}接受法律咨询30余人次`],
  ['张贴查封公告及迁出房屋公告,并邀请公证人员', `张贴查封公告及迁出房屋公告${COMMA}并邀请公证人员`],
  ['时间为9:30,地点', `时间为9:30${COMMA}地点`],
  ['共追回损失4,000元,比分3:2.', `共追回损失4,000元${COMMA}比分3:2.`],
  ['记者从省公安厅获悉:2022年以来,全省共破获案件1.2万起.', `记者从省公安厅获悉${COLON}2022年以来${COMMA}全省共破获案件1.2万起。`],
  // Parentheses decided by contents and neighbours.
  ['偷越国(边)境', `偷越国${OPEN}边${CLOSE}境`],
  ['韩云鹏(左)', `韩云鹏${OPEN}左${CLOSE}`],
  ['韩云鹏(左),李四(右)', `韩云鹏${OPEN}左${CLOSE}${COMMA}李四${OPEN}右${CLOSE}`],
  ['《意见》(以下简称"国务院联席办")', `《意见》${OPEN}以下简称“国务院联席办”${CLOSE}`],
  ['(2022)冀01民终123号', `${OPEN}2022${CLOSE}冀01民终123号`],
  ['(一)加强领导;(二)严格执法.', `${OPEN}一${CLOSE}加强领导${SEMI}${OPEN}二${CLOSE}严格执法。`],
  ['中文(ABC公司)报道', `中文${OPEN}ABC公司${CLOSE}报道`],
  ['如图 (1) 所示', `如图${OPEN}1${CLOSE}所示`],
  ['全市法院( 含基层法院 )共审结', `全市法院${OPEN}含基层法院${CLOSE}共审结`],
  ['本报记者(左(一))', `本报记者${OPEN}左${OPEN}一${CLOSE}${CLOSE}`],
  [`偷越国(边${CLOSE}境`, `偷越国${OPEN}边${CLOSE}境`],
  // Question and exclamation marks, spaces around converted marks.
  ['真的吗 ?是的 !', `真的吗${QUESTION}是的${BANG}`],
  ['什么?!', `什么${QUESTION}${BANG}`],
  ['民警提醒 : 网购需谨慎 , 切勿轻信', `民警提醒${COLON}网购需谨慎${COMMA}切勿轻信`],
  // Full stops.
  ['被骗.民警提醒', '被骗。民警提醒'],
  ['结束. 下一句', '结束。下一句'],
  ['他说“好”.', '他说“好”。'],
  // Ellipses.
  ['等等...好', '等等……好'],
  ['等等......', '等等……'],
  ['等等。。。', '等等……'],
  ['等等…', '等等……'],
  // Quotes.
  ['他说"你好"。然后"再见"吧', '他说“你好”。然后“再见”吧'],
  ['他说”你好”。然后”再见”吧', '他说“你好”。然后“再见”吧'],
  ["他说'好'", '他说‘好’'],
  ['他说"他说\'好\'"', '他说“他说‘好’”'],
  ['他说:"I\'m fine."', `他说${COLON}“I'm fine.”`],
  ['"多段引语的第一段', '“多段引语的第一段'],
  // Chinese around Latin, URLs and addresses.
  ['访问 https://www.example.com/a,b 查看,谢谢', `访问 https://www.example.com/a,b 查看${COMMA}谢谢`],
  ['网址:https://x.com/a?b=1:2,中文', `网址${COLON}https://x.com/a?b=1:2${COMMA}中文`],
  ['详见(https://x.com/a_(b)).', `详见${OPEN}https://x.com/a_(b)${CLOSE}。`],
  ['邮箱abc.d@hebfzb.com,电话', `邮箱abc.d@hebfzb.com${COMMA}电话`],
  ["I don't know, 他说'好'", `I don't know${COMMA}他说‘好’`],
  ['Hello f(x) (ABC) (2022), 中文', `Hello f(x) (ABC) (2022)${COMMA}中文`],
];

const unchanged: readonly string[] = [
  '90余万元',
  '4,000元',
  '3.5%的增长',
  'COVID-19, mRNA: test',
  'Hello, world: yes',
  'f(x) = (ABC) + (2022), he said: "yes!" It\'s 9:30... isn\'t it?',
  'https://example.com/a,b?x=1:2',
  'www.hebfzb.com',
  '登录www.hebfzb.com查看',
  '函数f(x)的值',
  'In (2022) the 报告',
  '文件名.pdf',
  'e.g.中文',
  'wait... 中文',
  '第1,2条',
  '比分3:2',
  `问${COLON}请介绍一下${COMMA}谢谢${BANG}`,
  '他说“你好”。',
  '等等……',
  '',
];

describe('normalizeCjkPunctuation', () => {
  it.each(converted)('%s', (input, expected) => {
    expect(normalizeCjkPunctuation(input)).toBe(expected);
  });

  it.each(unchanged.map((s) => [s]))('leaves %s alone', (input) => {
    expect(normalizeCjkPunctuation(input)).toBe(input);
  });

  it('is idempotent', () => {
    for (const s of [...converted.flat(), ...unchanged]) {
      const once = normalizeCjkPunctuation(s);
      expect(normalizeCjkPunctuation(once), s).toBe(once);
    }
  });
});

describe('normalizeCjkPunctuation on typed text', () => {
  it('converts marks right after Chinese at once, exactly as the full rules do', () => {
    const unit = fc.constantFrom(...'县法院审理,,:;?!. 　\t12ab“”"\'()…。', '4月', '。。。');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (text) => normalizeCjkPunctuation(text) === normalizeByRules(text)),
      { numRuns: 5000 },
    );
    expect(normalizeCjkPunctuation('近日,馆陶县公安局:  特巡警')).toBe(`近日${COMMA}馆陶县公安局${COLON}特巡警`);
  });

  it('does the same for a paragraph in pieces', () => {
    // The reference: the pieces joined at a character the rules skip (U+FDD0), through the rules alone.
    const slowPieces = (parts: string[]) => normalizeByRules(parts.join('\uFDD0')).split('\uFDD0');
    const unit = fc.constantFrom(...'县法院,,:;?!. \t1a“”"()', '4月');
    const pieces = fc.array(fc.string({ unit, maxLength: 12 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(pieces, (parts) => {
        const fast = normalizeCjkPunctuationPieces(parts);
        return fast.length === parts.length && fast.join('|') === slowPieces(parts).join('|');
      }),
      { numRuns: 5000 },
    );
  });
});

describe('normalizeCjkPunctuationPieces', () => {
  it('uses the neighbouring pieces as context and keeps the number of pieces', () => {
    expect(normalizeCjkPunctuationPieces(['', '粗体', ' ,后文'])).toEqual(['', '粗体', `${COMMA}后文`]);
    expect(normalizeCjkPunctuationPieces(['全市法院(', '含基层法院', ')共审结案件.'])).toEqual([
      `全市法院${OPEN}`,
      '含基层法院',
      `${CLOSE}共审结案件。`,
    ]);
    expect(normalizeCjkPunctuationPieces(['他说"', '依法办事', '",大家'])).toEqual(['他说“', '依法办事', `”${COMMA}大家`]);
  });

  it('leaves pieces without Chinese alone', () => {
    expect(normalizeCjkPunctuationPieces(['Hello, ', 'world', ': yes'])).toEqual(['Hello, ', 'world', ': yes']);
  });
});
