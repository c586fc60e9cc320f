// The content checker: every rule of the content door (src/lib/content: which files are content, how they are read
// and validated, the edition rules) plus what a schema cannot express (file names, images, unsafe Markdown), each
// problem reported with file, line and column. Used by `npm run check`, `npm run new` and the build
// (src/integrations/content-check.ts).
import { lstatSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import {
  clashMessage,
  editionProblems,
  type ArticleEntry,
  type ArticlePlacement,
  type EditionEntry,
  type EditionPlacement,
} from '../edition.ts';
import type { Article } from '../schema.ts';
import { isValidSlug, slugFromHeadline } from '../slug.ts';
import { classifyContentPath, type ContentFile } from '../content/files.ts';
import { readArticle, readEdition } from '../content/read.ts';
import { walkContent, type ContentEntry } from '../content/tree-fs.ts';
import { decodedImageProblem } from './images.ts';
import { epaperProblems, pageFilesOf, type PageFiles } from './epaper-fs.ts';
import { epaperMessages } from './epaper.ts';
import { settings } from '../settings.ts';
import { imagePath, imageProblem, probeImages } from './images-fs.ts';
import { BODY_PLACEHOLDER, checkBody } from './markdown.ts';
import { compareProblems, type Position, type Problem, type Severity } from '../content/problem.ts';
import { readDigest, type PlainRead, type SharedReads } from '../content/shared-reads.ts';
import { readContentText } from '../content/read-fs.ts';
import type { SourceError } from '../content/source.ts';
import {
  MAX_REDIRECTS_BYTES,
  parseRedirectList,
  REDIRECTS_FILE,
  redirectProblems,
  builtPages,
  type SitePages,
} from '../permanent-urls/redirects.ts';
import { MAX_PUBLISHED_URLS_BYTES, PUBLISHED_URLS_FILE, vanishedUrlProblems } from '../permanent-urls/published-urls.ts';
import { articlePath, editionDateFromId, parseArticleId } from '../routing.ts';
import { editionDateProblem, isPreparedAhead, isPublished } from '../content/edition-dates.ts';
import { readBylineRecord } from '../permanent-urls/published-bylines-fs.ts';
import { toPosix } from '../util/posix-path.ts';

export interface CheckOptions {
  /** Paths in problems are relative to this folder (the repository root for the CLI and the build). */
  cwd: string;
  /** The site's content folder, relative to `cwd` (CONTENT_DIR): files in it are placed exactly as the build places them. */
  contentDir?: string | undefined;
  /** When given, each article and edition.yaml read is kept here (see src/lib/content/shared-reads.ts). */
  reads?: SharedReads | undefined;
  /**
   * Today's date in China (src/lib/clock.ts: siteToday), for the rules that depend on it: an edition dated after
   * the end of next year is refused, and one prepared ahead (dated after today) is not published yet, so no
   * redirect may lead to it. The scripts and the build always give it; without it, those rules are not applied.
   */
  today?: string | undefined;
  /** Where page PDFs read and rendered are kept (src/lib/epaper/page-cache-fs.ts); settings.epaperCacheDir under `cwd` unless told. */
  epaperCacheDir?: string | undefined;
}

export interface CheckResult {
  /** How many files were checked (the summary line). */
  files: number;
  problems: Problem[];
  /** The dates of the editions checked that are prepared ahead: they have an article to publish on that date. */
  preparedAhead: string[];
}

export interface Checked {
  path: string;
  display: string;
  problems: Problem[];
  locate: (path: readonly PropertyKey[]) => Position;
  article?: ArticleEntry & { data: Article };
  edition?: EditionEntry;
  /** What the edition rules see of the file: all of a valid one, the valid fields of one with errors. */
  placement?: ArticlePlacement | EditionPlacement;
  /**
   * The article will be published once its errors are fixed (it is not a draft, as far as can be read): on its
   * edition's date when that is after today (an edition prepared ahead is not warned about as unpublished).
   */
  publishable?: boolean;
  /** Absolute paths of the photos the article shows (those its valid fields and its body name). */
  photos?: string[];
  /** The photos that passed imageProblem, with where the article names them: checkPaths decodes them all at once. */
  images?: { ref: string; path: string; at: Position }[];
  /** The content door's read of the file, before the checker's own rules added problems. */
  read?: PlainRead;
  /** An article's fields that are valid on their own (for the e-paper's rules: its 版, its hand-given area, its text). */
  fields?: Partial<Article>;
  /** An edition's 版 with the page PDF and page image edition.yaml names for each (src/lib/check/epaper-fs.ts). */
  pageFiles?: PageFiles[];
}

function toDisplay(cwd: string, path: string): string {
  return toPosix(relative(cwd, path));
}

const DATED = [/^\d{4}$/, /^\d{2}$/, /^\d{2}$/];

/**
 * The content folder a path belongs to: `contentDir` when the path is in it; otherwise the folder above the first
 * YYYY/MM/DD/ folder on the path (content/ of content/2022/04/19/x.md); for a year or month folder, the folder
 * above it; otherwise the file's folder (or the folder itself).
 */
export function contentRootOf(path: string, isDirectory: boolean, contentDir?: string): string {
  if (contentDir !== undefined && (path === contentDir || path.startsWith(contentDir + sep))) return contentDir;
  const parts = path.split(sep);
  const folder = isDirectory ? parts : parts.slice(0, -1);
  for (let end = 3; end <= folder.length; end++) {
    if (folder.slice(end - 3, end).every((p, i) => DATED[i]!.test(p))) return folder.slice(0, end - 3).join(sep) || sep;
  }
  if (isDirectory && DATED[0]!.test(folder.at(-1) ?? '')) return folder.slice(0, -1).join(sep) || sep;
  if (isDirectory && DATED[0]!.test(folder.at(-2) ?? '') && DATED[1]!.test(folder.at(-1) ?? ''))
    return folder.slice(0, -2).join(sep) || sep;
  return folder.join(sep) || sep;
}

/** What the file at `path` is, relative to the content folder `root` (links are looked at, never followed). */
function classifyFile(root: string, path: string): ContentEntry {
  const rel = toPosix(relative(root, path));
  const stat = lstatSync(path);
  return { path: rel, file: classifyContentPath(rel, stat.isSymbolicLink() ? 'symlink' : stat.isFile() ? 'file' : 'other') };
}

/** The first problems that leave nothing of a file to check but its name: it cannot be read, or has no frontmatter to split off. */
const UNREADABLE = new Set(['size', 'encoding']);
const UNSPLIT = new Set(['frontmatter-missing', 'frontmatter-unclosed', 'frontmatter-engine']);

/**
 * One article file's own problems (not the edition rules, which need its siblings), all of them in one go: its
 * frontmatter's, its name's and its body's, and its photos' as far as its fields can be read. `root`: its content folder.
 */
export function checkArticle(path: string, display: string, bytes: Uint8Array, root?: string): Checked {
  const read = readArticle(display, bytes);
  const { problems, data, body, bodyLine, publishedYaml } = read;
  const fields = read.fields ?? {};
  const plain: PlainRead = { display, problems: [...problems], data, body, bodyLine, publishedYaml };
  const add = (rule: string, at: Position, message: string, severity: Severity = 'error') =>
    problems.push({ file: display, line: at.line, column: at.column, rule, severity, message });
  const result: Checked = { path, display, problems, locate: read.locate, read: plain, fields };
  if (problems.some((p) => UNREADABLE.has(p.rule))) return result;

  const slug = basename(path).replace(/\.md$/, '');
  if (!isValidSlug(slug)) {
    const suggestion = fields.title ? `\uFF0C例如「${slugFromHeadline(fields.title)}.md」` : '';
    add(
      'slug',
      { line: 1, column: 1 },
      `文件名「${basename(path)}」不合要求\uFF1A只能用小写拼音字母、数字和连字符\uFF08标题的拼音\uFF09${suggestion}`,
    );
  }
  if (root !== undefined) {
    const id = toPosix(relative(root, path)).replace(/\.md$/, '');
    result.placement = { id, data: { date: fields.date, page: fields.page, order: fields.order }, filePath: display };
    if (data) result.article = { id, data, filePath: display };
  }
  // Without a frontmatter block, where the body starts is not known: its rules would be about the wrong text.
  if (problems.some((p) => UNSPLIT.has(p.rule))) return result;

  const images = fields.images ?? [];
  const bodyResult = checkBody(body, bodyLine);
  for (const p of bodyResult.problems) add(p.rule, p, p.message);
  if (body.trim() === '' && images.length === 0) {
    add('body', { line: bodyLine, column: 1 }, '正文是空的', 'warning');
  }
  const placeholder = body.indexOf(BODY_PLACEHOLDER);
  if (placeholder > -1) {
    add(
      'body',
      { line: bodyLine + body.slice(0, placeholder).split('\n').length - 1, column: 1 },
      '这里还是模板里的提示文字\uFF0C请换成正文',
      'warning',
    );
  }
  if (root !== undefined) {
    const shown = [
      ...images.flatMap((image, i) => (image.file ? [{ ref: image.file, file: image.file, at: read.locate(['images', i, 'file']) }] : [])),
      ...bodyResult.images.map((image) => ({ ref: image.url, file: image.path, at: { line: image.line, column: image.column } })),
    ].map(({ ref, file, at }) => ({ ref, file, at, path: imagePath(file, path) }));
    result.publishable = fields.draft !== true;
    result.photos = shown.map((image) => image.path);
    result.images = shown.filter(({ ref, file, at }) => {
      const problem = imageProblem(ref, path, root, file);
      if (problem) add('image', at, problem);
      return problem === undefined;
    });
  }
  return result;
}

function checkEdition(path: string, display: string, bytes: Uint8Array, root: string): Checked {
  const read = readEdition(display, bytes);
  const id = toPosix(relative(root, path)).replace(/\.yaml$/, '');
  const fields = read.fields ?? {};
  const result: Checked = {
    path,
    display,
    problems: read.problems,
    locate: read.locate,
    read: { display, problems: [...read.problems], data: read.data, publishedYaml: read.publishedYaml },
  };
  // An edition.yaml with errors is still this folder's edition: its pages are used when they are valid.
  result.placement = { id, data: { date: fields.date, pages: fields.pages }, filePath: display };
  if (read.data) result.edition = { id, data: read.data, filePath: display };
  // Each 版's page PDF and page image: their file rules now, the page images decoded with the photos.
  if (fields.pages) {
    const add = (rule: string, at: Position, message: string, severity: Severity = 'error') =>
      result.problems.push({ file: display, line: at.line, column: at.column, rule, severity, message });
    result.pageFiles = pageFilesOf(path, root, fields.pages, read.locate, add);
    result.images = result.pageFiles.flatMap((p) => (p.image ? [{ ref: p.image.name, path: p.image.path, at: p.image.at }] : []));
  }
  return result;
}

/**
 * Checks files and folders: every file of a folder the content door reads (articles, edition.yaml, the photos
 * they show) and every file it refuses or does not read that a reporter may expect it to (src/lib/content/files.ts).
 * The edition.yaml, the articles and the photos of each edition a file belongs to are read as well, for the
 * edition rules, but only the files asked for (and their edition.yaml) are reported on.
 */
export function checkPaths(paths: readonly string[], options: CheckOptions): CheckResult {
  const problems: Problem[] = [];
  const contentDir = options.contentDir === undefined ? undefined : resolve(options.cwd, options.contentDir);
  /** Absolute path → what it is, with its content folder. */
  const targets = new Map<string, { root: string; entry: ContentEntry }>();
  const locationError = (path: string, message: string, severity: Severity = 'error') =>
    problems.push({ file: toDisplay(options.cwd, path), line: 1, column: 1, rule: 'location', severity, message });
  for (const p of paths) {
    const path = resolve(options.cwd, p);
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      locationError(path, '找不到这个文件或文件夹');
      continue;
    }
    if (stat.isDirectory()) {
      // Each file is then placed in its own content folder: a folder checked may hold several, or be above one.
      const walked = contentRootOf(path, true, contentDir);
      for (const { path: rel } of walkContent(walked, toPosix(relative(walked, path)))) {
        const file = join(walked, rel);
        const root = contentRootOf(file, false, contentDir);
        const entry = classifyFile(root, file);
        if (entry.file.kind !== 'ignored') targets.set(file, { root, entry });
      }
    } else {
      const root = contentRootOf(path, false, contentDir);
      const entry = classifyFile(root, path);
      // A file named on the command line that the site does not read is an error, not a warning.
      const { kind } = entry.file;
      if (kind === 'unread' || kind === 'ignored' || kind === 'photo' || kind === 'page-pdf') {
        const message =
          kind === 'unread'
            ? entry.file.message
            : kind === 'ignored'
              ? '这个文件不会被网站读取（以 _ 或 . 开头的文件和编辑器的临时文件都不发布）'
              : kind === 'page-pdf'
                ? '只能检查 .md 稿件和 edition.yaml（版面 PDF 随它所在那一期的 edition.yaml 一起检查）'
                : '只能检查 .md 稿件和 edition.yaml';
        locationError(path, message);
        continue;
      }
      targets.set(path, { root, entry });
    }
  }

  // What was asked for (a file named, or found in a folder named), before the editions of the files are added.
  const asked = new Set(targets.keys());
  // Each edition a target belongs to is checked whole for the cross-file rules; its edition.yaml is reported on.
  const context = new Map(targets);
  const folders = new Map<string, string>();
  for (const [path, { root, entry }] of targets) {
    if (entry.file.kind === 'article' || entry.file.kind === 'edition' || entry.file.kind === 'photo') folders.set(dirname(path), root);
  }
  for (const [folder, root] of folders) {
    for (const entry of walkContent(root, toPosix(relative(root, folder)))) {
      const path = join(root, entry.path);
      if (!context.has(path)) context.set(path, { root, entry });
      if (entry.file.kind === 'edition') targets.set(path, { root, entry });
    }
  }

  const checked: Checked[] = [];
  const photos: { path: string; root: string }[] = [];
  const pagePdfs: string[] = [];
  for (const [path, { root, entry }] of [...context].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const display = toDisplay(options.cwd, path);
    const reported = targets.has(path);
    const file: ContentFile = entry.file;
    if (file.kind === 'refused') {
      if (reported) locationError(path, file.message);
    } else if (file.kind === 'unread') {
      if (reported) locationError(path, file.message, 'warning');
    } else if (file.kind === 'photo') {
      photos.push({ path, root });
    } else if (file.kind === 'page-pdf') {
      pagePdfs.push(path);
    } else if (file.kind === 'article' || file.kind === 'edition') {
      const bytes = readFileSync(path);
      const one = file.kind === 'article' ? checkArticle(path, display, bytes, root) : checkEdition(path, display, bytes, root);
      checked.push(one);
      options.reads?.set(display, { digest: readDigest(bytes), read: one.read! });
    }
  }

  const byDisplay = new Map(checked.map((c) => [c.display, c]));
  const articles = checked.filter((c) => c.path.endsWith('.md') && c.placement);
  const editions = checked.filter((c) => !c.path.endsWith('.md') && c.placement);
  const reported = (c: Checked | undefined): c is Checked => c !== undefined && targets.has(c.path);
  for (const p of editionProblems(
    articles.map((c) => c.placement as ArticlePlacement),
    editions.map((c) => c.placement as EditionPlacement),
  )) {
    const file = byDisplay.get(p.file);
    if (!file) continue;
    const at = p.field === 'location' ? { line: 1, column: 1 } : file.locate([p.field]);
    file.problems.push({ file: p.file, ...at, rule: p.field, severity: 'error', message: p.message });
    // A clash is said on the later file; when only the other one is checked, it is said there.
    const other = p.clash && byDisplay.get(p.clash.file);
    if (p.clash && reported(other) && !reported(file)) {
      other.problems.push({
        file: other.display,
        ...other.locate(['order']),
        rule: 'order',
        severity: 'error',
        message: clashMessage(p.file, p.clash.page, p.clash.order, p.clash.free),
      });
    }
  }

  // An edition's date, its folder's (and the date field's where it differs), from 1949-10-01 to the end of next year.
  for (const c of [...articles, ...editions]) {
    const { id, data } = c.placement!;
    const folderDate = c.path.endsWith('.md') ? parseArticleId(id)?.date : editionDateFromId(id);
    const folderProblem = folderDate === undefined ? undefined : editionDateProblem(folderDate, options.today);
    if (folderProblem !== undefined) {
      const onField = data.date === folderDate;
      const at = onField ? c.locate(['date']) : { line: 1, column: 1 };
      c.problems.push({
        file: c.display,
        ...at,
        rule: onField ? 'date' : 'location',
        severity: 'error',
        message: onField ? folderProblem : `所在文件夹的${folderProblem}`,
      });
    }
    const fieldProblem = data.date === undefined || data.date === folderDate ? undefined : editionDateProblem(data.date, options.today);
    if (fieldProblem !== undefined)
      c.problems.push({ file: c.display, ...c.locate(['date']), rule: 'date', severity: 'error', message: fieldProblem });
  }

  // 责任编辑: every article of an edition being made (today's or later) names its responsible editor, its own or its
  // 版's (edition.yaml's `editor`). The archive, made before the rule, is shown without one where it has none.
  const editionOf = new Map(editions.map((c) => [dirname(c.path), c]));
  for (const c of articles) {
    const data = c.article?.data;
    const edition = editionOf.get(dirname(c.path))?.edition;
    if (!data || data.editor !== undefined || !edition || options.today === undefined || data.date < options.today) continue;
    if (edition.data.pages.find((p) => p.number === data.page)?.editor !== undefined) continue;
    c.problems.push({
      file: c.display,
      ...c.locate(['page']),
      rule: 'editor',
      severity: 'error',
      message: `没有责任编辑\uFF1A请在 edition.yaml 第 ${data.page} 版写上 editor: 姓名\uFF08本版稿件都用它\uFF09\uFF0C或在稿件里写 editor: 姓名`,
    });
  }

  // An edition with no published article is not published (src/lib/edition.ts): say so on its edition.yaml.
  const published = new Set(articles.filter((c) => c.publishable).map((c) => dirname(c.path)));
  for (const c of editions) {
    if (c.edition && !published.has(dirname(c.path))) {
      c.problems.push({
        file: c.display,
        line: 1,
        column: 1,
        rule: 'location',
        severity: 'warning',
        message: '这一期还没有可发布的稿件（没有稿件，或全是草稿），不会发布',
      });
    }
  }
  // An edition prepared ahead is published on its date (src/lib/content/edition-dates.ts): the scripts say so.
  const preparedAhead = editions
    .filter(
      (c) =>
        targets.has(c.path) && c.edition && published.has(dirname(c.path)) && isPreparedAhead({ date: c.edition.data.date }, options.today),
    )
    .map((c) => c.edition!.data.date)
    .sort();

  // A photo no published article shows is not published: say so, it may be the one the reporter meant to use. A
  // 版's page image (edition.yaml's image:) is not a photo of an article. A PDF no 版 names is not read at all.
  const namedByEdition = (field: 'pdfName' | 'imageName') =>
    new Set(editions.flatMap((c) => (c.pageFiles ?? []).flatMap((p) => (p[field] ? [join(dirname(c.path), p[field])] : []))));
  const shown = new Set([...articles.filter((c) => c.publishable).flatMap((c) => c.photos ?? []), ...namedByEdition('imageName')]);
  for (const { path } of photos) {
    if (targets.has(path) && !shown.has(path)) locationError(path, '没有已发布的稿件使用这张图片\uFF0C它不会发布', 'warning');
  }
  const namedPdfs = namedByEdition('pdfName');
  for (const path of pagePdfs) {
    if (targets.has(path) && !namedPdfs.has(path)) locationError(path, epaperMessages.pdfUnnamed(basename(path)), 'warning');
  }

  // Slugs differing only in case are one URL on a case-insensitive disk (a reporter's laptop).
  const seen = new Map<string, Checked>();
  for (const c of checked.filter((x) => x.path.endsWith('.md'))) {
    const key = join(dirname(c.path), basename(c.path).toLowerCase());
    const first = seen.get(key);
    if (first)
      c.problems.push({
        file: c.display,
        line: 1,
        column: 1,
        rule: 'slug',
        severity: 'error',
        message: `文件名与 ${first.display} 只差大小写`,
      });
    else seen.set(key, c);
  }

  // The photos of the files reported on, each decoded once however many articles show it.
  const shownBy = checked.filter((c) => targets.has(c.path)).flatMap((c) => (c.images ?? []).map((image) => ({ c, image })));
  const probes = probeImages([...new Set(shownBy.map(({ image }) => image.path))]);
  for (const { c, image } of shownBy) {
    const message = decodedImageProblem(image.ref, probes.get(image.path)!);
    if (message)
      c.problems.push({ file: c.display, line: image.at.line, column: image.at.column, rule: 'image', severity: 'error', message });
  }

  // The e-paper: page PDFs opened, the 版 asked about read and their articles located, hand-given areas held to their page.
  epaperProblems(
    editions,
    articles.map((c) => ({ ...c, id: c.placement!.id, fields: c.fields ?? {}, body: c.read && 'body' in c.read ? c.read.body : '' })),
    {
      reported: (path) => targets.has(path),
      asked: (path) => asked.has(path),
      imageSize: (path) => {
        const probe = probes.get(path);
        return probe?.ok ? probe : undefined;
      },
      cacheDir: options.epaperCacheDir ?? resolve(options.cwd, settings.epaperCacheDir),
    },
  );

  for (const c of checked) if (targets.has(c.path)) problems.push(...c.problems);
  const lists = [...targets].filter(
    ([path, { entry }]) => entry.file.kind === 'site-list' && [REDIRECTS_FILE, PUBLISHED_URLS_FILE].includes(basename(path)),
  );
  // Both lists are held against the pages their folder builds: worked out once per folder.
  const pagesByRoot = new Map<string, SitePages>();
  const pagesFor = (root: string) => pagesByRoot.get(root) ?? pagesByRoot.set(root, pagesOf(root, options, checked)).get(root)!;
  for (const [path, { root }] of lists) {
    const display = toDisplay(options.cwd, path);
    const pages = () => pagesFor(root);
    problems.push(
      ...(basename(path) === REDIRECTS_FILE ? checkRedirects(path, display, pages) : checkPublishedUrls(path, display, root, pages)),
    );
  }
  const files = [...targets.values()].filter(({ entry }) => ['article', 'edition', 'refused'].includes(entry.file.kind)).length;
  return { files: files + lists.length, problems: problems.sort(compareProblems), preparedAhead };
}

