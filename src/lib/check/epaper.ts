// The e-paper's rules that need no disk (src/lib/check/epaper-fs.ts applies them): the limits of a 版's page PDF and
// page image, the size a page given only as an image is taken to have, hand-given areas against the page and
// against each other, and the reporter's wording of what the locator (src/lib/epaper/locate.ts) found.
import { boxFromMillimetres, overlapArea, POINTS_PER_MM, type Box } from '../epaper/geometry.ts';
import type { ArticleText, TextBlock } from '../epaper/locate.ts';

/** A 版's page PDF as the layout system exports it is a few MB; ten times that is not one page. */
export const MAX_PAGE_PDF_BYTES = 30 * 1024 * 1024;

/** A page image (edition.yaml's `image:`) may be far larger than a photo's 10 MB: a PNG of a whole broadsheet. */
export const MAX_PAGE_IMAGE_BYTES = 30 * 1024 * 1024;

/**
 * The width a page is taken to have when a 版 has only an image (no PDF to measure): a broadsheet's printed width,
 * 350 mm; its height follows the image's proportions. A hand-given area on such a page is measured in millimetres
 * on the image scaled to that width.
 */
export const IMAGE_PAGE_WIDTH_MM = 350;

/** A page's size in points, from a page image's pixels (see IMAGE_PAGE_WIDTH_MM). */
export function pageSizeOfImage(pixelWidth: number, pixelHeight: number): { width: number; height: number } {
  const width = IMAGE_PAGE_WIDTH_MM * POINTS_PER_MM;
  return { width, height: (width * pixelHeight) / pixelWidth };
}

/** Points as whole millimetres, for messages. */
export function millimetres(points: number): number {
  return Math.round(points / POINTS_PER_MM);
}

/** A rectangle of `area:` as the reporter wrote it. */
export type AreaRectangle = readonly [number, number, number, number];

/** Half a millimetre of slack: an area drawn to the page's very edge, rounded up, is not outside it. */
const SLACK_MM = 0.5;

/** The rectangles (by index) of an area that reach outside a page of `width` × `height` points. */
export function rectanglesOutside(area: readonly AreaRectangle[], width: number, height: number): number[] {
  const w = width / POINTS_PER_MM + SLACK_MM;
  const h = height / POINTS_PER_MM + SLACK_MM;
  return area.flatMap(([x, y, rw, rh], i) => (x + rw > w || y + rh > h ? [i] : []));
}

/** Whether two hand-given areas share more than a sliver (one square millimetre): two articles claim one place. */
export function areasOverlap(a: readonly AreaRectangle[], b: readonly AreaRectangle[]): boolean {
  const boxes = (area: readonly AreaRectangle[]): Box[] => area.map((r) => boxFromMillimetres(r));
  const sliver = POINTS_PER_MM * POINTS_PER_MM;
  return boxes(a).some((ra) => boxes(b).some((rb) => overlapArea(ra, rb) > sliver));
}

/** The first characters of a block of text, for a message. */
export function quoteStart(text: string, length = 20): string {
  const chars = [...text.replace(/\s+/g, '')];
  return chars.length > length ? `${chars.slice(0, length).join('')}……` : chars.join('');
}

export const epaperMessages = {
  pdfMissing: (name: string) => `找不到版面 PDF「${name}」\uFF1A请把它放进 edition.yaml 所在的文件夹\uFF08文件名大小写一致\uFF09`,
  pdfLink: (name: string) => `版面 PDF「${name}」不能是符号链接\uFF08快捷方式\uFF09\uFF0C请放入文件本身`,
  pdfNotFile: (name: string) => `版面 PDF「${name}」不是普通文件\uFF08是文件夹\uFF1F\uFF09`,
  pdfTooLarge: (name: string, bytes: number, limit: number) =>
    `版面 PDF「${name}」太大\uFF08${(bytes / 1024 / 1024).toFixed(1)} MB\uFF0C最多 ${limit / 1024 / 1024} MB\uFF09\uFF1A请从排版系统导出这一版的单页 PDF`,
  pdfUnreadable: (name: string, problem: string) => `版面 PDF「${name}」不能用\uFF1A${problem}`,
  pdfPages: (name: string, pages: number) => `版面 PDF「${name}」有 ${pages} 页\uFF0C只用第一页\uFF1A每一版请单独导出一个单页 PDF`,
  pdfUnnamed: (name: string) =>
    `edition.yaml 里没有哪一版用这个 PDF\uFF08pdf: ${name}\uFF09\uFF0C它不会发布\uFF1A是不是忘了写进 edition.yaml\uFF1F`,
  areaWithoutPage: (page: number) =>
    `第${page}版没有版面 PDF 或图片\uFF08edition.yaml 里这一版的 pdf 或 image\uFF09\uFF0C热区\uFF08area\uFF09无从说起\uFF1A请先在 edition.yaml 里给这一版加上 pdf`,
  areaOutside: (index: number, rectangle: AreaRectangle, page: number, width: number, height: number, fromImage: boolean) =>
    `热区的第 ${index + 1} 个矩形 [${rectangle.join(', ')}] 超出了第${page}版的版面\uFF08${millimetres(width)} × ${millimetres(height)} 毫米${
      fromImage ? `\uFF0C按版面图片缩放到 ${IMAGE_PAGE_WIDTH_MM} 毫米宽计算` : ''
    }\uFF09\uFF1A矩形写成 [左, 上, 宽, 高]\uFF0C从版面左上角量起\uFF0C单位是毫米`,
  areaOverlap: (other: string, page: number) =>
    `这篇稿件的热区与「${other}」的热区在第${page}版上重叠\uFF1A读者点到重叠处时不知道打开哪一篇\uFF0C请核对 area 的数字`,
  unreadable: (page: number, files: readonly string[]) =>
    `第${page}版的 PDF 文字无法读取\uFF08字体没有 Unicode 映射\uFF09\uFF0C以下稿件在版面上没有热区\uFF1A${files.join('、')}\uFF1B可以在稿件里用 area 手工给出热区`,
  notFound: (page: number) =>
    `在第${page}版的 PDF 里找不到这篇稿件\uFF08标题和正文都对不上\uFF09\uFF0C版面上不会有它的热区\uFF1A请核对版次\uFF08page\uFF09和正文\uFF0C或在稿件里用 area 手工给出热区`,
  unmatched: (page: number, block: TextBlock) =>
    `第${page}版 PDF 里有一段文字不属于任何稿件\uFF08漏了稿件\uFF1F\uFF09\uFF1A「${quoteStart(block.text)}」\uFF08距左 ${millimetres(block.box.x)} 毫米、距上 ${millimetres(block.box.y)} 毫米\uFF09`,
};

/** What the checker asks of a page PDF in the child process (epaper-probe-fs.ts). */
export interface PagePdfJob {
  /** Absolute path of the PDF (it passed the file checks: a regular file within the size limit). */
  pdf: string;
  /** The page cache's folder (src/lib/epaper/page-cache-fs.ts). */
  cacheDir: string;
  /** Read the page (its size and text) and locate `articles` on it, or only check that the PDF opens. */
  read: boolean;
  articles: ArticleText[];
}

/** What the child found: why the PDF cannot be used, or its page count and, when read, its size and the locator's findings. */
export type PagePdfProbe =
  | { problem: string }
  | {
      problem?: undefined;
      pages: number;
      width?: number;
      height?: number;
      /** The ids of the articles found are `areas`. */
      location?: { readable: boolean; areas: string[]; unmatched: TextBlock[] };
    };
