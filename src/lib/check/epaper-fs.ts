// The e-paper's files and areas against the disk (the rules: epaper.ts): each 版's page PDF (`pdf:`) and page image
// (`image:`) named in edition.yaml, the areas articles give by hand (`area:`), and what the locator
// (src/lib/epaper/locate.ts) finds on each page PDF, as located problems for the checker (check-fs.ts).
import { spawnSync } from 'node:child_process';
import { lstatSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleText } from '../epaper/locate.ts';
import type { Problem, Position, Severity } from '../content/problem.ts';
import type { Article, EditionPage } from '../schema.ts';
import {
  areasOverlap,
  epaperMessages as say,
  MAX_PAGE_IMAGE_BYTES,
  MAX_PAGE_PDF_BYTES,
  pageSizeOfImage,
  rectanglesOutside,
  type PagePdfJob,
  type PagePdfProbe,
} from './epaper.ts';
import { imagePath, imageProblem } from './images-fs.ts';

/** A 版 of an edition with the files edition.yaml names for it. */
export interface PageFiles {
  number: number;
  /** The page PDF, when it passed the file checks (exists beside edition.yaml, a regular file, within the limit). */
  pdf?: { name: string; path: string; at: Position } | undefined;
  /** The page image, when it passed the photo rules that need no decoding (decoded later with the photos). */
  image?: { name: string; path: string; at: Position } | undefined;
  /** The file names edition.yaml gives, usable or not. */
  pdfName?: string | undefined;
  imageName?: string | undefined;
}

type Add = (rule: string, at: Position, message: string, severity?: Severity) => void;

/**
 * The page files an edition.yaml at `editionPath` names for its `pages`, with their problems that need no reading
 * of the files' contents: a PDF must exist beside it as a regular file (never a link) within MAX_PAGE_PDF_BYTES;
 * an image must pass the photo rules with MAX_PAGE_IMAGE_BYTES.
 */
export function pageFilesOf(
  editionPath: string,
  contentRoot: string,
  pages: readonly EditionPage[],
  locate: (path: readonly PropertyKey[]) => Position,
  add: Add,
): PageFiles[] {
  return pages.map((page, i) => {
    const files: PageFiles = { number: page.number, pdfName: page.pdf, imageName: page.image };
    if (page.pdf !== undefined) {
      const at = locate(['pages', i, 'pdf']);
      const path = join(dirname(editionPath), page.pdf);
      const problem = pdfFileProblem(page.pdf, path);
      if (problem) add('epaper', at, problem);
      else files.pdf = { name: page.pdf, path, at };
    }
    if (page.image !== undefined) {
      const at = locate(['pages', i, 'image']);
      const problem = imageProblem(page.image, editionPath, contentRoot, `./${page.image}`, MAX_PAGE_IMAGE_BYTES);
      if (problem) add('image', at, problem);
      else files.image = { name: page.image, path: imagePath(page.image, editionPath), at };
    }
    return files;
  });
}

function pdfFileProblem(name: string, path: string): string | undefined {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return say.pdfMissing(name);
  }
  if (stat.isSymbolicLink()) return say.pdfLink(name);
  if (!stat.isFile()) return say.pdfNotFile(name);
  if (stat.size > MAX_PAGE_PDF_BYTES) return say.pdfTooLarge(name, stat.size, MAX_PAGE_PDF_BYTES);
  return undefined;
}

const PROBE = fileURLToPath(new URL('./epaper-probe-fs.ts', import.meta.url));

