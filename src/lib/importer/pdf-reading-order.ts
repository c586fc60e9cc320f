// Step 0 of the importer for a page PDF: the lines MuPDF read off the page (src/lib/epaper/pdf.ts), with their
// positions, put back into the order a reader takes them and written out as the layout system's text export is
// (a headline on its own line, one paragraph a line, a blank line between), so that the rest of the importer reads
// a PDF exactly as it reads an export. The order a PDF draws its strings in says nothing about the page: it is
// found from the positions alone, by a recursive XY-cut (Nagy and Seth), which suits a newspaper's Manhattan
// layout: the page is cut at the whitespace bands that cross a region from side to side, top to bottom first (a
// headline above the columns it spans, one article above the next), else at the gutters that run through it from
// top to bottom (the columns of an article, the articles side by side), left to right; a region that cannot be
// cut is one column, read top to bottom.
import { bottom, enclosing, right, type Box } from '../epaper/geometry.ts';
import type { PageText, PrintedLine } from '../epaper/page-text.ts';
import { median } from '../util/median.ts';
import { isCaption } from './attribution.ts';
import { FW, HAN } from './text.ts';

/** A line of text or a picture (a photo, a headline set as art), which both take room and so shape the cuts. */
type Item = { readonly kind: 'line'; readonly line: PrintedLine; readonly box: Box } | { readonly kind: 'image'; readonly box: Box };

/** The page header (date, 版次, 版名, 责任编辑) and the masthead: printed on every page, never part of an article. */
const HEADER_TEXT = new RegExp(
  [
    '^第\\s*[0-9０-９一二三四五六七八九十]+\\s*版',
    '责任编辑|美术编辑|责任校对|^校对|^编辑[:：]',
    '^[0-9０-９]{4}\\s*年\\s*[0-9０-９]{1,2}\\s*月\\s*[0-9０-９]{1,2}\\s*日',
    '星期[一二三四五六日天]',
    '^河北法制报$|^HEBEI|国内统一连续出版物号|^CN\\s*13|邮发代号',
  ].join('|'),
);

/** The body text's font size: the size most characters are set in. */
export function bodySize(lines: readonly PrintedLine[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + [...line.text].length);
  }
  let best = 0;
  let most = -1;
  for (const [size, n] of weight) if (n > most || (n === most && size < best)) [best, most] = [size, n];
  return best || 10;
}

/** Whether a line is set as a headline: in a font at least 1.5 times the body's. */
function isHeadlineSize(line: PrintedLine, body: number): boolean {
  return line.size >= body * 1.5;
}

/**
 * The lines of the page header and the masthead: everything above a rule that crosses most of the page near its
 * top, when what stands there is only a few lines (a date, 版次 and 版名, the editor); without such a rule, the
 * lines near the top that read like a header.
 */
function headerLines(page: PageText): Set<PrintedLine> {
  const rule = page.vectors
    .filter((v) => v.height <= 3 && v.width >= page.width * 0.6 && v.y <= page.height * 0.22)
    .sort((a, b) => a.y - b.y)[0];
  const above = rule ? page.lines.filter((l) => bottom(l.box) <= rule.y + 1) : [];
  if (rule && above.length > 0 && above.length <= 12) return new Set(above);
  return new Set(page.lines.filter((l) => l.box.y <= page.height * 0.08 && HEADER_TEXT.test(l.text.trim())));
}

/** Gaps along one axis between the intervals given: `[start, end]` pairs of the empty bands, in order. */
function gaps(intervals: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  let reach = -Infinity;
  for (const [start, end] of sorted) {
    if (reach !== -Infinity && start > reach) out.push([reach, start]);
    reach = Math.max(reach, end);
  }
  return out;
}

interface Metrics {
  /** The body's font size. */
  readonly body: number;
  /** The usual whitespace between two lines of a column (the leading less the type). */
  readonly leading: number;
}

/** The usual gap between a body line and the next body line below it in the same column. */
function usualLeading(lines: readonly PrintedLine[], body: number): number {
  const bodyLines = lines.filter((l) => Math.abs(l.size - body) < body * 0.15);
  const found: number[] = [];
  for (const line of bodyLines) {
    let best = Infinity;
    for (const other of bodyLines) {
      if (other === line || other.box.y <= line.box.y) continue;
      if (Math.min(right(line.box), right(other.box)) - Math.max(line.box.x, other.box.x) <= body) continue;
      const gap = other.box.y - bottom(line.box);
      if (gap >= 0 && gap < best) best = gap;
    }
    if (best < body * 3) found.push(best);
  }
  return found.length > 0 ? median(found) : body * 0.4;
}

