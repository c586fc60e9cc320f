// Importer steps that read the page: lines, names and credits, source lines and captions, segments.
import { describe, expect, it } from 'vitest';
import { isCaption, parseSourceLine, splitCaption } from '../src/lib/importer/attribution.ts';
import { parseCredit, parseNames, splitTrailingCredit, splitTrailingNames } from '../src/lib/importer/names.ts';
import { pageLines, punctuate } from '../src/lib/importer/normalise.ts';
import { pageSegments } from '../src/lib/importer/segments.ts';
import { endsSentence, isBalanced, sentences } from '../src/lib/importer/text.ts';
import { fw } from './fullwidth.ts';

describe('pageLines', () => {
  it('reads LF, CRLF and CR, drops the BOM and blank lines, and keeps line numbers', () => {
    const lf = '\n标题\n\n正文第一段。\n';
    for (const raw of [lf, `\uFEFF${lf.replace(/\n/g, '\r\n')}`, lf.replace(/\n/g, '\r')]) {
      expect(pageLines(raw)).toEqual([
        { text: '标题', line: 2 },
        { text: '正文第一段。', line: 4 },
      ]);
    }
  });

  it('collapses spaces, also ideographic and no-break spaces, and removes zero-width characters', () => {
    expect(pageLines('\u3000\u3000丰宁交警及时护送\u3000 晕厥学生就医\u00A0\n席\u200B娟  郝雪')).toEqual([
      { text: '丰宁交警及时护送 晕厥学生就医', line: 1 },
      { text: '席娟 郝雪', line: 2 },
    ]);
  });
});

describe('punctuate', () => {
  it('makes Chinese punctuation full-width without touching numbers, Latin text or URLs', () => {
    expect(punctuate('河北法制报讯 (徐洋 刘爱军)4月12日,共计4,000元,详见 https://example.org/a,b 。')).toBe(
      '河北法制报讯\uFF08徐洋 刘爱军\uFF094月12日\uFF0C共计4,000元\uFF0C详见 https://example.org/a,b 。',
    );
    expect(punctuate('问:请介绍一下?')).toBe(fw('问:请介绍一下?'));
    expect(punctuate('He said: "OK, fine."')).toBe('He said: "OK, fine."');
  });
});

describe('text predicates', () => {
  it('knows a sentence end, also before closing quotes and in both widths', () => {
    for (const s of ['病情已稳定。', fw('找到人了!”'), '找到人了!"', '还会这么做。”', '真的吗?', '刺骨……', 'He left.'])
      expect(endsSentence(s)).toBe(true);
    for (const s of ['结合法检机关的性', '考虑到车流、人流较多,', fw('求助:'), '共计1.', '第3.']) expect(endsSentence(s)).toBe(false);
  });

  it('splits sentences without losing characters', () => {
    const text = fw('“找到人了!”经过努力寻找。图为现场。唐新花 摄');
    expect(sentences(text)).toEqual([fw('“找到人了!”'), '经过努力寻找。', '图为现场。', '唐新花 摄']);
    expect(sentences(text).join('')).toBe(text);
  });

  it('checks that quotes and brackets balance', () => {
    expect(isBalanced('女子“抄近道”逆行')).toBe(true);
    expect(isBalanced('“虽说有心理准备,但还是')).toBe(false);
    expect(isBalanced('民警通过发放《电动自')).toBe(false);
  });
});

