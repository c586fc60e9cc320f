// The character rules of src/lib/content/text.ts, and the schema applying them to every text field of articles and
// editions: control characters and bidirectional overrides are refused and named; person names are normalised.
import { describe, expect, it } from 'vitest';
import { forbiddenCharacters, nameNormalizations, normalizePersonName, stripForbiddenCharacters } from '../src/lib/content/text.ts';
import { articleSchema, editionSchema } from '../src/lib/schema.ts';

const valid = {
  title: '法院依法强制腾房',
  byline: ['朱婧伟'],
  date: '2022-04-19',
  county: '裕华区',
  category: '法院',
  page: 1,
  order: 13,
};
const edition = { date: '2022-04-19', pages: [{ number: 1, name: '要闻' }] };

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('forbiddenCharacters', () => {
  it('names each control and bidi character as U+XXXX, at its offset', () => {
    expect(forbiddenCharacters('a\u0007b\u202Ec\u0085d\uFFFF', 'line').map((f) => [f.index, f.codePoint])).toEqual([
      [1, 'U+0007'],
      [3, 'U+202E'],
      [5, 'U+0085'],
      [7, 'U+FFFF'],
    ]);
  });

  it('allows a line break only where text may span lines, and a tab only in the body', () => {
    expect(forbiddenCharacters('a\nb\tc', 'line').map((f) => f.codePoint)).toEqual(['U+000A', 'U+0009']);
    expect(forbiddenCharacters('a\nb\tc', 'lines').map((f) => f.codePoint)).toEqual(['U+0009']);
    expect(forbiddenCharacters('a\nb\tc', 'body')).toEqual([]);
  });

  it('refuses every character of the rule and none of ordinary Chinese text', () => {
    const refused = [
      ...Array.from({ length: 0x20 }, (_, i) => i).filter((c) => c !== 0x0a && c !== 0x09),
      0x7f,
      ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
      0xfffe,
      0xffff,
      0x202a,
      0x202b,
      0x202c,
      0x202d,
      0x202e,
      0x2066,
      0x2067,
      0x2068,
      0x2069,
      0x200e,
      0x200f,
      0x061c,
    ];
    for (const c of refused) expect(forbiddenCharacters(`甲${String.fromCharCode(c)}乙`, 'body'), c.toString(16)).toHaveLength(1);
    expect(forbiddenCharacters('本报讯（记者 徐洋）“全角标点”——《法治》…… é ①', 'line')).toEqual([]);
  });

  it('refuses lone surrogates and every noncharacter, not a surrogate pair', () => {
    expect(forbiddenCharacters('a\uD800b\uDFFFc\uDBFF\uDBFF\uDFFF😀', 'body').map((f) => [f.index, f.codePoint])).toEqual([
      [1, 'U+D800'],
      [3, 'U+DFFF'],
      [5, 'U+DBFF'],
      [6, 'U+10FFFF'],
    ]);
    for (const c of [0xfdd0, 0xfdef, 0xfffe, 0x1fffe, 0x10fffe])
      expect(forbiddenCharacters(`甲${String.fromCodePoint(c)}乙`, 'body'), c.toString(16)).toHaveLength(1);
    for (const c of [0xfdcf, 0xfdf0, 0xfffd, 0x1fffd, 0x20000])
      expect(forbiddenCharacters(`甲${String.fromCodePoint(c)}乙`, 'body'), c.toString(16)).toEqual([]);
    expect(forbiddenCharacters('\uD800', 'line')[0]!.message).toContain('残缺的字符 U+D800');
    expect(forbiddenCharacters('\uFDD0', 'line')[0]!.message).toContain('非字符 U+FDD0');
    expect(stripForbiddenCharacters('甲\uD800乙\uFDD0丙😀')).toBe('甲乙丙😀');
  });

  it('can be stripped from imported text, keeping tabs and line breaks', () => {
    expect(stripForbiddenCharacters('甲\u0000乙\t丙\r\n丁\u202E戊\u0085')).toBe('甲乙\t丙\r\n丁戊');
  });

  it('says what to do, in Chinese', () => {
    expect(forbiddenCharacters('标题\u0007', 'line')[0]!.message).toBe(
      '这里有看不见的控制字符 U+0007\uFF0C多半是从别处复制时带进来的\uFF0C请删掉它',
    );
    expect(forbiddenCharacters('\u202E', 'line')[0]!.message).toContain('文字方向控制符 U+202E');
    expect(forbiddenCharacters('a\nb', 'line')[0]!.message).toContain('只能写一行');
  });
});

