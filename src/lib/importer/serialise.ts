// Step 7 of the importer: articles as Markdown files with YAML frontmatter, and the edition metadata, each
// validated with the site's own schema before anything is written.
import { Document, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { slugFromHeadline } from '../slug.ts';
import { readEdition } from '../content/read.ts';
import { formatProblem } from '../content/problem.ts';
import { articleSchema, editionSchema, type Edition } from '../schema.ts';
import type { Flag, ImportedArticle } from './article.ts';
import { FW } from './text.ts';

/** Where the article goes in the edition. */
export interface Placement {
  /** Edition date, YYYY-MM-DD. */
  readonly date: string;
  /** 版次. */
  readonly page: number;
}

/** An article or edition the schema rejects: names the article and every failing field. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/**
 * The article's frontmatter, keys in the order editors read them. An item whose byline is only photographers
 * (a photo news item) carries them in the byline too, with role 摄影, as the sample edition does.
 */
export function articleFrontmatter(article: ImportedArticle, placement: Placement): Record<string, unknown> {
  let byline = article.byline;
  if (byline.length === 0) {
    const photographers = [...new Set(article.images.flatMap((image) => image.credit))];
    byline = photographers.map((name) => ({ name, role: '摄影' as const }));
  }
  return {
    ...(article.kicker === undefined ? {} : { kicker: article.kicker }),
    title: article.title,
    ...(article.subtitle === undefined ? {} : { subtitle: article.subtitle }),
    ...(article.editorHeadline ? { editorHeadline: true } : {}),
    byline: byline.map((entry) => (entry.role === undefined ? entry.name : { name: entry.name, role: entry.role })),
    date: placement.date,
    county: article.county,
    category: article.category,
    page: placement.page,
    order: article.order,
    ...(article.source === undefined ? {} : { source: article.source }),
    ...(article.dateline === undefined ? {} : { dateline: article.dateline }),
    ...(article.reprint === undefined ? {} : { reprint: { ...article.reprint } }),
    ...(article.images.length === 0
      ? {}
      : {
          images: article.images.map((image) =>
            image.credit.length ? { caption: image.caption, credit: [...image.credit] } : { caption: image.caption },
          ),
        }),
    ...(article.truncated ? { truncated: true } : {}),
  };
}

/** Throws an ImportError naming the article and the fields when the frontmatter does not pass the schema. */
export function validateFrontmatter(frontmatter: Record<string, unknown>, article: ImportedArticle): void {
  const result = articleSchema.safeParse(frontmatter);
  if (result.success) return;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(frontmatter)'}${FW.colon}${issue.message}`);
  throw new ImportError(`第 ${article.line} 行起的稿件「${article.title}」未通过校验${FW.colon}${problems.join('\uFF1B')}`);
}

const EDITOR_HEADLINE_NOTE = ` 原版为图片新闻${FW.comma}无标题${FW.comma}标题由导入程序据首句拟定${FW.comma}请编辑核改`;
const TRUNCATED_NOTE = ` 原版在此处转版或截断${FW.comma}按原文刊发`;

/** The article file: validated YAML frontmatter, a blank line, the Markdown body. */
export function articleFile(article: ImportedArticle, placement: Placement): string {
  const frontmatter = articleFrontmatter(article, placement);
  validateFrontmatter(frontmatter, article);
  const doc = new Document(frontmatter);
  const byline = doc.get('byline', true);
  if (isSeq(byline)) for (const item of byline.items) if (isMap(item)) item.flow = true;
  const images = doc.get('images', true);
  if (isSeq(images)) {
    for (const image of images.items) {
      const credit = isMap(image) ? image.get('credit', true) : undefined;
      if (isSeq(credit)) credit.flow = true;
    }
  }
  const note = (key: string, comment: string) => {
    const node = doc.get(key, true);
    if (isScalar(node)) node.comment = comment;
  };
  note('editorHeadline', EDITOR_HEADLINE_NOTE);
  note('truncated', TRUNCATED_NOTE);
  const yaml = doc.toString({ lineWidth: 0 });
  return `---\n${yaml}---\n\n${article.body}${article.body ? '\n' : ''}`;
}

/** File names (slugs) for the articles of a page: pinyin of the headline, -2, -3 … for repeats, in page order. */
export function articleSlugs(articles: readonly ImportedArticle[]): string[] {
  const used = new Set<string>();
  return articles.map((article) => {
    const base = slugFromHeadline(article.title);
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  });
}

/** The JSON report of `npm run import -- … --json`: exactly the shape the web desk's tools read. */
export interface JsonArticle {
  title: string;
  slug: string;
  byline: string[];
  county: string;
  category: string;
  body: string;
  images: { caption: string; credit: string[] }[];
  flags: Flag[];
}

export function jsonArticle(article: ImportedArticle, slug: string, placement: Placement): JsonArticle {
  const frontmatter = articleFrontmatter(article, placement);
  const byline = (frontmatter['byline'] as Array<string | { name: string }>).map((entry) =>
    typeof entry === 'string' ? entry : entry.name,
  );
  return {
    ...(article.kicker === undefined ? {} : { kicker: article.kicker }),
    title: article.title,
    slug,
    byline,
    county: article.county,
    category: article.category,
    body: article.body,
    images: article.images.map((image) => ({ caption: image.caption, credit: [...image.credit] })),
    flags: [...article.flags],
  };
}

/** Default name of a page: 要闻 for the front page, 第N版 for the others. */
export function defaultPageName(page: number): string {
  return page === 1 ? '要闻' : `第${page}版`;
}

/**
 * The edition.yaml to write: a new one for the date and page, or the existing one with the page added (its
 * comments and other pages kept). `pdf`, the page PDF's file name beside edition.yaml, goes into the page's entry
 * (also into one the file already has). Undefined when the existing file already lists the page as it would be
 * written. Throws an ImportError when the existing file is not a valid edition of that date.
 */
export function editionFile(existing: string | undefined, placement: Placement, pageName: string, pdf?: string): string | undefined {
  const page = { number: placement.page, name: pageName, ...(pdf === undefined ? {} : { pdf }) };
  if (existing === undefined) {
    const edition: Edition = { date: placement.date, pages: [page] };
    checkEdition(edition, placement);
    return new Document(edition).toString();
  }
  // Read as the site reads it; the YAML document is only for adding the page with the file's comments kept.
  const current = readEdition('edition.yaml', new TextEncoder().encode(existing));
  const errors = current.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || !current.data) throw new ImportError(`edition.yaml 有错误${FW.colon}\n${errors.map(formatProblem).join('\n')}`);
  checkEdition(current.data, placement);
  const doc = parseDocument(existing);
  const pages = doc.get('pages', true);
  if (!isSeq(pages)) throw new ImportError('edition.yaml 缺少 pages');
  const listed = current.data.pages.findIndex((p) => p.number === placement.page);
  if (listed >= 0) {
    if (pdf === undefined || current.data.pages[listed]!.pdf === pdf) return undefined;
    const entry = pages.items[listed];
    if (!isMap(entry)) throw new ImportError(`edition.yaml 第 ${placement.page} 版的写法无法识别`);
    entry.set('pdf', pdf);
    return doc.toString();
  }
  const at = current.data.pages.findIndex((p) => p.number > placement.page);
  const node = doc.createNode(page);
  if (at < 0) pages.items.push(node);
  else pages.items.splice(at, 0, node);
  return doc.toString();
}

function checkEdition(edition: Edition, placement: Placement): void {
  const result = editionSchema.safeParse(edition);
  if (!result.success)
    throw new ImportError(`版期信息无效${FW.colon}${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('\uFF1B')}`);
  if (result.data.date !== placement.date)
    throw new ImportError(`edition.yaml 的日期 ${result.data.date} 与导入日期 ${placement.date} 不一致`);
}
