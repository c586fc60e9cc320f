// What a 版's page view (数字报, /2022/04/19/ban/1/) shows, as plain data: the page's picture at its widths, each
// article's area as one outline over it (the hand-given `area:` first, else what the locator found), the articles in
// printed order, the PDF to download, and the way around the edition and the archive. Pure: the page's size, the
// areas and the edition in, the model out; src/utils/epaper.ts gathers the inputs, the components draw it.
import { hasPageView } from '../edition.ts';
import { formatDateZh } from '../format.ts';
import {
  articlePath,
  editionPath,
  EPAPER_IMAGE_WIDTHS,
  EPAPER_THUMB_WIDTH,
  epaperImagePath,
  epaperPagePath,
  epaperPdfPath,
  parseArticleId,
} from '../routing.ts';
import { site } from '../site.ts';
import { boxFromMillimetres, outlinePath, type Box } from './geometry.ts';

/** A 版 as an edition lists it: enough to tell whether it has a page view. */
export interface EditionPageRef {
  number: number;
  name: string;
  pdf?: string | undefined;
  image?: string | undefined;
}

export interface EditionRef {
  date: string;
  pages: readonly EditionPageRef[];
}

export interface PageViewArticleInput {
  id: string;
  title: string;
  /** Hand-given area, `[左, 上, 宽, 高]` in millimetres: taken before what the locator found. */
  area?: readonly (readonly [number, number, number, number])[] | undefined;
}

export interface PageViewInput {
  date: string;
  number: number;
  name: string;
  /** The page's size in points (a PDF's page box; for an image, its size at the page's scale). */
  width: number;
  height: number;
  /** The picture's size in pixels at its largest (the rendered PNG, or the newsroom's image). */
  pixelWidth: number;
  pixelHeight: number;
  /** The 版's articles in edition order. */
  articles: readonly PageViewArticleInput[];
  /** Areas the locator found, in points, by article id. */
  found: ReadonlyMap<string, readonly Box[]>;
  /** The PDF's size in bytes, when the 版 has a PDF. */
  pdfBytes?: number | undefined;
}

export interface PageViewArticle {
  id: string;
  title: string;
  /** The article's page, root-relative. */
  href: string;
  /** The id of its link over the picture (`a-<slug>`): the article page links `…/ban/1/#a-<slug>`. */
  anchor: string;
  /** Its area in points, empty when neither given nor found. */
  boxes: Box[];
  /** The area's outline as an SVG path in the viewBox's points ('' without an area). */
  outline: string;
}

export interface PageImage {
  /** Root-relative path. */
  path: string;
  width: number;
  height: number;
}

export interface PageView {
  date: string;
  number: number;
  name: string;
  /** 「2022年4月19日 第01版 要闻」 */
  heading: string;
  /** 「第1版 要闻 版面图」 */
  alt: string;
  /** The SVG's viewBox: the page in points. */
  width: number;
  height: number;
  /** The picture at each width, smallest first. */
  images: PageImage[];
  thumbnail: PageImage;
  /** Every article of the 版 in printed order: those with an area by its top, then its left; then the rest in edition order. */
  articles: PageViewArticle[];
  pdf?: { path: string; bytes: number; downloadName: string } | undefined;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** `2` → `02`: 版 numbers as the paper prints them. */
export const pageNumberText = (n: number): string => String(n).padStart(2, '0');

/** The anchor of an article's link on its page view: `a-<slug>`. */
export function areaAnchor(id: string): string {
  return `a-${parseArticleId(id)?.slug ?? id}`;
}

/** The page's picture `width` pixels wide, its height kept in proportion. */
function imageAt(input: Pick<PageViewInput, 'date' | 'number' | 'pixelWidth' | 'pixelHeight'>, width: number): PageImage {
  return {
    path: epaperImagePath(input.date, input.number, width),
    width,
    height: Math.round((width * input.pixelHeight) / input.pixelWidth),
  };
}

/** The page view of one 版. */
export function pageView(input: PageViewInput): PageView {
  const placed = input.articles.map((a, index) => {
    const boxes = a.area ? a.area.map(boxFromMillimetres) : [...(input.found.get(a.id) ?? [])];
    const article: PageViewArticle = {
      id: a.id,
      title: a.title,
      href: articlePath(a.id),
      anchor: areaAnchor(a.id),
      boxes,
      outline: boxes.length > 0 ? outlinePath(boxes) : '',
    };
    const top = boxes.length > 0 ? Math.min(...boxes.map((b) => b.y)) : Infinity;
    const left = boxes.length > 0 ? Math.min(...boxes.map((b) => b.x)) : Infinity;
    return { article, top, left, index };
  });
  placed.sort((a, b) => a.top - b.top || a.left - b.left || a.index - b.index);
  const dateText = formatDateZh(input.date);
  return {
    date: input.date,
    number: input.number,
    name: input.name,
    heading: `${dateText} 第${pageNumberText(input.number)}版 ${input.name}`,
    alt: `第${input.number}版 ${input.name} 版面图`,
    width: round(input.width),
    height: round(input.height),
    images: EPAPER_IMAGE_WIDTHS.map((w) => imageAt(input, w)),
    thumbnail: imageAt(input, EPAPER_THUMB_WIDTH),
    articles: placed.map((p) => p.article),
    pdf:
      input.pdfBytes === undefined
        ? undefined
        : {
            path: epaperPdfPath(input.date, input.number),
            bytes: input.pdfBytes,
            downloadName: `${site.name}-${dateText}-第${pageNumberText(input.number)}版.pdf`,
          },
  };
}

export interface PageLink {
  number: number;
  name: string;
  path: string;
}

export interface PageViewNav {
  /** 上一版, 下一版: the edition's 版 before and after that have page views. */
  prev?: PageLink | undefined;
  next?: PageLink | undefined;
  /** The day's 版 that have page views, in order (the strip of thumbnails). */
  pages: PageLink[];
  /** 上一期, 下一期: the older and newer edition's first page view, or its edition page when it has none. */
  older?: { date: string; path: string } | undefined;
  newer?: { date: string; path: string } | undefined;
}

/** The 版 of an edition that have page views, as links. */
export function pageViewLinks(edition: EditionRef): PageLink[] {
  return edition.pages.filter(hasPageView).map((p) => ({ number: p.number, name: p.name, path: epaperPagePath(edition.date, p.number) }));
}

/** Where 上一期/下一期 lead: the edition's first 版's page view when it has one, else the edition's page. */
export function editionEntryPath(edition: EditionRef): string {
  const first = edition.pages[0];
  return first && hasPageView(first) ? epaperPagePath(edition.date, first.number) : editionPath(edition.date);
}

/** The way around a page view: `editions` newest first, as the site lists them. */
export function pageViewNav(editions: readonly EditionRef[], date: string, number: number): PageViewNav {
  const at = editions.findIndex((e) => e.date === date);
  const edition = editions[at];
  if (!edition) throw new Error(`no edition of ${date}`);
  const pages = pageViewLinks(edition);
  const here = pages.findIndex((p) => p.number === number);
  const older = editions[at + 1];
  const newer = at > 0 ? editions[at - 1] : undefined;
  return {
    prev: here > 0 ? pages[here - 1] : undefined,
    next: here >= 0 ? pages[here + 1] : undefined,
    pages,
    older: older && { date: older.date, path: editionEntryPath(older) },
    newer: newer && { date: newer.date, path: editionEntryPath(newer) },
  };
}
