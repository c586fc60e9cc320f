// Page PDFs for the benchmark's archive, laid out as a broadsheet is: 350 × 500 mm, eight columns, a page header,
// each article a headline across two to four columns over its body set in those columns, placed where the columns
// are shortest (the skyline a make-up editor fills). Written with MuPDF in the non-embedded CID font of Chinese
// print PDFs (Adobe-GB1), so the benchmark needs nothing beyond the project's own dependencies. The text is the
// articles' own, so locating them costs what it costs on a real page.
import * as mupdf from 'mupdf';
import { POINTS_PER_MM } from '../../src/lib/epaper/geometry.ts';

export interface PageArticle {
  title: string;
  paragraphs: string[];
}

const WIDTH = 350 * POINTS_PER_MM;
const HEIGHT = 500 * POINTS_PER_MM;
const MARGIN = 15 * POINTS_PER_MM;
const COLUMNS = 8;
const GUTTER = 4 * POINTS_PER_MM;
const COLUMN = (WIDTH - 2 * MARGIN - (COLUMNS - 1) * GUTTER) / COLUMNS;
const BODY = 9.5;
const LEADING = 13;
const HEADLINE = 22;

/** UTF-16BE hex: the codes of the CID font's UniGB-UTF16-H encoding. */
const hex = (text: string) => Buffer.from(text, 'utf16le').swap16().toString('hex');
/** Half width for ASCII, full width for the rest. */
const advance = (c: string, size: number) => (c.charCodeAt(0) < 0x80 ? size / 2 : size);

function wrap(text: string, width: number, size: number, indent = 0): string[] {
  const lines: string[] = [];
  let line = '';
  let used = indent * size;
  for (const c of text) {
    if (used + advance(c, size) > width) {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += c;
    used += advance(c, size);
  }
  if (line) lines.push(line);
  return lines;
}

/** One page PDF holding `articles` in order, as many as fit: its bytes, and the indices of the articles it holds. */
export function pagePdf(
  pageNumber: number,
  pageName: string,
  date: string,
  articles: readonly PageArticle[],
): { bytes: Uint8Array; placed: number[] } {
  const placed: number[] = [];
  const doc = new mupdf.PDFDocument();
  const font = doc.addCJKFont(new mupdf.Font('zh-Hans'), 'zh-Hans', 0, true);
  const ops: string[] = [];
  // PDF y runs upwards; `top` below is measured from the top of the page.
  const text = (s: string, x: number, top: number, size: number) =>
    ops.push(`BT /F1 ${size} Tf 1 0 0 1 ${x.toFixed(2)} ${(HEIGHT - top - size).toFixed(2)} Tm <${hex(s)}> Tj ET`);
  const rule = (x0: number, top: number, x1: number) =>
    ops.push(`0.3 w ${x0.toFixed(2)} ${(HEIGHT - top).toFixed(2)} m ${x1.toFixed(2)} ${(HEIGHT - top).toFixed(2)} l S`);

  text(`第${String(pageNumber).padStart(2, '0')}版  ${pageName}`, MARGIN, MARGIN, 12);
  text(date, WIDTH - MARGIN - 80, MARGIN, 10);
  const contentTop = MARGIN + 22;
  rule(MARGIN, contentTop - 4, WIDTH - MARGIN);
  const skyline = Array.from({ length: COLUMNS }, () => contentTop);
  const bottomLimit = HEIGHT - MARGIN;

  articles.forEach((article, i) => {
    const span = i === 0 ? 4 : 2 + (article.paragraphs.join('').length > 900 ? 1 : 0);
    let start = 0;
    let best = Infinity;
    for (let c = 0; c + span <= COLUMNS; c++) {
      const top = Math.max(...skyline.slice(c, c + span));
      if (top < best) {
        best = top;
        start = c;
      }
    }
    const x = MARGIN + start * (COLUMN + GUTTER);
    const spanWidth = span * COLUMN + (span - 1) * GUTTER;
    let top = best + 6;
    if (top + HEADLINE * 2 + LEADING * 4 > bottomLimit) return;
    placed.push(i);
    for (const line of wrap(article.title, spanWidth, HEADLINE)) {
      text(line, x, top, HEADLINE);
      top += HEADLINE * 1.3;
    }
    top += 4;
    const bodyLines = article.paragraphs.flatMap((p) => wrap(p, COLUMN, BODY, 2).map((l, n) => ({ l, first: n === 0 })));
    const room = Math.floor((bottomLimit - top) / LEADING);
    const perColumn = Math.min(room, Math.ceil(bodyLines.length / span));
    for (let c = 0; c < span; c++) {
      bodyLines.slice(c * perColumn, (c + 1) * perColumn).forEach(({ l, first }, n) => {
        text(l, x + (first ? BODY * 2 : 0) + c * (COLUMN + GUTTER), top + n * LEADING, BODY);
      });
    }
    const end = top + perColumn * LEADING + 6;
    rule(x, end, x + spanWidth);
    for (let c = start; c < start + span; c++) skyline[c] = end;
  });

  const page = doc.addPage([0, 0, WIDTH, HEIGHT], 0, { Font: { F1: font } }, ops.join('\n'));
  doc.insertPage(-1, page);
  const bytes = doc.saveToBuffer('compress').asUint8Array().slice();
  doc.destroy();
  return { bytes, placed };
}
