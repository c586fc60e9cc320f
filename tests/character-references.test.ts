// Character references in a Markdown body (src/lib/check/character-references.ts, applied by checkBody): one that
// stands for a character the body may not hold is refused at the reference, named as written; references the
// parser leaves as written (code, HTML, escaped) and those for ordinary characters are not.
import { describe, expect, it } from 'vitest';
import { decodeCharacterReference } from '../src/lib/util/character-reference.ts';
import { checkBody } from '../src/lib/check/markdown.ts';

const references = (body: string) =>
  checkBody(body, 10)
    .problems.filter((p) => p.rule === 'control-character')
    .map((p) => `${p.line}:${p.column} ${/「([^」]+)」/.exec(p.message)?.[1]}`);

describe('character references in a body', () => {
  it('refuses a reference to a bidi override at the reference, naming it as written', () => {
    expect(checkBody('第一段。\n\n甲乙&#x202E;丙\n', 10).problems).toEqual([
      {
        rule: 'control-character',
        line: 12,
        column: 3,
        message: '正文里的「&#x202E;」会变成看不见的文字方向控制符 U+202E\uFF0C它会让文字显示的顺序和实际不同\uFF1B请删掉「&#x202E;」',
      },
    ]);
  });

  it('refuses hexadecimal, decimal and named references alike, wherever the parser decodes them', () => {
    const text = [
      '甲&#X202e;乙&#8238;丙&rlm;丁&lrm;', // 10
      '',
      '## 标题&#x2067;', // 12
      '',
      '> 引用 &#x202D;', // 14
      '',
      '- 列表 &#1564;', // 16
    ].join('\n');
    expect(references(text)).toEqual([
      '10:2 &#X202e;',
      '10:11 &#8238;',
      '10:19 &rlm;',
      '10:25 &lrm;',
      '12:6 &#x2067;',
      '14:6 &#x202D;',
      '16:6 &#1564;',
    ]);
    const more = [
      '[链接](https://example.cn/&#x202E; "标题&#x202E;") ![图&#x202E;](https://example.cn/a.png)', // 10
      '',
      '| 表头 |\n| --- |\n| 单元格&#x2066; |', // 12–14
      '',
      '```&#x202E;\n代码\n```', // 16
      '',
      '甲&#13;乙', // 20
      '',
      '乙&#xFEFF;丙&#65279;', // 22
    ].join('\n');
    expect(references(more)).toEqual([
      '10:25 &#x202E;',
      '10:37 &#x202E;',
      '10:51 &#x202E;',
      '14:6 &#x2066;',
      '16:4 &#x202E;',
      '20:2 &#13;',
      '22:2 &#xFEFF;',
      '22:11 &#65279;',
    ]);
  });

  it('leaves references the parser keeps as written, and those for characters a body may hold', () => {
    const body = [
      '`&#x202E;` 和 \\&#x202E; 都原样显示。',
      '',
      '```\n&#x202E;\n```',
      '',
      '&amp; &lt; &nbsp; &zwj; &#x4E2D; &#9; &#10; &#x1F600;',
      '',
      // Invalid code points become U+FFFD, which is a character like any other.
      '&#0; &#xD800; &#xFDD0; &#x110000; &#x85;',
      '',
      '&notareference; &#x202E',
    ].join('\n');
    expect(references(body)).toEqual([]);
  });

  it('decodes a reference as the Markdown parser does', () => {
    expect(decodeCharacterReference('&#x202E;')).toBe('\u202E');
    expect(decodeCharacterReference('&rlm;')).toBe('\u200F');
    expect(decodeCharacterReference('&amp;')).toBe('&');
    expect(decodeCharacterReference('&#0;')).toBe('\uFFFD');
    expect(decodeCharacterReference('&#xD800;')).toBe('\uFFFD');
    expect(decodeCharacterReference('&nosuch;')).toBe('&nosuch;');
  });

  it('locates the first ten of a body full of them', () => {
    expect(references('&#x202E;'.repeat(50))).toHaveLength(10);
  });
});
