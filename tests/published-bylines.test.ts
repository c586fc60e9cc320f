// Byline URLs never change owner: names recorded in published-bylines.txt keep their slug, whoever comes later.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nameSlug, nameSlugs } from '../src/lib/slug.ts';
import { fw } from './fullwidth.ts';
import { addToBylineRecord, parseBylineRecord, renderBylineRecord } from '../src/lib/permanent-urls/published-bylines.ts';
import { readBylineRecord } from '../src/lib/permanent-urls/published-bylines-fs.ts';

const FILE = 'content/published-bylines.txt';

describe('nameSlugs with a record', () => {
  it('gives homophones the same pinyin', () => {
    expect(nameSlug('牛敏')).toBe('niumin');
    expect(nameSlug('牛民')).toBe('niumin');
  });

  it('numbers homophones in code-point order when nothing is recorded, as before', () => {
    expect(nameSlugs(['牛民', '牛敏'], new Map())).toEqual(
      new Map([
        ['牛敏', 'niumin'],
        ['牛民', 'niumin-2'],
      ]),
    );
  });

  it('does not let a new homophone that sorts first take over a recorded URL', () => {
    // 牛民 was published alone as /byline/niumin/; 牛敏 (U+654F < U+6C11) arrives later.
    const recorded = new Map([['牛民', 'niumin']]);
    expect(nameSlugs(['牛敏', '牛民'], recorded)).toEqual(
      new Map([
        ['牛敏', 'niumin-2'],
        ['牛民', 'niumin'],
      ]),
    );
  });

  it('keeps a recorded name on its slug while other names come and go', () => {
    const recorded = new Map([
      ['牛民', 'niumin-2'],
      ['席娟', 'xijuan'],
    ]);
    for (const names of [['牛民'], ['牛民', '牛敏'], ['牛民', '席娟', '牛敏', '牛闽'], ['牛闽', '牛民']]) {
      expect(nameSlugs(names, recorded).get('牛民')).toBe('niumin-2');
    }
  });

  it('never gives a new name a slug recorded for someone absent, and numbers new names among themselves', () => {
    const recorded = new Map([['牛民', 'niumin-2']]);
    const slugs = nameSlugs(['牛闽', '牛敏'], recorded);
    // 牛敏 < 牛闽 in code points: the first takes the free pinyin, the second skips the recorded -2.
    expect(slugs).toEqual(
      new Map([
        ['牛敏', 'niumin'],
        ['牛闽', 'niumin-3'],
      ]),
    );
  });

  it('depends only on the set of names and the record', () => {
    const recorded = new Map([['牛民', 'niumin']]);
    const a = nameSlugs(['牛敏', '牛民', '牛闽', '席娟', '牛敏'], recorded);
    const b = nameSlugs(['席娟', '牛闽', '牛民', '牛敏'], recorded);
    expect([...a]).toEqual([...b]);
    expect(new Set(a.values()).size).toBe(4);
  });
});

describe('the byline record file', () => {
  it('round-trips through render and parse', () => {
    const record = new Map([
      ['牛民', 'niumin'],
      ['牛敏', 'niumin-2'],
      ['John Smith', 'johnsmith'],
      ['席娟', 'xijuan'],
    ]);
    const text = renderBylineRecord(record);
    expect(text).toContain('/byline/niumin/ 牛民\n');
    expect(text).toContain('/byline/johnsmith/ John Smith\n');
    expect(parseBylineRecord(text, FILE)).toEqual(record);
    expect(renderBylineRecord(parseBylineRecord(text, FILE))).toBe(text);
  });

  it('ignores comments, blank lines and a line a merge repeated word for word', () => {
    const text = '# header\n\n/byline/niumin/ 牛民\r\n/byline/niumin/ 牛民\n';
    expect(parseBylineRecord(text, FILE)).toEqual(new Map([['牛民', 'niumin']]));
  });

  it('reports a slug recorded for two names, with the file and both lines', () => {
    const text = '# header\n/byline/niumin/ 牛民\n/byline/xijuan/ 席娟\n/byline/niumin/ 牛敏\n';
    expect(() => parseBylineRecord(text, FILE)).toThrow(`${FILE}:4: /byline/niumin/ 已经记录给 牛民${fw('(第 2 行)')}`);
  });

  it('reports a name recorded with two slugs', () => {
    const text = '/byline/niumin/ 牛民\n/byline/niumin-2/ 牛民\n';
    expect(() => parseBylineRecord(text, FILE)).toThrow(`${FILE}:2: 牛民 已经记录为 /byline/niumin/${fw('(第 1 行)')}`);
  });

  it.each([
    ['no name', '/byline/niumin/'],
    ['no URL', '牛民'],
    ['not a byline URL', '/county/niumin/ 牛民'],
    ['capitals in the slug', '/byline/NiuMin/ 牛民'],
    ['no trailing slash', '/byline/niumin 牛民'],
  ])('reports a malformed line (%s) with the file and line', (_, line) => {
    expect(() => parseBylineRecord(`# header\n${line}\n`, FILE)).toThrow(`${FILE}:2: 每行应写成「/byline/拼音/ 姓名」`);
  });
});

describe('readBylineRecord', () => {
  const work = mkdtempSync(join(tmpdir(), 'bylines-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  mkdirSync(join(work, 'content'));
  const record = join(work, 'content/published-bylines.txt');

  it('reads the record strictly (a BOM and CRLF as the checker reads them), and none when there is none', () => {
    expect(readBylineRecord(work, 'content')).toEqual(new Map());
    writeFileSync(record, '\uFEFF/byline/niumin/ 牛民\r\n');
    expect(readBylineRecord(work, 'content')).toEqual(new Map([['牛民', 'niumin']]));
    writeFileSync(record, Buffer.concat([Buffer.from('/byline/niumin/ '), Buffer.from([0xd5, 0xfe])]));
    expect(() => readBylineRecord(work, 'content')).toThrow(/^content\/published-bylines\.txt:1:17: 文件不是 UTF-8 编码/);
  });

  it('never follows a link, which could point anywhere (here at a file that never ends)', () => {
    rmSync(record);
    symlinkSync('/dev/zero', record);
    expect(() => readBylineRecord(work, 'content')).toThrow(/^content\/published-bylines\.txt:1:1: 内容文件夹里不能有符号链接/);
  });
});

describe('addToBylineRecord', () => {
  it('adds new names and never changes or removes a recorded one', () => {
    const recorded = new Map([
      ['牛民', 'niumin'],
      ['席娟', 'xijuan'],
    ]);
    const now = nameSlugs(['牛敏', '牛民'], recorded);
    expect(addToBylineRecord(recorded, now)).toEqual(
      new Map([
        ['牛民', 'niumin'],
        ['席娟', 'xijuan'],
        ['牛敏', 'niumin-2'],
      ]),
    );
  });

  it('refuses to record a new name on a slug already recorded', () => {
    expect(() => addToBylineRecord(new Map([['牛民', 'niumin']]), new Map([['牛敏', 'niumin']]))).toThrow('/byline/niumin/');
  });
});