/**
 * A content folder's redirects.yaml: its own problems and, against the pages that folder's content builds,
 * redirects that would hide a live page or lead nowhere.
 */
function checkRedirects(path: string, display: string, pages: () => SitePages): Problem[] {
  const read = readContentText(path, MAX_REDIRECTS_BYTES);
  if (read === undefined) return [];
  if (!read.ok) return [errorAt(display, read.error)];
  return redirectProblems(read.text, display, pages());
}

/** The problem a file that cannot be read at all gives. */
function errorAt(display: string, error: SourceError): Problem {
  return { file: display, line: error.line, column: error.column, rule: error.rule, severity: 'error', message: error.message };
}

/** A content folder's published-urls.txt: every URL once published must still lead to a page, or be redirected. */
function checkPublishedUrls(path: string, display: string, root: string, pages: () => SitePages): Problem[] {
  const decoded = readContentText(path, MAX_PUBLISHED_URLS_BYTES);
  if (decoded === undefined) return [];
  if (!decoded.ok) return [errorAt(display, decoded.error)];
  // Never through a link (the walk reports one as an error of its own). A broken redirects.yaml is reported on
  // itself; its well-formed entries still count here.
  const redirectsText = readContentText(join(root, REDIRECTS_FILE), MAX_REDIRECTS_BYTES);
  const redirects = redirectsText?.ok ? parseRedirectList(redirectsText.text, REDIRECTS_FILE).redirects : [];
  return vanishedUrlProblems(decoded.text, display, pages().isPage, redirects);
}

