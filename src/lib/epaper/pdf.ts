// Reads and renders page PDFs with MuPDF (the `mupdf` package: WebAssembly, AGPL-3.0). It runs only at build and
// check time, in Node; nothing of it is bundled into what readers or the web editor load (docs/epaper.md says why
// it was chosen). MuPDF carries the Adobe CMaps and fallback CJK fonts, so pages whose Chinese fonts are not
// embedded are read and drawn without any font on the machine.
import type { Box } from './geometry.ts';
import type { PageText, PrintedLine } from './page-text.ts';

type MuPdf = typeof import('mupdf');
let loaded: Promise<MuPdf> | undefined;
/** MuPDF's WebAssembly is loaded on first use: builds without page PDFs never pay for it. */
function mupdf(): Promise<MuPdf> {
  // MuPDF's own complaints about a damaged file go nowhere: the caller says what is wrong, in Chinese.
  loaded ??= import('mupdf').then((lib) => {
    lib.setLog({ error: () => {}, warning: () => {} });
    return lib;
  });
  return loaded;
}

/** Why a file is not a PDF that can be read, in Chinese; undefined for a readable PDF with at least one page. */
export async function pdfProblem(bytes: Uint8Array): Promise<string | undefined> {
  if (!isPdfSignature(bytes)) return '不是 PDF 文件（文件开头没有 %PDF- 标记）';
  const lib = await mupdf();
  try {
    const doc = lib.Document.openDocument(bytes, 'application/pdf');
    try {
      if (doc.needsPassword()) return 'PDF 文件有密码保护，请导出不加密的 PDF';
      const pages = doc.countPages();
      if (pages < 1) return 'PDF 文件里没有页面';
      doc.loadPage(0).getBounds();
      return undefined;
    } finally {
      doc.destroy();
    }
  } catch {
    return 'PDF 文件已损坏，无法打开';
  }
}

/** A PDF starts with `%PDF-` (some writers put a few bytes of junk first; PDF readers allow up to 1024). */
export function isPdfSignature(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/** How many pages a PDF holds (a 版's PDF should hold one). */
export async function pdfPageCount(bytes: Uint8Array): Promise<number> {
  const lib = await mupdf();
  const doc = lib.Document.openDocument(bytes, 'application/pdf');
  try {
    return doc.countPages();
  } finally {
    doc.destroy();
  }
}

interface Glyph {
  c: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  size: number;
}

/** Splits a line of glyphs where the gap between two exceeds a character's width: a gutter, not a space. */
function splitAtGaps(glyphs: Glyph[]): Glyph[][] {
  const runs: Glyph[][] = [];
  let run: Glyph[] = [];
  for (const g of glyphs) {
    const last = run.at(-1);
    if (last && g.x0 - last.x1 > Math.max(g.size, last.size) * 1.2) {
      runs.push(run);
      run = [];
    }
    run.push(g);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function lineOf(glyphs: Glyph[]): PrintedLine | undefined {
  const text = glyphs
    .map((g) => g.c)
    .join('')
    .trim();
  if (text === '') return undefined;
  const x = Math.min(...glyphs.map((g) => g.x0));
  const y = Math.min(...glyphs.map((g) => g.y0));
  const sizes = glyphs.map((g) => g.size).sort((a, b) => a - b);
  const box: Box = { x, y, width: Math.max(...glyphs.map((g) => g.x1)) - x, height: Math.max(...glyphs.map((g) => g.y1)) - y };
  return { text, box, size: sizes[Math.floor(sizes.length / 2)]! };
}

/** The text, pictures and rules of page `index` (0: the first) of a PDF, in points from the top-left corner. */
export async function readPageText(bytes: Uint8Array, index = 0): Promise<PageText> {
  const lib = await mupdf();
  const doc = lib.Document.openDocument(bytes, 'application/pdf');
  try {
    const page = doc.loadPage(index);
    const [px0, py0, px1, py1] = page.getBounds();
    const lines: PrintedLine[] = [];
    const images: Box[] = [];
    const vectors: Box[] = [];
    const toBox = ([x0, y0, x1, y1]: number[]): Box => ({ x: x0! - px0, y: y0! - py0, width: x1! - x0!, height: y1! - y0! });
    let glyphs: Glyph[] = [];
    const text = page.toStructuredText('preserve-whitespace,preserve-images,vectors,accurate-bboxes');
    text.walk({
      onImageBlock: (bbox) => void images.push(toBox(bbox)),
      onVector: (bbox) => void vectors.push(toBox(bbox)),
      beginLine: () => void (glyphs = []),
      onChar: (c, _origin, _font, size, quad) => {
        const xs = [quad[0], quad[2], quad[4], quad[6]];
        const ys = [quad[1], quad[3], quad[5], quad[7]];
        glyphs.push({
          c,
          x0: Math.min(...xs) - px0,
          x1: Math.max(...xs) - px0,
          y0: Math.min(...ys) - py0,
          y1: Math.max(...ys) - py0,
          size,
        });
      },
      endLine: () => {
        for (const run of splitAtGaps(glyphs)) {
          const line = lineOf(run);
          if (line) lines.push(line);
        }
        glyphs = [];
      },
    });
    text.destroy();
    page.destroy();
    return { width: px1 - px0, height: py1 - py0, lines, images, vectors };
  } finally {
    doc.destroy();
  }
}

/** Page `index` of a PDF drawn as a PNG `width` pixels wide, on white. */
export async function renderPage(bytes: Uint8Array, width: number, index = 0): Promise<{ png: Uint8Array; width: number; height: number }> {
  const lib = await mupdf();
  const doc = lib.Document.openDocument(bytes, 'application/pdf');
  try {
    const page = doc.loadPage(index);
    const [x0, , x1] = page.getBounds();
    const scale = width / (x1 - x0);
    const pixmap = page.toPixmap(lib.Matrix.scale(scale, scale), lib.ColorSpace.DeviceRGB, false, true);
    const result = { png: pixmap.asPNG(), width: pixmap.getWidth(), height: pixmap.getHeight() };
    pixmap.destroy();
    page.destroy();
    return result;
  } finally {
    doc.destroy();
  }
}
