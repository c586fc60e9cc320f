// Deeply nested Markdown (src/lib/check/markdown-depth.ts, checkBody): thousands of `>` or list markers are a located
// error found before parsing, never a crash or an empty article; and whatever the checker passes, pathological or
// not, the site's Markdown pipeline renders without throwing and keeps the text.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_MARKDOWN_DEPTH, tooDeep } from '../src/lib/check/markdown-depth.ts';
import { checkBody } from '../src/lib/check/markdown.ts';
import { markdownRenderer } from './markdown-safety-detect.ts';

const nestedList = (levels: number, indent = 2, marker = '-') =>
  Array.from({ length: levels }, (_, i) => `${' '.repeat(i * indent)}${marker} 第${i + 1}层`).join('\n');

describe('tooDeep', () => {
  it('lets the nesting articles use through, up to the limit', () => {
    expect(tooDeep('> 引用\n> - 列表\n>   - 子项\n>     > 引用里的引用\n\n1. 一\n   1. 二\n      - 三\n')).toBeUndefined();
    expect(tooDeep('>'.repeat(MAX_MARKDOWN_DEPTH))).toBeUndefined();
    expect(tooDeep(nestedList(MAX_MARKDOWN_DEPTH))).toBeUndefined();
    expect(tooDeep(`${'- '.repeat(MAX_MARKDOWN_DEPTH)}正文`)).toBeUndefined();
  });

  it('finds the marker one level too deep, on its line and column', () => {
    expect(tooDeep(`正文\n\n${'> '.repeat(MAX_MARKDOWN_DEPTH + 1)}正文`)).toEqual({
      lineIndex: 2,
      column: 2 * MAX_MARKDOWN_DEPTH + 1,
      depth: MAX_MARKDOWN_DEPTH + 1,
    });
    expect(tooDeep(nestedList(MAX_MARKDOWN_DEPTH + 1, 4))).toEqual({
      lineIndex: MAX_MARKDOWN_DEPTH,
      column: 4 * MAX_MARKDOWN_DEPTH + 1,
      depth: MAX_MARKDOWN_DEPTH + 1,
    });
    expect(tooDeep(nestedList(20, 3, '1.'))?.lineIndex).toBe(MAX_MARKDOWN_DEPTH);
    expect(tooDeep(`${'- > 1. '.repeat(6)}正文`)?.depth).toBe(MAX_MARKDOWN_DEPTH + 1);
  });

  it('counts lists nested by indentation across lazy and blank lines, and footnote definitions', () => {
    const lazy = Array.from({ length: 20 }, (_, i) => `${' '.repeat(2 * i)}- 项\n懒惰的续行`).join('\n');
    expect(tooDeep(lazy)?.lineIndex).toBe(2 * MAX_MARKDOWN_DEPTH);
    expect(tooDeep(nestedList(20).replaceAll('\n', '\n\n'))?.lineIndex).toBe(2 * MAX_MARKDOWN_DEPTH);
    expect(tooDeep(`${'[^1]: '.repeat(MAX_MARKDOWN_DEPTH + 1)}注释`)?.depth).toBe(MAX_MARKDOWN_DEPTH + 1);
  });

  it('closes lists when a marker is further left, and does not count rules, emphasis or text', () => {
    const lists = Array.from({ length: 10 }, () => nestedList(10)).join('\n\n正文\n\n');
    expect(tooDeep(lists)).toBeUndefined();
    expect(
      tooDeep(`${'* '.repeat(40)}\n${'- '.repeat(40)}\n${'_'.repeat(40)}\n*${'-'.repeat(40)}*\n${'1.'.repeat(40)}\n-正文`),
    ).toBeUndefined();
  });
});

describe('checkBody on deeply nested bodies', () => {
  it('5,000 nested block quotes: a located error, no parse', () => {
    const { problems } = checkBody(`第一段\n\n${'>'.repeat(5000)} 正文`, 12);
    expect(problems).toEqual([
      {
        rule: 'markdown-depth',
        line: 14,
        column: MAX_MARKDOWN_DEPTH + 1,
        message: expect.stringContaining(`超过了 ${MAX_MARKDOWN_DEPTH} 层`),
      },
    ]);
  });

  it('5,000 nested list items, by indentation or on one line: a located error', () => {
    expect(checkBody(nestedList(5000), 3).problems).toEqual([
      expect.objectContaining({ rule: 'markdown-depth', line: 3 + MAX_MARKDOWN_DEPTH, column: 2 * MAX_MARKDOWN_DEPTH + 1 }),
    ]);
    expect(checkBody(`${'- '.repeat(5000)}正文`, 3).problems).toEqual([
      expect.objectContaining({ rule: 'markdown-depth', line: 3, column: 2 * MAX_MARKDOWN_DEPTH + 1 }),
    ]);
  });

  it('formatting nested by the thousand (emphasis) is a located error too', () => {
    expect(checkBody(`正文\n\n${'*'.repeat(3000)}正文${'*'.repeat(3000)}`, 10).problems).toEqual([
      expect.objectContaining({ rule: 'markdown-depth', line: 12 }),
    ]);
  });
});

describe('pathological bodies', () => {
  let site: (markdown: string) => Promise<string>;
  beforeAll(async () => {
    site = await markdownRenderer('site');
  });

  const token = fc.constantFrom(
    '>',
    '> ',
    '- ',
    '1. ',
    '* ',
    '+ ',
    '[^1]: ',
    ' ',
    '  ',
    '    ',
    '\t',
    '\n',
    '\n\n',
    '[',
    ']',
    '*',
    '**',
    '_',
    '`',
    '```',
    '<',
    '#',
    '正文',
    'x',
  );
  const piece = fc.oneof(
    { weight: 4, arbitrary: token },
    { weight: 2, arbitrary: fc.tuple(token, fc.integer({ min: 1, max: 3000 })).map(([t, n]) => t.repeat(n)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 5 }), fc.constantFrom('-', '*', '1.', '>'))
        .map(([n, w, m]) => nestedList(n, w, m)),
    },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 20_000 }).map((n) => '正文'.repeat(n)) },
  );
  const body = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join('').slice(0, 60_000));
  /** After the pathological part, a paragraph that any Markdown must publish. */
  const LAST = '最后一段正文。';

  it('never make checkBody throw; what it passes renders, and keeps the text that follows', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (start) => {
        const md = `${start}\n\n${LAST}\n`;
        // Every problem checkBody reports is an error.
        if (checkBody(md, 1).problems.length > 0) return;
        expect(await site(md)).toContain(LAST);
      }),
      { numRuns: 150 },
    );
  });

  it('the generator does produce bodies the checker refuses as too deep, and bodies it passes', () => {
    const verdicts = fc
      .sample(body, { numRuns: 200, seed: 7 })
      .map((md) => checkBody(md, 1).problems.some((p) => p.rule === 'markdown-depth'));
    expect(verdicts.filter(Boolean).length).toBeGreaterThan(20);
    expect(verdicts.filter((v) => !v).length).toBeGreaterThan(20);
  });
});