/** Whether the items all lie on one row (a byline, a headline's line): nothing to cut. */
function oneRow(items: readonly Item[]): boolean {
  const top = Math.max(...items.map((i) => i.box.y));
  const foot = Math.min(...items.map((i) => bottom(i.box)));
  return top < foot;
}

/** What kind of type an item is, for finding where the type changes: a picture, or a line's size to 5%. */
const sizeClass = (item: Item, m: Metrics): string =>
  item.kind === 'image' ? 'image' : String(Math.round(Math.log(item.line.size / m.body) / Math.log(1.05)));

/**
 * The vertical gutters (at least a quarter of a character wide) that run through the items from top to bottom. A
 * line's last character and a half may hang into a gutter (punctuation hung past a column's edge, a line set a
 * little wide) without closing it.
 */
function gutters(items: readonly Item[], m: Metrics): Array<[number, number]> {
  if (items.length === 0) return [];
  const reach = (i: Item) => (i.kind === 'line' ? Math.max(i.box.x + i.line.size * 0.5, right(i.box) - i.line.size * 1.5) : right(i.box));
  const x0 = Math.floor(Math.min(...items.map((i) => i.box.x)));
  const x1 = Math.ceil(Math.max(...items.map(reach)));
  const step = 0.5;
  const cover = new Uint16Array(Math.ceil((x1 - x0) / step) + 1);
  for (const item of items) {
    const from = Math.max(0, Math.floor((item.box.x - x0) / step));
    const to = Math.min(cover.length - 1, Math.ceil((reach(item) - x0) / step) - 1);
    for (let k = from; k <= to; k++) cover[k]!++;
  }
  const out: Array<[number, number]> = [];
  let start = -1;
  for (let k = 0; k <= cover.length; k++) {
    const free = k < cover.length && cover[k] === 0;
    if (free && start < 0) start = k;
    if (!free && start >= 0) {
      const [a, b] = [x0 + start * step, x0 + k * step];
      if (start > 0 && k < cover.length && b - a >= m.body * 0.25) out.push([a, b]);
      start = -1;
    }
  }
  return out;
}

function sameGutters(a: ReadonlyArray<[number, number]>, b: ReadonlyArray<[number, number]>, m: Metrics): boolean {
  return a.length === b.length && a.every(([x0, x1], i) => Math.abs(x0 - b[i]![0]) < m.body && Math.abs(x1 - b[i]![1]) < m.body);
}

/** The regions of a cut: the items on each side of every gap given, in order along the axis. */
function split(items: readonly Item[], cuts: ReadonlyArray<[number, number]>, axis: 'x' | 'y'): Item[][] {
  const parts: Item[][] = cuts.map(() => []);
  parts.push([]);
  for (const item of items) {
    const start = axis === 'y' ? item.box.y : item.box.x;
    const at = cuts.filter(([a]) => start >= a).length;
    parts[at]!.push(item);
  }
  return parts.filter((p) => p.length > 0);
}

/**
 * The items in reading order, region by region: each leaf region (one column of one article, or a row) is a list
 * of its items top to bottom.
 */
function xyCut(items: readonly Item[], m: Metrics, rules: readonly Box[]): Item[][] {
  if (items.length <= 1 || oneRow(items)) return [sortRows(items, m)];
  // Horizontal bands: a rule, or whitespace wider than the usual leading, cut first (one article above the next, a
  // headline above its text), unless the columns above and below are the same (blank lines level with each other
  // in every column of one article: the columns are the cut). Then the gutters that run through the whole region
  // (articles side by side, the columns of one article). Last, a band where the type changes (a headline set
  // close above its text).
  const columns = gutters(items, m);
  const area = enclosingBox(items);
  const strong: Array<[number, number]> = [];
  const weak: Array<[number, number]> = [];
  for (const [a, b] of gaps(items.map((i) => [i.box.y, bottom(i.box)] as const))) {
    const above = items.filter((i) => bottom(i.box) <= a + 0.01);
    const below = items.filter((i) => i.box.y >= b - 0.01);
    const ruled = rules.some(
      (r) => r.y >= a - 1 && bottom(r) <= b + 1 && Math.min(right(r), right(area)) - Math.max(r.x, area.x) >= area.width * 0.5,
    );
    const wide = b - a > Math.max(m.leading * 1.6, m.leading + m.body * 0.3);
    if (ruled || (wide && !(columns.length > 0 && sameGutters(gutters(above, m), gutters(below, m), m)))) {
      strong.push([a, b]);
      continue;
    }
    const classes = (list: readonly Item[]) => [...new Set(list.map((i) => sizeClass(i, m)))].sort().join();
    const lastAbove = classes(above.filter((i) => bottom(i.box) >= a - m.body * 0.5));
    const firstBelow = classes(below.filter((i) => i.box.y <= b + m.body * 0.5));
    if (lastAbove !== firstBelow) weak.push([a, b]);
  }
  if (strong.length > 0) return split(items, strong, 'y').flatMap((part) => xyCut(part, m, rules));
  // A gutter divides columns side by side; whatever stands beside nothing (a source line under a headline's left
  // end) is taken in rows.
  const parts = split(items, columns, 'x');
  const spans = parts.map((p) => [Math.min(...p.map((i) => i.box.y)), Math.max(...p.map((i) => bottom(i.box)))] as const);
  const sideBySide = spans.some(([a, b], k) => spans.some(([c, d], l) => l !== k && a < d && c < b));
  if (columns.length > 0 && (sideBySide || weak.length === 0)) return parts.flatMap((part) => xyCut(part, m, rules));
  if (weak.length > 0) return split(items, weak, 'y').flatMap((part) => xyCut(part, m, rules));
  return [sortRows(items, m)];
}

