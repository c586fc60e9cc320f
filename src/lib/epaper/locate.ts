// Finds where each article is printed on a page (its 热区) from the page's text: every line of the PDF is matched to
// the article whose text holds it, pictures go to the article whose text they stand beside, and the page's
// columns turn the matched lines into areas that follow the printed shape (a headline over four columns above a
// body in three). Pure: the page's text (pdf.ts) and the articles in, areas out.
import { bottom, distance, enclosing, right, type Box } from './geometry.ts';
import { median } from '../util/median.ts';
import type { PageText, PrintedLine } from './page-text.ts';

/** The text of an article as the locator compares it with the page. */
export interface ArticleText {
  id: string;
  title: string;
  kicker?: string | undefined;
  subtitle?: string | undefined;
  /** The source line and the names of the byline. */
  attribution: string[];
  /** The body as written (Markdown markup does no harm). */
  body: string;
  captions: string[];
}

export interface TextBlock {
  text: string;
  box: Box;
}

export interface PageLocation {
  /** Whether the page's text could be read at all (a PDF whose fonts have no Unicode mapping cannot). */
  readable: boolean;
  /** The area of each article found, by id, as rectangles in points from the page's top-left corner. */
  areas: Map<string, Box[]>;
  /** Blocks of running text that match no article (a missing article?). Advertisements in a frame are left out. */
  unmatched: TextBlock[];
}

/** Han characters, letters and digits only: punctuation, spaces and markup differ between a PDF and Markdown. */
export function comparable(text: string): string {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{Script=Han}\p{L}\p{N}]/gu) ?? []
  ).join('');
}

const GRAM = 3;
function grams(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + GRAM <= text.length; i++) out.push(text.slice(i, i + GRAM));
  return out;
}

/** Whether a page's text reads as Chinese: enough Han characters among its letters. */
export function isReadable(page: PageText): boolean {
  const letters = page.lines.flatMap((l) => l.text.match(/[\p{L}\p{N}]/gu) ?? []);
  const han = letters.filter((c) => /\p{Script=Han}/u.test(c)).length;
  return han >= 20 && han / Math.max(1, letters.length) >= 0.3;
}

interface Item {
  box: Box;
  /** The article's index, or -1 for something that belongs to none (masthead, page header, advertisement). */
  owner: number;
  /** A headline-like item (large type, a picture) rather than a line of the body. */
  wide: boolean;
}

/** Which article each line belongs to (-1: none, -2: too short or too common to tell yet). */
function matchLines(lines: readonly PrintedLine[], articles: readonly ArticleText[]): number[] {
  const sets = articles.map((a) => {
    const set = new Set<string>();
    for (const field of [a.title, a.kicker ?? '', a.subtitle ?? '', ...a.attribution, a.body, ...a.captions]) {
      for (const g of grams(comparable(field))) set.add(g);
    }
    return set;
  });
  return lines.map((line) => {
    const gs = grams(comparable(line.text));
    if (gs.length < 2) return -2;
    const hits = sets.map((set) => gs.filter((g) => set.has(g)).length);
    let best = -1;
    let second = 0;
    hits.forEach((h, i) => {
      if (best === -1 || h > hits[best]!) {
        second = best === -1 ? 0 : hits[best]!;
        best = i;
      } else if (h > second) second = h;
    });
    if (best === -1 || hits[best]! < Math.max(2, gs.length * 0.5)) return -1;
    return hits[best]! > second ? best : -2;
  });
}

/** Gives a line that could not be told by its text the article of the line just above or below it in its column. */
function adoptShortLines(lines: readonly PrintedLine[], owners: number[]): void {
  for (let changed = true; changed;) {
    changed = false;
    lines.forEach((line, i) => {
      if (owners[i] !== -2) return;
      const neighbour = lines.findIndex((other, j) => {
        if (owners[j]! < 0) return false;
        const overlap = Math.min(right(line.box), right(other.box)) - Math.max(line.box.x, other.box.x);
        const gap = Math.max(other.box.y - bottom(line.box), line.box.y - bottom(other.box));
        return overlap > 0 && gap < Math.max(line.size, other.size) * 1.2 && Math.abs(line.size - other.size) <= line.size * 0.25;
      });
      if (neighbour >= 0) {
        owners[i] = owners[neighbour]!;
        changed = true;
      }
    });
  }
  owners.forEach((o, i) => {
    if (o === -2) owners[i] = -1;
  });
}

interface Column {
  left: number;
  right: number;
}

