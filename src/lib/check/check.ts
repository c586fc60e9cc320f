// The content checker: validates article and edition files with the site's schema and edition rules, plus what a
// schema cannot express (file names, images, unsafe Markdown), and reports every problem with file, line and column.
// Used by `npm run check`, `npm run new` and the build (src/integrations/content-check.ts).
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { editionProblems, type ArticleEntry, type EditionEntry } from '../edition.ts';
import { articleSchema, editionSchema, type Article } from '../schema.ts';
import { isValidSlug, slugFromHeadline } from '../slug.ts';
import { imageProblem } from './images.ts';
import { BODY_PLACEHOLDER, checkBody } from './markdown.ts';
import { compareProblems, type Position, type Problem, type Severity } from './problem.ts';
import { validate } from './schema-issues.ts';
import { decodeSource, splitFrontmatter } from '../content/source.ts';
import { nameNormalizations } from '../content/text.ts';
import { parseYaml } from '../content/yaml.ts';
import { EDITION_FILE } from '../content-files.ts';

/** A long feature is some 10,000 characters (30 KB); ten times that is not an article. */
export const MAX_ARTICLE_BYTES = 256 * 1024;
export const MAX_EDITION_BYTES = 64 * 1024;


export interface CheckOptions {
  /** Paths in problems are relative to this folder (the repository root for the CLI and the build). */
  cwd: string;
}

export interface CheckResult {
  /** How many files were checked (the summary line). */
  files: number;
  problems: Problem[];
}

export interface Checked {
  path: string;
  display: string;
  problems: Problem[];
  locate: (path: readonly PropertyKey[]) => Position;
  article?: ArticleEntry & { data: Article };
  edition?: EditionEntry;
  /** edition.yaml exists but could not be read as an edition: its folder's articles skip the edition rules. */
  brokenEdition?: boolean;
}

function toDisplay(cwd: string, path: string): string {
  return relative(cwd, path).split(sep).join('/');
}

/** The folder above content/YYYY/MM/DD/ (content/), or undefined when the file is not in a dated folder. */
function contentBaseOf(path: string): string | undefined {
  const parts = dirname(path).split(sep);
  const [y, m, d] = parts.slice(-3);
  if (parts.length < 4 || !/^\d{4}$/.test(y ?? '') || !/^\d{2}$/.test(m ?? '') || !/^\d{2}$/.test(d ?? '')) return undefined;
  return parts.slice(0, -3).join(sep) || sep;
}

/** Entry id the way the site's loader makes it: `2022/04/19/slug`, `2022/04/19/edition`. */
function idOf(path: string): string {
  const base = contentBaseOf(path);
  const id = base === undefined ? basename(path) : relative(base, path).split(sep).join('/');
  return id.replace(/\.(md|ya?ml)$/, '');
}