/** The box around the items (there is at least one). */
function enclosingBox(items: readonly Item[]): Box {
  return enclosing(items.map((i) => i.box))!;
}

/** Items top to bottom; items on one row (their middles level) left to right. */
function sortRows(items: readonly Item[], m: Metrics): Item[] {
  const middle = (i: Item) => i.box.y + i.box.height / 2;
  return [...items].sort((a, b) => (Math.abs(middle(a) - middle(b)) < m.body * 0.4 ? a.box.x - b.box.x : middle(a) - middle(b)));
}

/** Joins two pieces of one paragraph or headline: no space between Chinese characters, one between Latin words. */
function glue(before: string, after: string): string {
  return /[A-Za-z0-9]$/.test(before) && /^[A-Za-z0-9]/.test(after) ? `${before} ${after}` : before + after;
}

/** One output line of the export being built: a headline line or a paragraph, with what it needs to go on. */
interface Block {
  kind: 'headline' | 'text';
  text: string;
  size: number;
  /** Whether its last line ran to the column's right edge (the paragraph may go on in the next column). */
  full: boolean;
  /** Whether a picture stands right before it (a photo, or a headline set as art). */
  afterPicture?: boolean;
}

/**
 * The page's text in reading order, as the layout system exports it: the page header and masthead left out, a
 * headline's lines of one size joined into one line, the lines of a paragraph joined (a paragraph starts with an
 * indented line, after a line that stops short, or where the type changes), one paragraph a line with a blank
 * line between. A paragraph a column break cuts is joined across it.
 */
export function pageTextToExport(page: PageText): string {
  const header = headerLines(page);
  const lines = page.lines.filter((l) => !header.has(l) && l.text.trim() !== '');
  if (lines.length === 0) return '';
  const body = bodySize(lines);
  const m: Metrics = { body, leading: usualLeading(lines, body) };
  const rules = page.vectors.filter((v) => v.height <= 3 && v.width >= body * 4);
  const items: Item[] = [
    ...lines.map((line): Item => ({ kind: 'line', line, box: line.box })),
    // Pictures count only when large enough to be a photo or a headline set as art, not a dingbat.
    ...page.images.filter((b) => b.width >= body * 3 && b.height >= body * 1.5).map((box): Item => ({ kind: 'image', box })),
  ];
  const regions = xyCut(items, m, rules);

  const blocks: Block[] = [];
  let broken = true; // a picture or the start of the page: the next line starts afresh
  let picture = false;
  for (const region of regions) {
    const texts = region.filter((i): i is Extract<Item, { kind: 'line' }> => i.kind === 'line');
    if (texts.length === 0) {
      broken = true;
      continue;
    }
    const left = Math.min(...texts.map((i) => i.box.x));
    const edge = Math.max(...texts.map((i) => right(i.box)));
    let previous: PrintedLine | undefined;
    for (const item of region) {
      if (item.kind === 'image') {
        broken = true;
        picture = true;
        previous = undefined;
        continue;
      }
      const { line } = item;
      const text = line.text.trim();
      const last = blocks.at(-1);
      const headline = isHeadlineSize(line, body);
      const indented = line.box.x - left >= line.size * 1.5;
      const full = edge - right(line.box) < line.size * 1.5;
      const sameRow = previous !== undefined && Math.abs(previous.box.y - line.box.y) < line.size * 0.5;
      const sameSize = last !== undefined && Math.abs(last.size - line.size) <= Math.max(last.size, line.size) * 0.1;
      if (last && sameRow && !broken) {
        last.text = `${last.text} ${text}`; // names or words set apart on one row
      } else if (headline) {
        if (last?.kind === 'headline' && sameSize && !broken) last.text = glue(last.text, text);
        else blocks.push({ kind: 'headline', text, size: line.size, full });
      } else if (last?.kind === 'text' && sameSize && !broken && last.full && !indented) {
        last.text = glue(last.text, text);
      } else {
        blocks.push({ kind: 'text', text, size: line.size, full });
      }
      blocks.at(-1)!.full = full;
      if (picture && blocks.at(-1) !== last) blocks.at(-1)!.afterPicture = true;
      broken = false;
      picture = false;
      previous = line;
    }
    // A paragraph cut by the column's foot goes on at the top of the next column unless that line is indented.
  }
  // A headline (or a short line in type larger than the body's) in smaller type right under the main one is its subtitle: the export leads it with a dash.
  for (const [k, block] of blocks.entries()) {
    const above = blocks[k - 1];
    const display = block.kind === 'headline' || (block.size >= body * 1.1 && [...block.text].length <= 40);
    if (display && above?.kind === 'headline' && block.size < above.size * 0.85 && !/^[—–-]/.test(block.text)) {
      block.text = `——${block.text}`;
    }
  }
  return `${attributions(blocks)
    .map((b) => b.text)
    .join('\n\n')}\n`;
}