/** The page's columns, from where the lines of running text start and end. */
function findColumns(bodyLines: readonly PrintedLine[]): Column[] {
  const starts = new Map<number, number[]>();
  for (const line of bodyLines) {
    const key = [...starts.keys()].find((k) => Math.abs(k - line.box.x) <= 3) ?? line.box.x;
    starts.set(key, [...(starts.get(key) ?? []), right(line.box)]);
  }
  const columns = [...starts.entries()]
    .filter(([, ends]) => ends.length >= 3)
    .map(([left, ends]) => ({ left, right: median(ends.map((e) => Math.round(e * 2) / 2).concat([Math.max(...ends)])) }))
    .map((c) => ({ left: c.left, right: Math.max(c.right, c.left + 1) }))
    .sort((a, b) => a.left - b.left);
  // Indented first lines start a little right of their column: keep the leftmost start of overlapping columns.
  const merged: Column[] = [];
  for (const column of columns) {
    const last = merged.at(-1);
    if (last && column.left < last.right - 2) last.right = Math.max(last.right, column.right);
    else merged.push({ ...column });
  }
  return merged;
}

/** The columns an item stands in: most of the column for running text, any real part of it for a headline or picture. */
function columnsOf(item: Item, columns: readonly Column[]): number[] {
  const out: number[] = [];
  columns.forEach((c, i) => {
    const overlap = Math.min(right(item.box), c.right) - Math.max(item.box.x, c.left);
    const width = c.right - c.left;
    if (overlap > width * (item.wide ? 0.15 : 0.5) || (overlap > 0 && item.box.width < width * 0.5 && overlap >= item.box.width * 0.5)) {
      out.push(i);
    }
  });
  return out;
}