describe('the schema refuses control characters', () => {
  it.each([
    ['title', { title: '标题\u0007' }],
    ['kicker', { kicker: '引题\u202E' }],
    ['subtitle', { subtitle: '副\u0000题' }],
    ['source', { source: '本报讯\u0085' }],
    ['dateline', { dateline: '北京\u2066电' }],
    ['county', { county: '裕华区\u200F' }],
    ['summary', { summary: '摘要\u001B[31m' }],
    ['byline.0.name', { byline: ['朱\u0007婧伟'] }],
    ['images.0.caption', { images: [{ caption: '图为\u007F' }] }],
    ['images.0.alt', { images: [{ caption: '图', alt: '图\uFFFE' }] }],
    ['images.0.file', { images: [{ caption: '图', file: './a\u0001.jpg' }] }],
    ['images.0.credit.0', { images: [{ caption: '图', credit: ['唐\u061C新花'] }] }],
    ['corrections.0.text', { corrections: [{ date: '2022-04-20', text: '更正\u0008' }] }],
  ])('in %s', (path, fields) => {
    const found = messages(articleSchema.safeParse({ ...valid, ...fields }));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^${path.replaceAll('.', '\\.')}: .*U\\+[0-9A-F]{4}.*请删掉`));
  });

  it('in the edition: page names and the note', () => {
    expect(messages(editionSchema.safeParse({ ...edition, pages: [{ number: 1, name: '要\u202D闻' }] }))[0]).toMatch(
      /^pages\.0\.name: .*U\+202D/,
    );
    expect(messages(editionSchema.safeParse({ ...edition, note: '备注\u0007' }))[0]).toMatch(/^note: .*U\+0007/);
  });

  it('refuses a line break in a one-line field, and allows it in summary, caption, alt, correction and note', () => {
    expect(messages(articleSchema.safeParse({ ...valid, title: '上半\n下半' }))[0]).toContain('只能写一行');
    expect(messages(articleSchema.safeParse({ ...valid, title: '上半\t下半' }))[0]).toContain('U+0009');
    const multiline = articleSchema.safeParse({
      ...valid,
      summary: '一\n二',
      images: [{ caption: '一\n二', alt: '一\n二' }],
      corrections: [{ date: '2022-04-20', text: '一\n二' }],
    });
    expect(messages(multiline)).toEqual([]);
    expect(messages(editionSchema.safeParse({ ...edition, note: '一\n二' }))).toEqual([]);
    expect(messages(articleSchema.safeParse({ ...valid, summary: '一\t二' }))[0]).toContain('U+0009');
  });
});

describe('person names', () => {
  it('lose invisible characters and take the NFC form', () => {
    expect(normalizePersonName('朱\u200B婧\u200C伟\u200D\u2060\uFEFF\u00AD\u180E')).toBe('朱婧伟');
    expect(normalizePersonName('\uF9F1')).toBe('\u96A3');
  });

  it('lose every default-ignorable character: invisible operators, the grapheme joiner, Hangul fillers, variation selectors, tags', () => {
    for (const invisible of [
      '\u2062',
      '\u2063',
      '\u034F',
      '\u3164',
      '\uFFA0',
      '\u115F',
      '\uFE0F',
      '\u{E0041}',
      '\u{E0100}',
      '\u17B4',
      '\u{1D173}',
    ]) {
      expect(normalizePersonName(`徐洋${invisible}`), invisible).toBe('徐洋');
      expect(normalizePersonName(`徐${invisible}洋`), invisible).toBe('徐洋');
    }
  });

  it('keep the bidirectional controls, which the schema refuses in a name', () => {
    expect(normalizePersonName('徐\u202E洋\u061C\u200F')).toBe('徐\u202E洋\u061C\u200F');
    expect(messages(articleSchema.safeParse({ ...valid, byline: ['徐\u202E洋'] }))).toEqual([
      expect.stringMatching(/^byline\.0\.name: .*U\+202E/),
    ]);
  });

  it('with an invisible character are one person with the name typed cleanly', () => {
    const article = articleSchema.parse({
      ...valid,
      byline: ['徐洋', '徐洋\u2063', '记者 徐\u{E0041}洋'],
      images: [{ caption: '图', credit: ['徐洋\uFE0F'] }],
    });
    expect(article.byline.map((b) => b.name)).toEqual(['徐洋', '徐洋', '徐洋']);
    expect(article.images[0]!.credit).toEqual(['徐洋']);
  });

  it('are normalised by the schema in bylines (as text or objects) and photo credits, so one person is one name', () => {
    const article = articleSchema.parse({
      ...valid,
      byline: ['朱\u200B婧伟', '记者 徐\uFEFF洋', { name: '\u00AD唐新花', role: '摄影' }],
      images: [{ caption: '图', credit: '熊\u2060海生' }],
    });
    expect(article.byline).toEqual([{ name: '朱婧伟' }, { role: '记者', name: '徐洋' }, { name: '唐新花', role: '摄影' }]);
    expect(article.images[0]!.credit).toEqual(['熊海生']);
  });

  it('refuses a name that is nothing but invisible characters', () => {
    expect(messages(articleSchema.safeParse({ ...valid, byline: ['\u200B\u200B'] }))).toEqual(['byline.0.name: 姓名不能为空']);
  });

  it('are reported where the schema changed them, by field, and not when it did not', () => {
    const at = (path: readonly PropertyKey[]) => ({ line: path.length, column: Number(path[1] ?? 0) + 1 });
    const found = nameNormalizations(
      {
        byline: ['徐洋', '朱\u200B婧伟', { name: '\uF9F1', role: '摄影' }, '\u200B'],
        images: [{ caption: '图', credit: ['熊海生', '唐\uFEFF新花'] }, { credit: '刘\u00AD军' }],
      },
      at,
    );
    expect(found.map((f) => [f.field, f.line, f.column])).toEqual([
      ['byline', 2, 2],
      ['byline', 3, 3],
      ['images', 4, 1],
      ['images', 3, 2],
    ]);
    expect(found[0]!.message).toBe(
      '署名「朱婧伟」里夹着看不见的字符 U+200B\uFF0C已按「朱婧伟」处理\uFF1B请把这个名字删掉重新输入\uFF0C免得同一个人被当成两个人',
    );
    expect(found[1]!.message).toContain('NFC');
    expect(found[2]!.message).toContain('摄影署名「唐新花」');
    expect(nameNormalizations('not a map', at)).toEqual([]);
    // A character beyond U+FFFF is named by its code point, not by half of its surrogate pair.
    expect(nameNormalizations({ byline: ['徐洋\u{E0041}\u2063'] }, at)[0]!.message).toContain('U+E0041、U+2063');
  });
});
