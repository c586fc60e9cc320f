// Markdown whose cost to build grows much faster than its bytes, refused with a located message before it reaches
// the build (the figures: bench/results/markdown-cost.json, `npm run bench:markdown`; docs: docs/writing-and-checking.md,
// "The content door"). Within the article's size limit, ordinary text costs about 0.6 ms per KB to render; these do not:
// - a table's short rows are padded to the header's width, so a 20 KB table of 2,500 columns over 40 one-`|` rows
//   renders 100,000 cells (270 MB, output 51 times its source), and 16 KB of 1,000 columns over 4,000 rows
//   exhausts a 4 GB heap;
// - emphasis delimiters (`*`, `_`, `~`) are matched within a paragraph in time that grows with the square of their
//   number: 200 KB of them in one paragraph take 11 s (25 KB: 0.25 s);
// - footnotes take time that grows faster than their number (200 KB: 7 s), and each use of one adds a back-link to
//   it (output 27 times the source).
// Limits far above what any article needs.
import type { Nodes, Root } from 'mdast';
import type { Position } from '../content/problem.ts';

/** Columns of one table: a newspaper's widest (a schedule, results by county) has some 15. */
export const MAX_TABLE_COLUMNS = 50;
/** Cells of all of a body's tables together, counted as the build pads them (columns × rows). */
export const MAX_TABLE_CELLS = 10_000;
/** Emphasis delimiter runs in one paragraph (a block between blank lines). */
export const MAX_DELIMITER_RUNS = 1_000;
/** Footnote uses and definitions, each. */
export const MAX_FOOTNOTES = 200;

export interface CostProblem extends Position {
  message: string;
}

/**
 * The first block (lines between blank lines) of `body` with more emphasis delimiter runs than the limit, found
 * without parsing (the parse is what costs): its 0-based line index, or undefined.
 */
export function tooManyDelimiters(body: string, limit = MAX_DELIMITER_RUNS): { lineIndex: number; runs: number } | undefined {
  let runs = 0;
  let blockStart = 0;
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') {
      runs = 0;
      blockStart = i + 1;
      continue;
    }
    runs += line.match(/[*_~]+/g)?.length ?? 0;
    if (runs > limit) return { lineIndex: blockStart, runs };
  }
  return undefined;
}

/** Tables and footnotes of a parsed body over the limits, located at the node that crosses one (`at`: its position in the file). */
export function costProblems(tree: Root, at: (node: Nodes) => Position): CostProblem[] {
  const problems: CostProblem[] = [];
  let cells = 0;
  let cellsReported = false;
  const footnotes = { footnoteReference: 0, footnoteDefinition: 0 };
  const visit = (node: Nodes): void => {
    if (node.type === 'table') {
      const columns = Math.max(node.align?.length ?? 0, ...node.children.map((row) => row.children.length));
      cells += columns * node.children.length;
      if (columns > MAX_TABLE_COLUMNS) {
        problems.push({ ...at(node), message: `表格有 ${columns} 列\uFF0C最多 ${MAX_TABLE_COLUMNS} 列\uFF1A请把表格拆开\uFF0C或改成文字` });
      } else if (cells > MAX_TABLE_CELLS && !cellsReported) {
        cellsReported = true;
        problems.push({
          ...at(node),
          message: `正文的表格一共超过 ${MAX_TABLE_CELLS} 个格子\uFF08列数×行数\uFF0C短的行也按最宽的一行算\uFF09\uFF0C网站无法排版\uFF1A请删减表格或分成几篇稿件`,
        });
      }
      return;
    }
    if (node.type === 'footnoteReference' || node.type === 'footnoteDefinition') {
      footnotes[node.type]++;
      if (footnotes[node.type] === MAX_FOOTNOTES + 1) {
        const what = node.type === 'footnoteReference' ? '引用注释（[^1]）' : '注释（[^1]: …）';
        problems.push({ ...at(node), message: `正文${what}超过 ${MAX_FOOTNOTES} 处\uFF0C网站无法排版\uFF1A请删减注释` });
      }
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return problems;
}