/** Locates every article of `articles` on the page. */
export function locateArticles(page: PageText, articles: readonly ArticleText[]): PageLocation {
  const areas = new Map<string, Box[]>();
  if (!isReadable(page)) return { readable: false, areas, unmatched: [] };

  const owners = matchLines(page.lines, articles);
  adoptShortLines(page.lines, owners);
  const matchedSizes = page.lines.filter((_, i) => owners[i]! >= 0).map((l) => l.size);
  const bodySize = median(matchedSizes);
  const isBody = (line: PrintedLine) => Math.abs(line.size - bodySize) <= bodySize * 0.25;

  // Frames: drawn boxes holding text of no article (advertisements) stand in the way as a whole.
  const frames = page.vectors.filter(
    (v) =>
      v.width > 20 &&
      v.height > 20 &&
      page.lines.some((l, i) => owners[i] === -1 && distance(l.box, v) === 0) &&
      !page.lines.some((l, i) => owners[i]! >= 0 && distance(l.box, v) === 0 && l.box.x >= v.x && right(l.box) <= right(v)),
  );
  const inFrame = (box: Box) =>
    frames.some((f) => box.x >= f.x - 1 && box.y >= f.y - 1 && right(box) <= right(f) + 1 && bottom(box) <= bottom(f) + 1);

  const items: Item[] = page.lines.map((line, i) => ({ box: line.box, owner: owners[i]!, wide: !isBody(line) }));
  for (const frame of frames) items.push({ box: frame, owner: -1, wide: true });
  // A picture belongs with what is printed above or below it (a photo with its caption, a headline set as art with
  // the next line of its headline, its byline or its body); what stands beside it counts for a quarter. Pictures
  // are settled nearest first, so that the lines of a headline set as art follow one another to the body. Beside
  // the masthead's or an advertisement's text a picture belongs to none.
  const rules = page.vectors.filter((v) => v.height <= 3 && v.width > 10);
  /** A rule printed between two things, one above the other: nothing reaches across it. */
  const ruled = (a: Box, b: Box) => {
    const [upper, lower] = a.y <= b.y ? [a, b] : [b, a];
    return rules.some(
      (r) =>
        r.y >= bottom(upper) - 1 &&
        bottom(r) <= lower.y + 1 &&
        Math.min(right(r), right(upper), right(lower)) - Math.max(r.x, upper.x, lower.x) > 0,
    );
  };
  const known: { box: Box; owner: number }[] = page.lines.map((line, i) => ({ box: line.box, owner: owners[i]! }));
  const open = page.images.filter((image) => image.width >= 5 && image.height >= 5 && !inFrame(image));
  while (open.length > 0) {
    let pick = -1;
    let owner = -1;
    let best = Infinity;
    open.forEach((image, i) => {
      for (const other of known) {
        if (ruled(other.box, image)) continue;
        const stacked = Math.min(right(other.box), right(image)) - Math.max(other.box.x, image.x) > 0;
        const d = distance(other.box, image) * (stacked ? 1 : 4);
        if (d < best) {
          best = d;
          pick = i;
          owner = other.owner;
        }
      }
    });
    const [image] = open.splice(pick, 1) as [Box];
    // Far from any text (more than about five lines of body away), a picture is nobody's, and lends nobody its place.
    const settled = { box: image, owner: best < 60 ? owner : -1 };
    if (best < 60) known.push(settled);
    items.push({ ...settled, wide: true });
  }

  const columns = findColumns(page.lines.filter((l, i) => owners[i]! >= 0 && isBody(l)));
  const columnWidth = median(columns.map((c) => c.right - c.left));
  if (columns.length === 0) return { readable: true, areas, unmatched: unmatchedBlocks(page.lines, owners, inFrame, ruled, columnWidth) };
  const gutter = columns.length > 1 ? median(columns.slice(1).map((c, i) => c.left - columns[i]!.right)) : 8;

  const frameTop = Math.min(...items.map((i) => i.box.y));
  // The foot of the type area: the lowest thing printed, or as far from the bottom as the type area is from the
  // left edge (pages are set with even margins), whichever is lower; a short story at the foot reaches it.
  const frameLeft = Math.min(...items.map((i) => i.box.x));
  const frameBottom = Math.max(...items.map((i) => bottom(i.box)), ...page.vectors.map(bottom), page.height - frameLeft);
  const edges = columns.map((column, ci) => ({
    left: ci === 0 ? column.left - gutter / 2 : (columns[ci - 1]!.right + column.left) / 2,
    right: ci === columns.length - 1 ? column.right + gutter / 2 : (column.right + columns[ci + 1]!.left) / 2,
  }));
  // Each column top to bottom: an article's run of items reaches up and down to the rule between it and its
  // neighbour, else halfway to its neighbour, or to the edge of something of no article; the last run reaches the
  // foot of the page's text.
  const segments: Segment[][] = columns.map((_, ci) => {
    const { left, right: rightEdge } = edges[ci]!;
    const inColumn = items
      .filter((item) => columnsOf(item, columns).includes(ci))
      .sort((a, b) => a.box.y - b.box.y || bottom(a.box) - bottom(b.box));
    const runs: Segment[] = [];
    for (const item of inColumn) {
      const last = runs.at(-1);
      if (last && last.owner === item.owner) last.bottom = Math.max(last.bottom, bottom(item.box));
      else if (last && item.box.y < last.bottom - 1 && item.owner < 0) last.bottom = Math.max(last.bottom, bottom(item.box));
      else runs.push({ owner: item.owner, top: item.box.y, bottom: bottom(item.box) });
    }
    const ruleBetween = (from: number, to: number) =>
      rules.find((r) => r.y >= from - 1 && r.y <= to + 1 && r.x <= left + gutter && right(r) >= rightEdge - gutter)?.y;
    return runs.map((run, ri) => {
      if (run.owner < 0) return run;
      const prev = runs[ri - 1];
      const next = runs[ri + 1];
      const top = !prev
        ? run.top - Math.min(gutter, 8)
        : (ruleBetween(prev.bottom, run.top) ?? (prev.owner < 0 ? prev.bottom : (prev.bottom + run.top) / 2));
      const end = !next ? frameBottom : (ruleBetween(run.bottom, next.top) ?? (next.owner < 0 ? next.top : (run.bottom + next.top) / 2));
      return { owner: run.owner, top, bottom: end };
    });
  });
  fillAcross(segments, frameTop, frameBottom);

  const perArticle: Box[][] = articles.map(() => []);
  segments.forEach((column, ci) => {
    const { left, right: rightEdge } = edges[ci]!;
    for (const segment of column) {
      if (segment.owner >= 0)
        perArticle[segment.owner]!.push({ x: left, y: segment.top, width: rightEdge - left, height: segment.bottom - segment.top });
    }
  });
  articles.forEach((article, i) => {
    if (perArticle[i]!.length > 0) areas.set(article.id, mergeSideBySide(perArticle[i]!));
  });
  return { readable: true, areas, unmatched: unmatchedBlocks(page.lines, owners, inFrame, ruled, columnWidth) };
}

interface Segment {
  owner: number;
  top: number;
  bottom: number;
}

/**
 * The stretches of a column that nothing covers (a headline set narrower than the columns under it, white space
 * beside a short headline) go to the article beside them at that height: the column to the left first.
 */