/** A printed byline: names after a box (`□ 牛敏 王萧然`), maybe after a source (`河北法制报讯 □ 徐洋 刘爱军`). */
const PRINTED_BYLINE = /^(\S*?(?:讯|电))?\s*[□■◇◆]\s*(\S.{0,40})$/u;

/**
 * The source and byline as the text export has them: a source with its byline printed under a headline becomes
 * `河北法制报讯 (徐洋 刘爱军)` opening the first paragraph, a source line alone (`新华社北京电`) opens it too, and a
 * byline alone (`□ 牛敏`) goes to the end of its article's text (before the next headline, byline or source line).
 */
function attributions(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  let held: Block | undefined;
  const release = () => {
    if (held) out.push(held);
    held = undefined;
  };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const printed = block.kind === 'text' ? PRINTED_BYLINE.exec(block.text) : null;
    const sourceAlone = block.kind === 'text' && /^\S{2,16}?(?:讯|电)$/u.test(block.text);
    if (block.kind === 'headline' || printed || sourceAlone) release();
    // Under a headline set as a picture the byline marks where an article starts: it stays there, closing the text
    // before it, so that two articles' texts never run together.
    if (printed && !printed[1] && !block.afterPicture) {
      held = { ...block, text: printed[2]! };
      continue;
    }
    if (printed && !printed[1]) {
      out.push({ ...block, text: printed[2]! });
      continue;
    }
    const opening = printed ? `${printed[1]} ${FW.open}${printed[2]!.trim()}${FW.close}` : sourceAlone ? block.text : undefined;
    // It opens the first paragraph, past a photo's caption printed between it and the text.
    let first = i + 1;
    while (blocks[first]?.kind === 'text' && isCaption(blocks[first]!.text)) first++;
    const opened = blocks[first];
    if (opening !== undefined && opened?.kind === 'text') {
      out.push(...blocks.slice(i + 1, first), { ...opened, text: `${opening}${printed ? '' : ' '}${opened.text}` });
      i = first;
      continue;
    }
    out.push(opening === undefined ? block : { ...block, text: opening });
  }
  release();
  return out;
}

/**
 * Why a PDF's text cannot be imported, in Chinese, or undefined when it reads as Chinese text. A PDF whose fonts
 * carry no Unicode mapping (glyphs drawn by number only, or a page of outlines) gives no text, private-use
 * characters, replacement characters or Latin letters where the page shows Chinese.
 */
export function pdfTextProblem(page: PageText): string | undefined {
  const chars = [...page.lines.map((l) => l.text).join('')].filter((c) => !/\s/.test(c));
  const advice = `${FW.colon}请改用排版系统导出的版面文字${FW.open}.txt${FW.close}导入`;
  if (chars.length < 20) return `PDF 里没有可读的文字${FW.open}可能是扫描件或文字已转为曲线${FW.close}${advice}`;
  const han = chars.filter((c) => HAN.test(c)).length;
  const unreadable = chars.filter((c) => c === '\uFFFD' || /[\uE000-\uF8FF]/.test(c)).length;
  if (unreadable / chars.length > 0.02 || han / chars.length < 0.3) {
    return `PDF 的字体不带可读的文字编码${FW.open}取出的多是乱码或替换字符${FW.close}${FW.comma}无法从中读出稿件${advice}`;
  }
  return undefined;
}
