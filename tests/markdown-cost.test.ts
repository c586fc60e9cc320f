// Markdown whose build cost grows much faster than its bytes (src/lib/check/markdown-cost.ts): located errors of
// checkBody, found quickly (the checker must not pay the cost it guards against), and ordinary articles untouched.
import { describe, expect, it } from 'vitest';
import { checkBody } from '../src/lib/check/markdown.ts';
import { MAX_DELIMITER_RUNS, MAX_FOOTNOTES, MAX_TABLE_CELLS, MAX_TABLE_COLUMNS } from '../src/lib/check/markdown-cost.ts';

const table = (columns: number, rows: number, row = (i: number) => `| ${i} |`) =>
  `|${' 列 |'.repeat(columns)}\n|${'---|'.repeat(columns)}\n${Array.from({ length: rows }, (_, i) => row(i)).join('\n')}\n`;
const cost = (md: string, firstLine = 10) => checkBody(md, firstLine).problems.filter((p) => p.rule === 'markdown-cost');

describe('cost limits of a body', () => {
  it('refuse a table wider than the limit at the table, however few its rows (2,500 columns over 40 one-| rows)', () => {
    expect(cost(`正文。\n\n${table(2500, 40, () => '|')}`)).toEqual([
      expect.objectContaining({ line: 12, column: 1, message: expect.stringContaining('表格有 2500 列') }),
    ]);
    expect(cost(table(MAX_TABLE_COLUMNS, 3))).toEqual([]);
    expect(cost(table(MAX_TABLE_COLUMNS + 1, 3))).toHaveLength(1);
  });

  it('count cells as the build pads short rows, over all of a body’s tables, and name the table that crosses the limit', () => {
    const rows = MAX_TABLE_CELLS / 20;
    const half = table(10, rows - 1, () => '| 1 |');
    expect(cost(`${half}\n${half}`)).toEqual([]);
    const over = cost(`${half}\n${half}\n${table(10, 3)}`);
    expect(over).toEqual([
      expect.objectContaining({ line: 10 + 2 * (rows + 2), message: expect.stringContaining(`超过 ${MAX_TABLE_CELLS} 个格子`) }),
    ]);
  });

  it('refuse a paragraph with more emphasis delimiters than the limit before parsing it, at the paragraph', () => {
    const problems = cost(`第一段。\n\n${'**加粗**和*斜体*'.repeat(10_000)}`);
    expect(problems).toEqual([
      expect.objectContaining({ line: 12, column: 1, message: expect.stringContaining(`超过 ${MAX_DELIMITER_RUNS} 处`) }),
    ]);
    // The same delimiters spread over paragraphs are ordinary text.
    expect(cost(Array.from({ length: 500 }, () => '**加粗**和*斜体*').join('\n\n'))).toEqual([]);
  });

  it('refuse more footnote uses or definitions than the limit, at the first one over it', () => {
    const notes = (n: number) => Array.from({ length: n }, (_, i) => `文字[^${i}]\n\n[^${i}]: 注释${i}`).join('\n\n');
    expect(cost(notes(MAX_FOOTNOTES))).toEqual([]);
    const over = cost(notes(MAX_FOOTNOTES + 1));
    expect(over.map((p) => [p.line, p.message.split('\uFF09')[0]])).toEqual([
      [10 + 4 * MAX_FOOTNOTES, '正文引用注释（[^1]'],
      [12 + 4 * MAX_FOOTNOTES, '正文注释（[^1]: …'],
    ]);
  });
});