function fillAcross(segments: Segment[][], top: number, foot: number): void {
  for (let pass = 0; pass < 2; pass++) {
    segments.forEach((column, ci) => {
      const covered = [...column].sort((a, b) => a.top - b.top);
      const gaps: [number, number][] = [];
      let y = top;
      for (const s of covered) {
        if (s.top > y + 1) gaps.push([y, s.top]);
        y = Math.max(y, s.bottom);
      }
      if (foot > y + 1) gaps.push([y, foot]);
      for (const [g0, g1] of gaps) {
        for (const side of [segments[ci - 1], segments[ci + 1]]) {
          for (const s of side ?? []) {
            const from = Math.max(g0, s.top);
            const to = Math.min(g1, s.bottom);
            const free = !column.some((c) => c.top < to - 0.5 && c.bottom > from + 0.5);
            if (s.owner >= 0 && to - from > 1 && free) column.push({ owner: s.owner, top: from, bottom: to });
          }
        }
      }
    });
  }
}

/** Joins rectangles of neighbouring columns that share their top and bottom into one. */
function mergeSideBySide(boxes: Box[]): Box[] {
  const sorted = [...boxes].sort((a, b) => a.y - b.y || a.x - b.x);
  const out: Box[] = [];
  for (const box of sorted) {
    const last = out.at(-1);
    if (last && Math.abs(last.y - box.y) < 0.01 && Math.abs(bottom(last) - bottom(box)) < 0.01 && Math.abs(right(last) - box.x) < 0.01) {
      last.width = right(box) - last.x;
    } else out.push({ ...box });
  }
  return out;
}

/**
 * Running text of no article, as blocks of neighbouring lines, outside advertisement frames: at least three lines
 * filling a column's width and 40 Han characters, so that the masthead's and the page header's short lines are not
 * taken for a missing article.
 */
function unmatchedBlocks(
  lines: readonly PrintedLine[],
  owners: readonly number[],
  inFrame: (box: Box) => boolean,
  ruled: (a: Box, b: Box) => boolean,
  columnWidth: number,
): TextBlock[] {
  const loose = lines.filter((l, i) => owners[i] === -1 && !inFrame(l.box));
  const blocks: PrintedLine[][] = [];
  for (const line of [...loose].sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x)) {
    const block = blocks.find((b) => b.some((l) => distance(l.box, line.box) < line.size * 1.5 && !ruled(l.box, line.box)));
    if (block) block.push(line);
    else blocks.push([line]);
  }
  const isRunningText = (block: PrintedLine[]) => {
    const full = block.filter((l) => l.box.width >= columnWidth * 0.8);
    const sharedStart = full.filter((l) => full.filter((o) => Math.abs(o.box.x - l.box.x) <= 1.5).length >= 3);
    return (
      sharedStart.length >= 3 &&
      (
        block
          .map((l) => l.text)
          .join('')
          .match(/\p{Script=Han}/gu) ?? []
      ).length >= 40
    );
  };
  return blocks.filter(isRunningText).map((block) => {
    // Column by column, as it is read: a line belongs to the nearest column start at or left of it (an indented
    // first line included).
    const starts = [...new Set(block.map((l) => Math.round(l.box.x)))].filter(
      (x) => block.filter((l) => Math.abs(l.box.x - x) <= 1.5).length >= 3,
    );
    const columnOf = (line: PrintedLine) => Math.max(-Infinity, ...starts.filter((x) => x <= line.box.x + 1.5));
    const ordered = [...block].sort((a, b) => columnOf(a) - columnOf(b) || a.box.y - b.box.y);
    return { text: ordered.map((l) => l.text).join(''), box: enclosing(block.map((l) => l.box))! };
  });
}

/** What the locator compares of an article: its headlines, attribution, captions and body. */
export function articleText(
  id: string,
  data: {
    title: string;
    kicker?: string | undefined;
    subtitle?: string | undefined;
    source?: string | undefined;
    dateline?: string | undefined;
    byline: readonly { name: string; role?: string | undefined }[];
    images: readonly { caption: string; credit?: readonly string[] | undefined }[];
  },
  body: string,
): ArticleText {
  return {
    id,
    title: data.title,
    kicker: data.kicker,
    subtitle: data.subtitle,
    attribution: [
      `${data.source ?? ''}${data.dateline ?? ''}`,
      data.byline.map((b) => `${b.role ?? ''}${b.name}`).join(''),
      ...data.images.flatMap((i) => i.credit ?? []),
    ],
    body,
    captions: data.images.map((i) => i.caption),
  };
}
