// What the content checker reports: one located problem per line, like a compiler, with a stable rule id.

export type Severity = 'error' | 'warning';

export interface Problem {
  /** Path as the reporter typed it or as found under the checked folder, with forward slashes. */
  file: string;
  /** 1-based line of the offending frontmatter field or Markdown node. */
  line: number;
  /** 1-based column (UTF-16 code units, as editors count). */
  column: number;
  rule: string;
  severity: Severity;
  message: string;
}

/**
 * Rule ids other than the frontmatter fields. A schema problem's rule is the top-level field it is about
 * (`county`, `date`, `images` …, the keys of articleSchema and editionSchema), so the ids below plus those
 * field names are the complete, stable list.
 */
export const ruleDescriptions = {
  encoding: 'the file is not valid UTF-8',
  size: 'the file (or its frontmatter) is larger than the limit',
  'frontmatter-missing': 'the file does not start with a --- line',
  'frontmatter-engine': 'the frontmatter names an engine (---js, +++ TOML …): only YAML is accepted, nothing is run',
  'frontmatter-unclosed': 'no closing --- line, or the closing line is not exactly ---',
  'frontmatter-type': 'the frontmatter is empty or not a set of `field: value` lines',
  'yaml-syntax': 'YAML that does not parse',
  'yaml-duplicate-key': 'a field written twice',
  'yaml-alias': 'YAML anchors and aliases (& and *), refused outright (alias bombs)',
  'yaml-tag': 'explicit YAML tags (!!str, !foo), refused',
  'yaml-depth': 'nesting deeper than any field needs',
  'unknown-field': 'a field the schema does not have',
  location: 'an article outside a content/YYYY/MM/DD/ folder, a file the site will not read, or a symlink',
  slug: 'a file name that is not a valid URL slug, or collides with another',
  image:
    'an image (in any Markdown form) that is missing, outside its edition folder, on another site, an SVG or of the wrong type, too large (bytes or pixels), truncated or corrupt, or written with a query, fragment or broken escape',
  html: 'raw HTML in the body (dropped by the build; script, iframe, on* and style named as such)',
  url: 'a link or image URL with a scheme the site strips (javascript:, data:, vbscript: …)',
  body: 'an empty body, or the scaffold placeholder still in it (warning)',
  redirects:
    'redirects.yaml: not a list of { from, to } site paths, a path off the site, a duplicate or chained redirect, a redirect hiding a live page or leading to a missing one',
  'published-urls': 'published-urls.txt: a URL once published that no longer leads to an article and is not redirected',
  'control-character': 'a control character (other than tab and line break) or a bidirectional override in the body',
  'markdown-depth': 'block quotes, lists or formatting nested deeper than any article needs (refused before parsing)',
  epaper:
    "a 版's page PDF (edition.yaml's pdf:) that is missing, a link or a folder, over the size limit, not a PDF, encrypted or broken, or of more than one page (warning); the locator's findings on a page (warnings): text it cannot read, an article it cannot find, text of no article",
  'markdown-cost':
    'Markdown whose build cost grows much faster than its bytes: a table too wide or with too many cells, too many emphasis delimiters in one paragraph, too many footnotes',
} as const satisfies Record<string, string>;

export type RuleId = keyof typeof ruleDescriptions;

/**
 * Control characters (a newline in a YAML value, in a file name) shown as \uXXXX: one problem is always one line,
 * and no content can start a line of its own, which CI logs would read as a command (`::error::`).
 */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `content/2022/04/19/foo.md:5:9 error county: 未知的县区「张家囗市」，是否为「张家口市」？` */
export function formatProblem(p: Problem): string {
  return `${oneLine(p.file)}:${p.line}:${p.column} ${p.severity} ${p.rule}: ${oneLine(p.message)}`;
}

/** The closing line: how many files were checked and what was found. */
export function formatSummary(problems: readonly Problem[], fileCount: number): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (problems.length === 0) return `检查了 ${fileCount} 个文件\uFF0C没有发现问题。`;
  const parts = [`${errors} 个错误`, ...(warnings > 0 ? [`${warnings} 个警告`] : [])];
  return `检查了 ${fileCount} 个文件\uFF1A${parts.join('\uFF0C')}${errors > 0 ? '\uFF0C请按上面的提示修改后再提交。' : '。'}`;
}

/** The note on an edition prepared ahead (src/lib/content/edition-dates.ts), after the summary: not a problem. */
export function preparedAheadNote(date: string): string {
  return `提示\uFF1A${date} 这一期是提前准备的\uFF0C将于当天零点\uFF08北京时间\uFF09自动发布\uFF0C在此之前不会出现在网站上\uFF08npm run dev 的预览里能看到\uFF09。`;
}

/** By file, then position, then rule: stable output for the same content. */
export function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** Where a position is known only as an offset into the text: 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}