/** One article file's own problems (not the edition rules, which need its siblings). */
export function checkArticle(path: string, display: string, bytes: Uint8Array): Checked {
  const problems: Problem[] = [];
  const add = (rule: string, at: Position, message: string, severity: Severity = 'error') =>
    problems.push({ file: display, line: at.line, column: at.column, rule, severity, message });
  const top = { line: 1, column: 1 };
  const result: Checked = { path, display, problems, locate: () => top };

  if (bytes.length > MAX_ARTICLE_BYTES) {
    add('size', top, `文件太大\uFF08${Math.round(bytes.length / 1024)} KB\uFF0C最多 ${MAX_ARTICLE_BYTES / 1024} KB\uFF09`);
    return result;
  }
  const decoded = decodeSource(bytes);
  if (!decoded.ok) {
    add(decoded.error.rule, decoded.error, decoded.error.message);
    return result;
  }
  const split = splitFrontmatter(decoded.text);
  if (!split.ok) {
    add(split.error.rule, split.error, split.error.message);
    return result;
  }
  const { yaml, yamlLine, body, bodyLine } = split.value;

  const slug = basename(path).replace(/\.md$/, '');
  const parsed = parseYaml(yaml, yamlLine, top, '头部信息');
  result.locate = (p) => parsed.locate(p);
  for (const issue of parsed.issues) add(issue.rule, issue, issue.message);
  let data: Article | undefined;
  if (parsed.data !== undefined) {
    const valid = validate(articleSchema, parsed.data, parsed.locate);
    if (valid.ok) data = valid.data;
    else for (const p of valid.problems) add(p.rule, p, p.message);
    // The schema normalises names silently; the reporter should still retype one that needed it.
    for (const n of nameNormalizations(parsed.data, parsed.locate)) add(n.field, n, n.message, 'warning');
  }

  if (!isValidSlug(slug)) {
    const suggestion = data ? `\uFF0C例如「${slugFromHeadline(data.title)}.md」` : '';
    add('slug', top, `文件名「${basename(path)}」不合要求\uFF1A只能用小写拼音字母、数字和连字符\uFF08标题的拼音\uFF09${suggestion}`);
  }

  const contentBase = contentBaseOf(path);
  if (data && contentBase !== undefined) {
    data.images.forEach((image, i) => {
      const problem = image.file === undefined ? undefined : imageProblem(image.file, path, contentBase);
      if (problem) add('image', parsed.locate(['images', i, 'file']), problem);
    });
  }

  const bodyResult = checkBody(body, bodyLine);
  for (const p of bodyResult.problems) add(p.rule, p, p.message);
  for (const image of bodyResult.images) {
    const problem = contentBase === undefined ? undefined : imageProblem(image.url, path, contentBase);
    if (problem) add('image', image, problem);
  }
  if (body.trim() === '' && !(data && data.images.length > 0)) {
    add('body', { line: bodyLine, column: 1 }, '正文是空的', 'warning');
  }
  const placeholder = body.indexOf(BODY_PLACEHOLDER);
  if (placeholder > -1) {
    add('body', { line: bodyLine + body.slice(0, placeholder).split('\n').length - 1, column: 1 }, '这里还是模板里的提示文字\uFF0C请换成正文', 'warning');
  }

  if (data) result.article = { id: idOf(path), data, filePath: display };
  return result;
}

function checkEdition(path: string, display: string, bytes: Uint8Array): Checked {
  const problems: Problem[] = [];
  const add = (rule: string, at: Position, message: string) => problems.push({ file: display, line: at.line, column: at.column, rule, severity: 'error', message });
  const top = { line: 1, column: 1 };
  const result: Checked = { path, display, problems, locate: () => top, brokenEdition: true };
  if (bytes.length > MAX_EDITION_BYTES) {
    add('size', top, `文件太大\uFF08最多 ${MAX_EDITION_BYTES / 1024} KB\uFF09`);
    return result;
  }
  const decoded = decodeSource(bytes);
  if (!decoded.ok) {
    add(decoded.error.rule, decoded.error, decoded.error.message);
    return result;
  }
  const parsed = parseYaml(decoded.text, 1, top, '版期信息');
  result.locate = (p) => parsed.locate(p);
  for (const issue of parsed.issues) add(issue.rule, issue, issue.message);
  if (parsed.data === undefined) return result;
  const valid = validate(editionSchema, parsed.data, parsed.locate);
  if (!valid.ok) {
    for (const p of valid.problems) add(p.rule, p, p.message);
    return result;
  }
  result.edition = { id: idOf(path), data: valid.data, filePath: display };
  delete result.brokenEdition;
  return result;
}

/** Files the site never reads although a reporter may expect it to. */
function unreadName(name: string): string | undefined {
  if (/\.(markdown|mdown|mkd|mdx|MD|Md|mD)$/.test(name)) return `稿件的扩展名必须是小写的 .md\uFF0C「${name}」不会被网站读取`;
  if (/^edition\.(yml|YAML|yaml\.txt)$/.test(name)) return `版期信息文件必须叫 edition.yaml\uFF0C「${name}」不会被网站读取`;
  return undefined;
}

/** Files under `dir` the site loads (found), and files it skips that a reporter may not expect it to (ignored). */
function walk(dir: string, found: string[], ignored: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, found, ignored);
    else if (entry.name === EDITION_FILE || (entry.name.endsWith('.md') && !entry.name.startsWith('_'))) found.push(path);
    else if (unreadName(entry.name)) ignored.push(path);
  }
}

