// The e-paper's glue: for each 版 with a PDF or an image (edition.yaml's `pdf:`/`image:`), finds its file beside the
// edition.yaml, reads and renders a PDF through the page cache, locates the articles on it, and hands the page view
// model (src/lib/epaper/page-view.ts) and the files it serves to the routes. Once per build per page.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadSiteData, cacheKey, type Edition } from './site-data.ts';
import { cachedPage, RENDERING } from '../lib/epaper/page-cache-fs.ts';
import { articleText, locateArticles } from '../lib/epaper/locate.ts';
import { POINTS_PER_MM, type Box } from '../lib/epaper/geometry.ts';
import { imageSize, pageWebp, PAGE_WEBP_QUALITY, THUMB_WEBP_QUALITY } from '../lib/epaper/page-images-fs.ts';
import { pageView, pageViewNav, type PageImage, type PageView, type PageViewNav } from '../lib/epaper/page-view.ts';
import { hasPageView, type EditionPageView } from '../lib/edition.ts';
import { EPAPER_IMAGE_WIDTHS, EPAPER_THUMB_WIDTH, epaperImageName, epaperPagePath, epaperPdfName, editionPath } from '../lib/routing.ts';
import { readContentText } from '../lib/content/read-fs.ts';
import { splitFrontmatter } from '../lib/content/source.ts';
import { MAX_ARTICLE_BYTES } from '../lib/content/read.ts';
import { settings } from '../lib/settings.ts';
import type { ArticleRecord } from '../lib/content/record.ts';

/** A 版's page view and the files its folder serves. */
export interface EPage {
  view: PageView;
  nav: PageViewNav;
  /** The large picture every served width is made from (the rendered PNG, or the newsroom's image). */
  source: string;
  /** The PDF, when the 版 has one. */
  pdf?: string | undefined;
  /** Changes whenever the source files do: for the cache keys of the page and its files. */
  digest: string;
  /** The day's page views, as the strip of thumbnails shows them. */
  strip: StripPage[];
}

/** A page in the strip of thumbnails. */
export interface StripPage {
  number: number;
  name: string;
  path: string;
  thumbnail: PageImage;
}

/** When a newsroom image says nothing of its resolution: the page is taken to be a broadsheet 350 mm wide. */
const BROADSHEET_WIDTH_MM = 350;

const root = () => process.cwd();

/** The folder of an edition's files (its edition.yaml's), absolute. */
function editionFolder(edition: Edition): string {
  const yaml = edition.filePath ?? join(settings.contentDir, editionPath(edition.date).slice(1), 'edition.yaml');
  return join(root(), dirname(yaml));
}

/** An article's Markdown body, read through the content door (Astro's data store keeps no bodies). */
function bodyOf(article: ArticleRecord): string {
  const read = readContentText(join(root(), article.filePath), MAX_ARTICLE_BYTES);
  if (!read?.ok) return '';
  const split = splitFrontmatter(read.text);
  return split.ok ? split.value.body : '';
}

async function makePage(
  edition: Edition,
  page: EditionPageView<ArticleRecord>,
  editions: readonly Edition[],
): Promise<Omit<EPage, 'strip'>> {
  const folder = editionFolder(edition);
  const articles = page.articles.map((a) => ({ id: a.id, title: a.data.title, area: a.data.area }));
  const nav = pageViewNav(editions, edition.date, page.number);
  const base = { date: edition.date, number: page.number, name: page.name, articles };
  if (page.pdf !== undefined) {
    const pdf = join(folder, page.pdf);
    const cached = await cachedPage(pdf, settings.epaperCacheDir);
    // Hand-given areas take precedence: only the others are looked for.
    const looked = page.articles.filter((a) => !a.data.area);
    const found: Map<string, Box[]> =
      looked.length > 0
        ? locateArticles(
            cached.text,
            looked.map((a) => articleText(a.id, a.data, bodyOf(a))),
          ).areas
        : new Map();
    const view = pageView({
      ...base,
      width: cached.text.width,
      height: cached.text.height,
      pixelWidth: cached.pngWidth,
      pixelHeight: cached.pngHeight,
      found,
      pdfBytes: cached.bytes,
    });
    return { view, nav, source: cached.png, pdf, digest: cached.hash };
  }
  const image = join(folder, page.image!);
  const size = await imageSize(image);
  // The page's width in millimetres: from the image's resolution when it gives a plausible one, else a broadsheet's.
  const fromDensity = size.density ? (size.width / size.density) * 25.4 : 0;
  const widthMm = fromDensity >= 150 && fromDensity <= 700 ? fromDensity : BROADSHEET_WIDTH_MM;
  const width = widthMm * POINTS_PER_MM;
  const view = pageView({
    ...base,
    width,
    height: (width * size.height) / size.width,
    pixelWidth: size.width,
    pixelHeight: size.height,
    found: new Map(),
  });
  return { view, nav, source: image, digest: createHash('sha256').update(readFileSync(image)).digest('hex') };
}