describe('names and credits', () => {
  it('reads a byline line of two or three names', () => {
    expect(parseNames('席娟 郝雪', 'line')?.names).toEqual([{ name: '席娟' }, { name: '郝雪' }]);
    expect(parseNames('王芳 刘强 陈晨', 'line')?.names).toEqual([{ name: '王芳' }, { name: '刘强' }, { name: '陈晨' }]);
    expect(parseNames('王芳、刘强', 'line')?.names).toEqual([{ name: '王芳' }, { name: '刘强' }]);
  });

  it('reads roles, which apply to the names after them, and records them as print markers', () => {
    expect(parseNames('记者 徐洋 通讯员 刘爱军 王五', 'bracket')).toEqual({
      names: [
        { name: '徐洋', role: '记者' },
        { name: '刘爱军', role: '通讯员' },
        { name: '王五', role: '通讯员' },
      ],
      markers: ['记者', '通讯员'],
    });
    expect(parseNames('本报记者 孙悦', 'line')).toEqual({ names: [{ name: '孙悦', role: '记者' }], markers: ['本报记者'] });
    expect(parseNames('(记者张三)', 'line')).toEqual({ names: [{ name: '张三', role: '记者' }], markers: ['记者'] });
  });

  it('does not take sentences, headlines or a lone role for names', () => {
    for (const text of [
      '近日,民警出警',
      '近日 民警出警',
      '丰宁交警及时护送 晕厥学生就医',
      '记者',
      '记者 通讯员 张三',
      '重要内容',
      '这是',
    ]) {
      expect(parseNames(text, 'line')).toBeUndefined();
    }
  });

  it('takes a single name on a line only when it starts with a common surname', () => {
    expect(parseNames('牛敏', 'line')?.names).toEqual([{ name: '牛敏' }]);
    expect(parseNames('格局', 'line')).toBeUndefined();
  });

  it('reads credits and splits them off the end of a caption', () => {
    expect(parseCredit('唐新花 熊海生 摄')).toEqual({ names: [{ name: '唐新花' }, { name: '熊海生' }], markers: ['摄'] });
    expect(parseCredit('本报记者 张伟 摄')).toEqual({ names: [{ name: '张伟', role: '记者' }], markers: ['本报记者', '摄'] });
    expect(parseCredit('拍摄')).toBeUndefined();
    expect(splitTrailingCredit('效果。图为活动现场。唐新花 熊海生 摄')).toEqual({
      before: '效果。图为活动现场。',
      credit: { names: [{ name: '唐新花' }, { name: '熊海生' }], markers: ['摄'] },
    });
    expect(splitTrailingCredit('民警在现场拍摄')).toBeUndefined();
  });

  it('splits names glued to the last sentence, but not a cut-off sentence', () => {
    expect(splitTrailingNames('目前,患病群众手术非常成功,病情已稳定。牛敏')).toEqual({
      before: '目前,患病群众手术非常成功,病情已稳定。',
      names: { names: [{ name: '牛敏' }], markers: [] },
    });
    expect(splitTrailingNames('已被送至医院。韩云鹏')?.names.names).toEqual([{ name: '韩云鹏' }]);
    expect(splitTrailingNames('取得了明显成效。但是')).toBeUndefined();
    expect(splitTrailingNames('病情已稳定。')).toBeUndefined();
  });
});

describe('source lines', () => {
  it('reads the paper’s own source line with the byline in brackets', () => {
    expect(parseSourceLine('河北法制报讯 (徐洋 刘爱军)4月12日,张家口一名女子')).toEqual({
      source: '河北法制报讯',
      names: [{ name: '徐洋' }, { name: '刘爱军' }],
      markers: [],
      rest: '4月12日,张家口一名女子',
    });
    expect(parseSourceLine(fw('本报讯(记者 孙悦)4月18日,省高级人民法院'))).toMatchObject({
      source: '本报讯',
      names: [{ name: '孙悦', role: '记者' }],
      rest: fw('4月18日,省高级人民法院'),
    });
  });

  it('reads an agency source and its dateline', () => {
    expect(parseSourceLine('新华社北京电 近日,中共中央办公厅')).toEqual({
      source: '新华社',
      dateline: '北京电',
      names: [],
      markers: [],
      rest: '近日,中共中央办公厅',
    });
    expect(parseSourceLine('新华社石家庄4月18日电(记者 张三)日前')).toMatchObject({
      source: '新华社',
      dateline: '石家庄4月18日电',
      names: [{ name: '张三', role: '记者' }],
      rest: '日前',
    });
  });

  it('leaves brackets that hold no names, and ordinary sentences, alone', () => {
    expect(parseSourceLine('新华社北京电(以下简称《意见》)近日')?.rest).toBe('(以下简称《意见》)近日');
    expect(parseSourceLine('近日,新华社记者走进社区')).toBeUndefined();
    expect(parseSourceLine('该局通讯员报道')).toBeUndefined();
  });
});

describe('captions', () => {
  it('knows how captions start', () => {
    for (const s of ['图为活动现场。', fw('图:现场'), '上图为民警执勤', '图①民警巡逻', '▲民警执勤']) expect(isCaption(s)).toBe(true);
    for (const s of ['以图文结合的方式', '近日,图书馆']) expect(isCaption(s)).toBe(false);
  });

  it('splits a caption out of a line, keeping the text around it', () => {
    expect(splitCaption('收到了良好的社会效果。图为活动现场。随后,干警返回。')).toEqual({
      before: '收到了良好的社会效果。',
      caption: '图为活动现场。',
      after: '随后,干警返回。',
    });
    expect(splitCaption('法官以图文结合的方式讲解。')).toBeUndefined();
  });
});

describe('pageSegments', () => {
  it('cuts lines into text, captions with credits, credits and bylines', () => {
    const segments = pageSegments(
      pageLines('近日,新乐市人民法院开展活动。图为活动现场。唐新花 熊海生 摄\n图为韩云鹏(左)正在营救落水者。\n刘强 摄\n席娟 郝雪'),
    );
    expect(segments.map((s) => [s.kind, 'text' in s ? s.text : '', s.kind === 'caption' ? (s.credit?.names.length ?? 0) : ''])).toEqual([
      ['text', '近日,新乐市人民法院开展活动。', ''],
      ['caption', '图为活动现场。', 2],
      ['caption', '图为韩云鹏(左)正在营救落水者。', 0],
      ['credit', '', ''],
      ['names', '席娟 郝雪', ''],
    ]);
  });
});