/**
 * Checks files and folders (folders: every `*.md` not starting with `_`, and every edition.yaml, as the site
 * loads them). The edition.yaml and the other articles of each edition a file belongs to are read as well, for
 * the edition rules, but only the files asked for (and their edition.yaml) are reported on.
 */
export function checkPaths(paths: readonly string[], options: CheckOptions): CheckResult {
  const problems: Problem[] = [];
  const targets = new Set<string>();
  const ignored: string[] = [];
  for (const p of paths) {
    const path = resolve(options.cwd, p);
    if (!existsSync(path)) {
      problems.push({ file: toDisplay(options.cwd, path), line: 1, column: 1, rule: 'location', severity: 'error', message: '找不到这个文件或文件夹' });
    } else if (statSync(path).isDirectory()) {
      const found: string[] = [];
      walk(path, found, ignored);
      for (const f of found) targets.add(f);
    } else {
      targets.add(path);
    }
  }
  // Each edition a target belongs to is checked whole for the cross-file rules; its edition.yaml is reported on.
  const folders = new Set([...targets].filter((t) => contentBaseOf(t) !== undefined).map((t) => dirname(t)));
  for (const folder of folders) {
    const edition = join(folder, EDITION_FILE);
    if (existsSync(edition)) targets.add(edition);
  }
  const context = new Set(targets);
  for (const folder of folders) {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (!entry.isDirectory() && entry.name.endsWith('.md') && !entry.name.startsWith('_')) context.add(join(folder, entry.name));
    }
  }

  const checked: Checked[] = [];
  for (const path of [...context].sort()) {
    const display = toDisplay(options.cwd, path);
    const name = basename(path);
    if (name !== EDITION_FILE && !name.endsWith('.md')) {
      problems.push({ file: display, line: 1, column: 1, rule: 'location', severity: 'error', message: unreadName(name) ?? '只能检查 .md 稿件和 edition.yaml' });
      continue;
    }
    if (lstatSync(path).isSymbolicLink()) {
      if (targets.has(path)) problems.push({ file: display, line: 1, column: 1, rule: 'location', severity: 'error', message: '稿件和版期信息不能是符号链接\uFF0C请放入文件本身' });
      continue;
    }
    const bytes = readFileSync(path);
    checked.push(name === EDITION_FILE ? checkEdition(path, display, bytes) : checkArticle(path, display, bytes));
  }
  for (const path of ignored) {
    problems.push({ file: toDisplay(options.cwd, path), line: 1, column: 1, rule: 'location', severity: 'warning', message: unreadName(basename(path))! });
  }

  const byDisplay = new Map(checked.map((c) => [c.display, c]));
  const brokenFolders = new Set(checked.filter((c) => c.brokenEdition).map((c) => dirname(c.path)));
  const articles = checked.filter((c) => c.article && !basename(c.path).startsWith('_') && !brokenFolders.has(dirname(c.path)));
  const editions = checked.flatMap((c) => (c.edition ? [c.edition] : []));
  for (const p of editionProblems(
    articles.map((c) => c.article!),
    editions,
  )) {
    const file = byDisplay.get(p.file);
    if (!file) continue;
    const at = p.field === 'location' ? { line: 1, column: 1 } : file.locate([p.field]);
    file.problems.push({ file: p.file, ...at, rule: p.field, severity: 'error', message: p.message });
  }

  // Slugs differing only in case are one URL on a case-insensitive disk (a reporter's laptop).
  const seen = new Map<string, Checked>();
  for (const c of checked.filter((x) => x.path.endsWith('.md'))) {
    const key = join(dirname(c.path), basename(c.path).toLowerCase());
    const first = seen.get(key);
    if (first) c.problems.push({ file: c.display, line: 1, column: 1, rule: 'slug', severity: 'error', message: `文件名与 ${first.display} 只差大小写` });
    else seen.set(key, c);
  }

  for (const c of checked) if (targets.has(c.path)) problems.push(...c.problems);
  return { files: [...targets].length, problems: problems.sort(compareProblems) };
}