let cached: Promise<EPage[]> | undefined;

/** Every page view this build renders (the editions of the years it renders), edition by edition, 版 by 版. */
export function epaperPages(): Promise<EPage[]> {
  cached ??= (async () => {
    const { editions, rendersYear } = await loadSiteData();
    const pages: EPage[] = [];
    for (const edition of editions.filter((e) => rendersYear(e.date))) {
      const day: Omit<EPage, 'strip'>[] = [];
      for (const page of edition.pages.filter(hasPageView)) day.push(await makePage(edition, page, editions));
      const strip = day.map(({ view }) => ({
        number: view.number,
        name: view.name,
        path: epaperPagePath(view.date, view.number),
        thumbnail: view.thumbnail,
      }));
      pages.push(...day.map((page) => ({ ...page, strip })));
    }
    return pages;
  })();
  return cached;
}

/** The strip of thumbnails of an edition's page views (empty when it has none). */
export async function editionStrip(date: string): Promise<StripPage[]> {
  return (await epaperPages()).find((p) => p.view.date === date)?.strip ?? [];
}

/** A page view's cache key: everything it shows. */
export const pageViewKey = (page: EPage): string => cacheKey(page.view, page.nav, page.strip);

/** A file a 版's folder serves: its name, how it is made, and its cache key. */
export interface EPageFile {
  name: string;
  type: string;
  make: () => Promise<Uint8Array<ArrayBuffer>>;
  key: string;
}

/** The pictures (each width, the thumbnail) and the PDF of a page view. */
export function epaperFiles(page: EPage): EPageFile[] {
  const webp = (width: number, quality: number): EPageFile => ({
    name: epaperImageName(width),
    type: 'image/webp',
    make: () =>
      pageWebp(page.source, width, quality, join(settings.epaperCacheDir, 'webp', `${page.digest}-${RENDERING}-${width}-q${quality}.webp`)),
    key: cacheKey(page.digest, RENDERING, width, quality),
  });
  const files = [webp(EPAPER_THUMB_WIDTH, THUMB_WEBP_QUALITY), ...EPAPER_IMAGE_WIDTHS.map((w) => webp(w, PAGE_WEBP_QUALITY))];
  const pdf = page.pdf;
  if (pdf !== undefined) {
    files.push({
      name: epaperPdfName(page.view.date, page.view.number),
      type: 'application/pdf',
      make: async () => new Uint8Array(readFileSync(pdf)),
      key: cacheKey(page.digest, 'pdf'),
    });
  }
  return files;
}

/** The static paths of the page views' files whose names end in `extension` (a route per extension). */
export async function epaperFileRoutes(extension: '.webp' | '.pdf') {
  return (await epaperPages()).flatMap((page) => {
    const [year, month, day] = page.view.date.split('-');
    return epaperFiles(page)
      .filter((file) => file.name.endsWith(extension))
      .map((file) => ({
        params: { year, month, day, page: String(page.view.number), name: file.name.slice(0, -extension.length) },
        props: { file },
        cacheKey: file.key,
      }));
  });
}

/** The response of one of those files. */
export async function serveEpaperFile(props: Record<string, unknown>): Promise<Response> {
  const { file } = props as { file: EPageFile };
  return new Response(await file.make(), { headers: { 'Content-Type': file.type } });
}
