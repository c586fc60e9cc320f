// The print-page importer: the text of one printed page in, reviewed articles out. Pure: the command line
// (scripts/import.ts) reads the page and the edition folder and writes what `planImport` returns.
//
//   pageLines → pageSegments → splitArticles → buildArticle → articleFile / jsonArticle
//   (normalise)  (captions,     (headlines,     (source, byline, paragraphs,
//                 credits,       untitled        Q&A, county, category, flags)
//                 bylines)       items)
import { buildArticle, type ImportedArticle } from './article.ts';
import { pageLines } from './normalise.ts';
import { pageSegments } from './segments.ts';
import {
  articleFile,
  articleSlugs,
  defaultPageName,
  editionFile,
  ImportError,
  jsonArticle,
  type JsonArticle,
  type Placement,
} from './serialise.ts';
import { splitArticles } from './split.ts';
import { FW } from './text.ts';
import { readRawFrontmatter } from '../content/read.ts';

export { FLAGS, type Flag, type ImportedArticle } from './article.ts';
export { ImportError, type JsonArticle, type Placement } from './serialise.ts';

export interface ImportedPage {
  readonly articles: readonly ImportedArticle[];
  /** File name (without .md) of each article, in the same order. */
  readonly slugs: readonly string[];
}

/** Reads a printed page's exported text into articles, in page order. Never throws. */
export function importPage(raw: string): ImportedPage {
  const drafts = splitArticles(pageSegments(pageLines(raw)));
  const articles = drafts.map((draft, i) => buildArticle(draft, i + 1));
  return { articles, slugs: articleSlugs(articles) };
}

/** The `--json` output: `{ articles: [{ title, slug, byline, county, category, body, images, flags }] }`. */
export function pageJson(page: ImportedPage, placement: Placement): { articles: JsonArticle[] } {
  return { articles: page.articles.map((article, i) => jsonArticle(article, page.slugs[i]!, placement)) };
}

/** A file already in the edition folder: an article, edition.yaml, or a symbolic link (never read, never written through). */
export type ExistingFile = { readonly name: string; readonly content: string } | { readonly name: string; readonly link: true };

export interface ImportPlan {
  /** Files to write into the edition folder, by name; edition.yaml only when it is new or gains the page. */
  readonly writes: ReadonlyArray<{ readonly name: string; readonly content: string }>;
}

/**
 * What to write into the edition folder. Every article file is validated first. Throws an ImportError when a
 * file would be overwritten without `force`, or when another article file of the folder already sits on the
 * same page (two articles at one position would break the edition).
 */
export function planImport(
  page: ImportedPage,
  options: {
    placement: Placement;
    pageName?: string | undefined;
    /** The page PDF's file name beside edition.yaml (`01.pdf`), when the page was read from its PDF. */
    pdf?: string | undefined;
    existing: readonly ExistingFile[];
    force: boolean;
  },
): ImportPlan {
  const { placement, existing, force } = options;
  const writes = page.articles.map((article, i) => ({ name: `${page.slugs[i]!}.md`, content: articleFile(article, placement) }));
  const names = new Set(writes.map((w) => w.name));
  const links = existing.filter((f) => 'link' in f && names.has(f.name)).map((f) => f.name);
  if (links.length > 0)
    throw new ImportError(`以下文件是符号链接${FW.comma}不会写入${FW.colon}${links.join('、')}${FW.semicolon}请先删掉这些链接`);
  const clashes = existing.filter((f) => names.has(f.name)).map((f) => f.name);
  if (clashes.length > 0 && !force) {
    throw new ImportError(`以下文件已存在${FW.comma}未覆盖${FW.open}确认要覆盖请加 --force${FW.close}${FW.colon}${clashes.join('、')}`);
  }
  const files = existing.filter((f) => 'content' in f);
  const samePage = files.filter((f) => f.name.endsWith('.md') && !names.has(f.name) && pageOf(f.content) === placement.page);
  if (samePage.length > 0) {
    throw new ImportError(
      `第 ${placement.page} 版已有其他稿件${FW.colon}${samePage.map((f) => f.name).join('、')}${FW.semicolon}请先移走这些文件或换一个版次`,
    );
  }
  const edition = editionFile(
    files.find((f) => f.name === 'edition.yaml')?.content,
    placement,
    options.pageName ?? defaultPageName(placement.page),
    options.pdf,
  );
  return { writes: edition === undefined ? writes : [...writes, { name: 'edition.yaml', content: edition }] };
}

/** The `page` of an article file, or undefined when its frontmatter cannot be read (the content door's parser). */
function pageOf(content: string): unknown {
  return readRawFrontmatter(new TextEncoder().encode(content))?.['page'];
}
