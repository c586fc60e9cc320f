// Rectangles on a printed page, in PDF points (1/72 inch) measured from the page's top-left corner, y downwards:
// the one unit the e-paper's reader, locator, checker and page view share. Hand-given areas are in millimetres.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const POINTS_PER_MM = 72 / 25.4;

/** `[左, 上, 宽, 高]` in millimetres (an article's `area:`) as a box in points. */
export function boxFromMillimetres([x, y, width, height]: readonly [number, number, number, number]): Box {
  return { x: x * POINTS_PER_MM, y: y * POINTS_PER_MM, width: width * POINTS_PER_MM, height: height * POINTS_PER_MM };
}

export function right(box: Box): number {
  return box.x + box.width;
}
export function bottom(box: Box): number {
  return box.y + box.height;
}

/** The smallest box holding every box given (undefined for none). */
export function enclosing(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, width: Math.max(...boxes.map(right)) - x, height: Math.max(...boxes.map(bottom)) - y };
}

/** The area two boxes share (0 when they only touch). */
export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(right(a), right(b)) - Math.max(a.x, b.x);
  const h = Math.min(bottom(a), bottom(b)) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The shortest distance between two boxes (0 when they touch or overlap). */
export function distance(a: Box, b: Box): number {
  const dx = Math.max(0, Math.max(a.x, b.x) - Math.min(right(a), right(b)));
  const dy = Math.max(0, Math.max(a.y, b.y) - Math.min(bottom(a), bottom(b)));
  return Math.hypot(dx, dy);
}

export function containsPoint(box: Box, x: number, y: number): boolean {
  return x >= box.x && x <= right(box) && y >= box.y && y <= bottom(box);
}

/**
 * The outline of a union of boxes as an SVG path (`M…Z` for each ring, holes included), so that an area made of
 * several rectangles (a headline over four columns, a body in three) is drawn as one shape with no inner edges.
 * Coordinates are rounded to `precision` decimals.
 */
export function outlinePath(boxes: readonly Box[], precision = 1): string {
  const xs = [...new Set(boxes.flatMap((b) => [b.x, right(b)]))].sort((a, b) => a - b);
  const ys = [...new Set(boxes.flatMap((b) => [b.y, bottom(b)]))].sort((a, b) => a - b);
  const cols = xs.length - 1;
  const rows = ys.length - 1;
  if (cols <= 0 || rows <= 0) return '';
  const inside = new Uint8Array(cols * rows);
  for (const b of boxes) {
    const x0 = xs.indexOf(b.x);
    const x1 = xs.indexOf(right(b));
    const y0 = ys.indexOf(b.y);
    const y1 = ys.indexOf(bottom(b));
    for (let r = y0; r < y1; r++) for (let c = x0; c < x1; c++) inside[r * cols + c] = 1;
  }
  const at = (c: number, r: number) => c >= 0 && r >= 0 && c < cols && r < rows && inside[r * cols + c] === 1;
  // Directed boundary edges with the inside on their right (clockwise rings in y-down coordinates), keyed by start.
  const edges = new Map<string, [number, number][]>();
  const add = (from: [number, number], to: [number, number]) => {
    const key = `${from[0]},${from[1]}`;
    const list = edges.get(key) ?? [];
    list.push(to);
    edges.set(key, list);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (!at(c, r)) continue;
      if (!at(c, r - 1)) add([c, r], [c + 1, r]);
      if (!at(c + 1, r)) add([c + 1, r], [c + 1, r + 1]);
      if (!at(c, r + 1)) add([c + 1, r + 1], [c, r + 1]);
      if (!at(c - 1, r)) add([c, r + 1], [c, r]);
    }
  }
  const round = (n: number) => Number(n.toFixed(precision));
  const rings: string[] = [];
  for (const start of [...edges.keys()].sort()) {
    while ((edges.get(start)?.length ?? 0) > 0) {
      const points: [number, number][] = [];
      let [c, r] = start.split(',').map(Number) as [number, number];
      for (;;) {
        const list = edges.get(`${c},${r}`);
        const next = list?.shift();
        if (!next) break;
        points.push([c, r]);
        [c, r] = next;
      }
      // Drop the points where the ring goes straight on.
      const corners = points.filter((p, i) => {
        const prev = points[(i + points.length - 1) % points.length]!;
        const next = points[(i + 1) % points.length]!;
        return !((prev[0] === p[0] && p[0] === next[0]) || (prev[1] === p[1] && p[1] === next[1]));
      });
      if (corners.length >= 4) {
        rings.push(`M${corners.map(([pc, pr]) => `${round(xs[pc]!)} ${round(ys[pr]!)}`).join('L')}Z`);
      }
    }
  }
  return rings.join('');
}
