// What `npm run new` writes: a new article file (and its edition.yaml when the edition has none yet), named by the
// pinyin of the headline, valid by construction because every field goes through the site's schema first.
import { Document, isSeq, parseDocument } from 'yaml';
import { articleSchema, bylineRoles, editionPageSchema } from '../schema.ts';
import { slugFromHeadline } from '../slug.ts';
import { BODY_PLACEHOLDER } from './markdown.ts';
import { readRawFrontmatter } from '../content/read.ts';
import { validate } from '../content/schema-issues.ts';

export interface NewArticleFields {
  title: string;
  kicker?: string | undefined;
  subtitle?: string | undefined;
  byline: string[];
  date: string;
  county: string;
  category: string;
  page: number;
  order: number;
  source?: string | undefined;
}

/** `2022-04-19` + slug → `2022/04/19/slug.md`, relative to the content folder. */
export function articleFileName(date: string, slug: string): string {
  return `${date.replaceAll('-', '/')}/${slug}.md`;
}

/** The slug of a new article: the pinyin of its headline (女子“抄近道”逆行 → nv-zi-chao-jin-dao-ni-xing). */
export function newSlug(title: string): string {
  return slugFromHeadline(title);
}

/** Problems with the fields, one Chinese message per field, checked by the site's own schema. */
export function fieldProblems(fields: NewArticleFields): { field: string; message: string }[] {
  const result = validate(articleSchema, fields, () => ({ line: 1, column: 1 }));
  return result.ok ? [] : result.problems.map((p) => ({ field: p.rule, message: p.message }));
}

/** One field alone, for asking again right after a wrong answer. */
export function fieldProblem(field: keyof typeof articleSchema.shape, value: unknown): string | undefined {
  const result = validate(articleSchema.shape[field], value, () => ({ line: 1, column: 1 }));
  return result.ok ? undefined : result.problems[0]?.message;
}

/** The article file: frontmatter in the order docs/writing-and-checking.md documents, then a placeholder paragraph. */
export function renderArticle(fields: NewArticleFields): string {
  const data: Record<string, unknown> = { title: fields.title };
  if (fields.kicker) data['kicker'] = fields.kicker;
  if (fields.subtitle) data['subtitle'] = fields.subtitle;
  Object.assign(data, {
    byline: fields.byline,
    date: fields.date,
    county: fields.county,
    category: fields.category,
    page: fields.page,
    order: fields.order,
  });
  if (fields.source) data['source'] = fields.source;
  const doc = new Document(data);
  const byline = doc.get('byline', true);
  if (isSeq(byline)) byline.flow = true;
  return `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n\n${BODY_PLACEHOLDER}\n`;
}

/** A new edition.yaml with the one page the article is on. */
export function renderEdition(date: string, page: number, pageName: string): string {
  return new Document({ date, pages: [{ number: page, name: pageName }] }).toString({ lineWidth: 0 });
}

/**
 * `edition.yaml`'s text with page `number` named `name` added among its pages in number order, its comments and
 * everything else kept as written (the yaml Document API, as the importer's editionFile does). The caller has read
 * the edition with the content door and knows the page is not there; undefined when `pages` is not a list.
 */
export function addEditionPage(text: string, number: number, name: string): string | undefined {
  const doc = parseDocument(text);
  const pages = doc.get('pages', true);
  if (!isSeq(pages)) return undefined;
  const page = editionPageSchema.parse({ number, name });
  const at = pages.items.findIndex((item) => {
    const n = (item as { get?: (key: string) => unknown }).get?.('number');
    return typeof n === 'number' && n > number;
  });
  const node = doc.createNode(page);
  if (at < 0) pages.items.push(node);
  else pages.items.splice(at, 0, node);
  return doc.toString({ lineWidth: 0 });
}

/** The problem with a page name typed for a new page, or undefined (the schema's limits). */
export function pageNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return '版名不能为空';
  const result = editionPageSchema.shape.name.safeParse(trimmed);
  return result.success ? undefined : [...trimmed].length > 20 ? '版名最多 20 个字' : '版名不符合要求';
}

/** Where an article of the edition sits, and in which file. */
export interface Position {
  page: number;
  order: number;
  /** The file's name in the edition folder. */
  file?: string;
}

/** The page and order of an existing article, when its frontmatter is readable (the content door's parser). */
export function readPosition(bytes: Uint8Array): { page: number; order: number } | undefined {
  const data = readRawFrontmatter(bytes);
  return typeof data?.['page'] === 'number' && typeof data['order'] === 'number' ? { page: data['page'], order: data['order'] } : undefined;
}

/** The first free position after the last article on `page`. */
export function nextOrder(positions: readonly Position[], page: number): number {
  return Math.max(0, ...positions.filter((p) => p.page === page).map((p) => p.order)) + 1;
}

/** The article already at `order` on `page`, if any. */
export function takenBy(positions: readonly Position[], page: number, order: number): Position | undefined {
  return positions.find((p) => p.page === page && p.order === order);
}

/**
 * A byline as a reporter types it, as the frontmatter's list: `记者 王晓然 通讯员 李明` (roles and names spaced as
 * printed), `记者 徐洋 刘爱军` (one role for the names after it), `徐洋、刘爱军`, `通讯员：李明`. Each name keeps the role
 * written before it; names are split at spaces and at Chinese or Latin commas, 、 and semicolons.
 */
export function splitByline(text: string): string[] {
  const roles = [...bylineRoles].sort((a, b) => b.length - a.length);
  const entries: string[] = [];
  let role: string | undefined;
  for (const token of text.split(/[\s,，、;；]+/).filter(Boolean)) {
    const bare = token.replace(/[:：]$/, '');
    if ((roles as string[]).includes(bare)) {
      role = bare;
      continue;
    }
    const written = roles.find((r) => token.startsWith(r) && token.length > r.length);
    if (written !== undefined) {
      // `记者徐洋`, `通讯员：李明`: the role is the name's own, and the next names'.
      role = written;
      entries.push(token);
      continue;
    }
    entries.push(role === undefined ? token : `${role} ${token}`);
  }
  return entries;
}

/**
 * The date `npm run new` proposes: the edition being made. An edition already made for a day after today (prepared
 * ahead) is the one being made; otherwise, once today's edition exists, tomorrow's; otherwise today's.
 */
export function proposedDate(today: string, editionDates: readonly string[]): string {
  const ahead = editionDates.filter((d) => d > today).sort();
  if (ahead.length > 0) return ahead[0]!;
  if (!editionDates.includes(today)) return today;
  const next = new Date(`${today}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