/** The pages the content under `contentRoot` builds (see builtPages): articles already checked are reused, the others read quietly. */
function pagesOf(contentRoot: string, options: CheckOptions, checked: readonly Checked[]): SitePages {
  const byPath = new Map(checked.map((c) => [c.path, c]));
  type Page = { id: string; kind: 'article' | 'edition'; article?: Checked['article']; edition?: EditionEntry | undefined };
  const all = walkContent(contentRoot).flatMap(({ path: rel, file }): Page[] => {
    if (file.kind !== 'article' && file.kind !== 'edition') return [];
    const path = join(contentRoot, rel);
    const known = byPath.get(path);
    if (known) return [{ id: file.id, kind: file.kind, article: known.article, edition: known.edition }];
    const display = toDisplay(options.cwd, path);
    if (file.kind === 'edition') {
      const data = readEdition(display, readFileSync(path)).data;
      return [{ id: file.id, kind: file.kind, edition: data && { id: file.id, data, filePath: display } }];
    }
    const data = readArticle(display, readFileSync(path)).data;
    return [{ id: file.id, kind: file.kind, article: data && { id: file.id, data, filePath: display } }];
  });
  const articles = all.flatMap((c) => (c.article ? [c.article] : []));
  const pages = builtPages(
    articles,
    all.flatMap((c) => (c.edition ? [c.edition] : [])),
    { bylineRecord: bylineRecordOf(contentRoot), today: options.today },
  );
  // An article with errors of its own, or left out for breaking the edition rules (reported on it), may well be
  // published once fixed: a redirect to it is not reported as leading nowhere, and one from it still as hiding it.
  const mayBePublished = new Set([
    ...all.filter((c) => c.kind === 'article' && !c.article).map((c) => articlePath(c.id)),
    ...articles.filter((a) => isPublished(a.data, options.today)).map((a) => articlePath(a.id)),
  ]);
  const ahead = new Map(articles.filter((a) => isPreparedAhead(a.data, options.today)).map((a) => [articlePath(a.id), a.data.date]));
  return { isPage: (p) => pages.isPage(p) || mayBePublished.has(p), preparedAhead: (p) => ahead.get(p) };
}

/** The published person pages' record, or none when it cannot be read (the build reports that on the record). */
function bylineRecordOf(contentRoot: string): Map<string, string> {
  try {
    return readBylineRecord(contentRoot, '.');
  } catch {
    return new Map();
  }
}
