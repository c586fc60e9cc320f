// Rules for an article's Markdown body, located in the file: control characters and bidirectional overrides (typed, or
// written as character references: character-references.ts), nesting
// too deep to parse safely, raw HTML (which the build drops, with script, iframe, event handlers and style named as
// such), link and image URLs the sanitizer strips, and the local images the body shows (checked for existence by
// images-fs.ts). Parsed like Astro parses it: remark-parse + GFM.
import type { Nodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { findBodyImages, type FoundImage } from '../content/body-images.ts';
import { forbiddenCharacters } from '../content/text.ts';
import { characterReferenceProblems, rememberCharacterReferences } from './character-references.ts';
import { MAX_MARKDOWN_DEPTH, tooDeep } from './markdown-depth.ts';
import { costProblems, MAX_DELIMITER_RUNS, tooManyDelimiters } from './markdown-cost.ts';
import type { Position, RuleId } from '../content/problem.ts';
import { allowedProtocols, checkUrl } from './safe-url.ts';

/** The body `npm run new` writes; still there means the article was never written (a warning). */
export const BODY_PLACEHOLDER = '在这里写正文\uFF0C段与段之间空一行。';

const parser = unified().use(remarkParse).use(remarkGfm).use(rememberCharacterReferences).freeze();

/** A body full of control characters is one mistake: the first few are located, the rest not repeated. */
const MAX_CHARACTER_PROBLEMS = 10;
/**
 * Deepest syntax tree the checker walks: containers within MAX_MARKDOWN_DEPTH take at most twice that (a list and
 * its item per level), and inline formatting a few more; deeper is emphasis or links nested by the hundred.
 */
const MAX_TREE_DEPTH = 4 * MAX_MARKDOWN_DEPTH;

export interface BodyProblem extends Position {
  rule: RuleId;
  message: string;
}

export interface BodyImage extends Position {
  /** The address as written (for messages). */
  url: string;
  /** The file it names, relative to the article, as the build imports it (src/lib/content/body-images.ts). */
  path: string;
}

/** What makes a piece of raw HTML dangerous, most dangerous first; the match is where the error points. */
const HTML_DANGERS: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/<script\b/i, () => '正文不能包含 <script> 脚本'],
  [/<(iframe|frame|frameset|object|embed|applet|base|meta|link|form)\b/i, (m) => `正文不能包含 <${m[1]!.toLowerCase()}> 标签`],
  [/[\s/"'](on[a-z]+)\s*=/i, (m) => `HTML 事件属性「${m[1]}」会执行代码`],
  [/\s*(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*(?:javascript|vbscript|data)\s*:/i, () => 'HTML 里的链接会执行代码'],
  [/<style\b|[\s/"']style\s*=/i, () => '正文不能用 style 设置样式'],
];

/** One HTML comment and nothing after it. A browser closes `<!--` followed by `>` or `->` at once: not a comment here. */
const COMMENT = /^<!--(?!-?>)(?:(?!--!?>)[\s\S])*--!?>\s*$/;
const CLOSING_TAG = /^<\/[A-Za-z][^<>]*>$/;

function shorten(text: string, max = 40): string {
  const chars = [...text.replace(/\s+/g, ' ')];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max).join('')}…`;
}

/** Line and column of `offset` in `text`, whose first line is line `firstLine` of the file. */
function positionIn(text: string, offset: number, firstLine: number): Position {
  let line = firstLine;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i > -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function htmlProblem(value: string): { index: number; message: string } | undefined {
  if (COMMENT.test(value) || CLOSING_TAG.test(value.trim())) return undefined;
  const suffix = '\uFF1B正文里的 HTML 代码发布时会被整段删除\uFF0C请只用 Markdown 格式';
  for (const [pattern, describe] of HTML_DANGERS) {
    const m = pattern.exec(value);
    if (m) return { index: m.index + m[0].search(/\S/), message: describe(m) + suffix };
  }
  const tag = /<[^>]*>?/.exec(value)?.[0] ?? value;
  return { index: Math.max(0, value.indexOf(tag)), message: `正文不能包含 HTML 代码「${shorten(tag, 30)}」${suffix}` };
}

function urlProblem(url: string, property: 'href' | 'src'): string | undefined {
  const verdict = checkUrl(url, property);
  if (verdict.ok) return undefined;
  const what = property === 'src' ? '图片地址' : '链接';
  if (verdict.executable) return `${what}「${shorten(url)}」会在读者的浏览器里执行代码\uFF0C不允许使用`;
  const allowed = allowedProtocols[property].join('、');
  return `${what}「${shorten(url)}」的协议「${verdict.scheme}:」不可用\uFF1A只能用 ${allowed}\uFF08小写\uFF09或站内的相对地址\uFF0C否则发布时会被删除`;
}

/** A URL that points at a file next to the article (./photo.jpg), not at a site or an anchor. */
export function isLocalPath(url: string): boolean {
  return url !== '' && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url) && !url.startsWith('//') && !url.startsWith('#');
}

const ADD_PHOTO = '请把图片文件放进稿件所在的文件夹\uFF0C写成 ![图片说明](./photo.jpg)';

/** Why a body image cannot be shown, or undefined for a local file (whose own rules images-fs.ts applies). */
function bodyImageProblem({ url, target }: FoundImage): { rule: RuleId; message: string } | undefined {
  switch (target.kind) {
    case 'local':
      return undefined;
    case 'remote':
      return {
        rule: 'image',
        message: `正文不能直接显示其他网站的图片「${shorten(url)}」\uFF08读者打开时会连到那个网站\uFF0C离线版也看不到\uFF09\uFF1A${ADD_PHOTO}\uFF1B链接到其他网站可以照常写成 [文字](https://…)`,
      };
    case 'invalid':
      switch (target.reason) {
        case 'scheme':
          return { rule: 'url', message: urlProblem(url, 'src') ?? `图片地址「${shorten(url)}」不是图片文件\uFF1A${ADD_PHOTO}` };
        case 'empty':
          return { rule: 'image', message: `图片没有写文件名\uFF1A${ADD_PHOTO}` };
        case 'query':
          return { rule: 'image', message: `图片地址「${shorten(url)}」不能带 ? 或 #\uFF0C只写文件名\uFF0C例如 ./photo.jpg` };
        case 'escape':
          return { rule: 'image', message: `图片地址「${shorten(url)}」里的 % 写法不对\uFF1A请直接写文件名\uFF0C例如 ./photo.jpg` };
        default:
          return {
            rule: 'image',
            message: `图片文件「${shorten(url)}」要写成相对于稿件的路径\uFF0C例如 ./photo.jpg\uFF08图片和稿件放在同一个文件夹\uFF09`,
          };
      }
  }
}

/**
 * Checks a body whose first line is line `firstLine` of the file. Returns problems in document order and the
 * local images the body shows.
 */
export function checkBody(body: string, firstLine: number): { problems: BodyProblem[]; images: BodyImage[] } {
  const problems: BodyProblem[] = [];
  const images: BodyImage[] = [];
  for (const found of forbiddenCharacters(body, 'body').slice(0, MAX_CHARACTER_PROBLEMS)) {
    problems.push({ rule: 'control-character', ...positionIn(body, found.index, firstLine), message: found.message });
  }
  const deep = tooDeep(body);
  if (deep) {
    problems.push({
      rule: 'markdown-depth',
      line: firstLine + deep.lineIndex,
      column: deep.column,
      message: `引用\uFF08>\uFF09或列表\uFF08-、1.\uFF09一层套一层\uFF0C超过了 ${MAX_MARKDOWN_DEPTH} 层\uFF0C网站无法排版\uFF1B请删掉多余的 > 或列表符号`,
    });
    return { problems, images };
  }
  const delimiters = tooManyDelimiters(body);
  if (delimiters) {
    problems.push({
      rule: 'markdown-cost',
      line: firstLine + delimiters.lineIndex,
      column: 1,
      message: `这一段的 *、_、~ 符号太多\uFF08超过 ${MAX_DELIMITER_RUNS} 处\uFF09\uFF0C网站排版会非常慢\uFF1A请删掉多余的符号\uFF0C或把长段落分开`,
    });
    return { problems, images };
  }
  const at = (node: Nodes): Position => {
    const start = node.position?.start;
    return start ? { line: start.line + firstLine - 1, column: start.column } : { line: firstLine, column: 1 };
  };

  let tooDeepReported = false;
  const visit = (node: Nodes, depth: number): void => {
    if (depth > MAX_TREE_DEPTH) {
      if (!tooDeepReported)
        problems.push({
          rule: 'markdown-depth',
          ...at(node),
          message: '正文的格式一层套一层\uFF08加粗、斜体、链接、引用等\uFF09\uFF0C嵌套太深\uFF0C网站无法排版\uFF1B请去掉多余的格式符号',
        });
      tooDeepReported = true;
      return;
    }
    if (node.type === 'html') {
      const found = htmlProblem(node.value);
      if (found) {
        const start = node.position?.start.offset;
        const end = node.position?.end.offset;
        // The value equals the source unless the HTML sits in a blockquote or list (whose markers it lacks).
        const exact = start !== undefined && body.slice(start, end) === node.value;
        problems.push({ rule: 'html', ...(exact ? positionIn(body, start + found.index, firstLine) : at(node)), message: found.message });
      }
    } else if (node.type === 'link' || node.type === 'definition') {
      const message = urlProblem(node.url, 'href');
      if (message) problems.push({ rule: 'url', ...at(node), message });
    }
    if ('children' in node) for (const child of node.children) visit(child, depth + 1);
  };
  try {
    const tree = parser.parse(body);
    visit(tree, 0);
    if (tooDeepReported) return { problems, images };
    for (const p of costProblems(tree, at)) problems.push({ rule: 'markdown-cost', ...p });
    // Every image in every form (inline, and by reference through a definition), as the site's build finds them.
    for (const found of findBodyImages(tree)) {
      const problem = bodyImageProblem(found);
      if (problem) problems.push({ ...problem, ...at(found.node) });
      else if (found.target.kind === 'local') images.push({ url: found.url, path: found.target.path, ...at(found.node) });
    }
    // A character reference (&#x202E;) is refused like the character it stands for, at the reference.
    for (const found of characterReferenceProblems(tree, firstLine)) problems.push({ rule: 'control-character', ...found });
  } catch (error) {
    // The depth limits above should make this unreachable; if the parser still overflows, name the file, not crash.
    if (!(error instanceof RangeError)) throw error;
    problems.push({
      rule: 'markdown-depth',
      line: firstLine,
      column: 1,
      message: '正文的格式太复杂\uFF0C网站无法排版\uFF08Markdown 解析出错\uFF09\uFF1B请检查是否有大量重复的 >、-、*、[ 等符号',
    });
  }
  return { problems, images };
}