/** Each job run in one child process (epaper-probe-fs.ts): MuPDF is asynchronous, the checker is not. */
export function probePagePdfs(jobs: readonly PagePdfJob[]): PagePdfProbe[] {
  if (jobs.length === 0) return [];
  const child = spawnSync(process.execPath, [PROBE], { input: JSON.stringify(jobs), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`reading the page PDFs failed: ${child.error?.message ?? child.stderr}`);
  return JSON.parse(child.stdout) as PagePdfProbe[];
}

/** What the e-paper rules need of a checked edition.yaml (check-fs.ts's Checked has it). */
export interface EpaperEdition {
  path: string;
  display: string;
  problems: Problem[];
  locate: (path: readonly PropertyKey[]) => Position;
  pageFiles?: PageFiles[] | undefined;
}

/** What the e-paper rules need of a checked article. */
export interface EpaperArticle {
  path: string;
  display: string;
  problems: Problem[];
  locate: (path: readonly PropertyKey[]) => Position;
  /** The entry id (2022/04/19/slug). */
  id: string;
  /** The fields that are valid on their own. */
  fields: Partial<Article>;
  body: string;
}

export interface EpaperOptions {
  /** Whether problems of the file at this path are reported (the others are only read, as context). */
  reported: (path: string) => boolean;
  /** Whether the file was asked for (named, or in a folder named), not only read because a sibling was. */
  asked: (path: string) => boolean;
  /** A page image's size in pixels, once decoded (undefined when it could not be). */
  imageSize: (path: string) => { width: number; height: number } | undefined;
  /** The page cache's folder. */
  cacheDir: string;
}

function push(c: { display: string; problems: Problem[] }, at: Position, rule: string, severity: Severity, message: string): void {
  c.problems.push({ file: c.display, line: at.line, column: at.column, rule, severity, message });
}

/**
 * The page PDFs of the editions reported on, opened and counted; the 版 of an edition.yaml asked for, or of an article
 * reported on, read and its articles located; hand-given areas held against their page and each other. The problems
 * are added to the files they are about.
 */
export function epaperProblems(editions: readonly EpaperEdition[], articles: readonly EpaperArticle[], options: EpaperOptions): void {
  const byFolder = Map.groupBy(articles, (a) => dirname(a.path));
  const jobs: { job: PagePdfJob; edition: EpaperEdition; page: PageFiles; onPage: EpaperArticle[] }[] = [];
  const onImage: { edition: EpaperEdition; page: PageFiles; onPage: EpaperArticle[] }[] = [];
  for (const edition of editions) {
    if (!options.reported(edition.path)) continue;
    const siblings = byFolder.get(dirname(edition.path)) ?? [];
    const pages = new Map((edition.pageFiles ?? []).map((p) => [p.number, p]));
    for (const article of siblings) {
      const page = pages.get(article.fields.page ?? -1);
      if (options.reported(article.path) && article.fields.area && page && page.pdfName === undefined && page.imageName === undefined) {
        push(article, article.locate(['area']), 'area', 'error', say.areaWithoutPage(page.number));
      }
    }
    for (const page of pages.values()) {
      const onPage = siblings.filter((a) => a.fields.page === page.number);
      if (page.pdf) {
        const read = options.asked(edition.path) || onPage.some((a) => options.reported(a.path));
        const texts = onPage.map(({ id, fields, body }) =>
          articleText(id, { ...fields, title: fields.title ?? '', byline: fields.byline ?? [], images: fields.images ?? [] }, body),
        );
        jobs.push({ job: { pdf: page.pdf.path, cacheDir: options.cacheDir, read, articles: texts }, edition, page, onPage });
      } else if (page.image) onImage.push({ edition, page, onPage });
    }
  }

  const probes = probePagePdfs(jobs.map((j) => j.job));
  jobs.forEach(({ edition, page, onPage }, i) => {
    const probe = probes[i]!;
    const pdf = page.pdf!;
    if (probe.problem !== undefined) {
      push(edition, pdf.at, 'epaper', 'error', say.pdfUnreadable(pdf.name, probe.problem));
      return;
    }
    if (probe.pages > 1) push(edition, pdf.at, 'epaper', 'warning', say.pdfPages(pdf.name, probe.pages));
    if (probe.width !== undefined && probe.height !== undefined) handAreas(page.number, onPage, probe.width, probe.height, false, options);
    const location = probe.location;
    if (!location) return;
    const unplaced = onPage.filter((a) => !a.fields.area);
    if (!location.readable) {
      if (unplaced.length > 0) {
        push(
          edition,
          pdf.at,
          'epaper',
          'warning',
          say.unreadable(
            page.number,
            unplaced.map((a) => a.path.slice(dirname(a.path).length + 1)),
          ),
        );
      }
      return;
    }
    const found = new Set(location.areas);
    for (const article of unplaced) {
      if (options.reported(article.path) && !found.has(article.id)) {
        push(article, article.locate(['page']), 'epaper', 'warning', say.notFound(page.number));
      }
    }
    for (const block of location.unmatched) push(edition, pdf.at, 'epaper', 'warning', say.unmatched(page.number, block));
  });

  for (const { page, onPage } of onImage) {
    const size = options.imageSize(page.image!.path);
    if (size) {
      const { width, height } = pageSizeOfImage(size.width, size.height);
      handAreas(page.number, onPage, width, height, true, options);
    }
  }
}

/** The hand-given areas of one 版's articles: inside the page of `width` × `height` points, and not on each other. */
function handAreas(
  number: number,
  onPage: readonly EpaperArticle[],
  width: number,
  height: number,
  fromImage: boolean,
  options: EpaperOptions,
): void {
  const withArea = onPage.filter((a) => a.fields.area);
  for (const article of withArea) {
    if (!options.reported(article.path)) continue;
    const area = article.fields.area!;
    for (const i of rectanglesOutside(area, width, height)) {
      push(article, article.locate(['area', i]), 'area', 'error', say.areaOutside(i, area[i]!, number, width, height, fromImage));
    }
    for (const other of withArea) {
      if (other !== article && areasOverlap(area, other.fields.area!)) {
        push(article, article.locate(['area']), 'area', 'warning', say.areaOverlap(other.display, number));
      }
    }
  }
}
