// What `astro dev` shows a reporter about content errors: the current errors of each content file (as the checker
// found them at its last save), the page a file is published at, and the two views of them: the Chinese error page
// served at the broken file's own address and the notice put at the top of every other page. Pure: the dev server
// (src/integrations/content-preview.ts) feeds it the checker's problems and serves what it renders.
import { posix } from 'node:path';
import { classifyContentPath } from '../content/files.ts';
import { escapeHtml } from '../util/html.ts';
import { articlePath, editionPath, homePath, withBase } from '../routing.ts';
import { compareProblems, formatProblem, type Problem } from '../content/problem.ts';

/** The current errors of every content file that has any, replaced folder by folder as files are saved. */
export class ContentProblems {
  readonly #byFile = new Map<string, Problem[]>();

  /**
   * Forgets what was known about the files `inScope` selects (by their path, as problems name them) and records the
   * errors among `problems` (warnings stay in the terminal). Returns whether the errors shown changed.
   */
  update(inScope: (file: string) => boolean, problems: readonly Problem[]): boolean {
    const before = this.#signature();
    for (const file of [...this.#byFile.keys()]) if (inScope(file)) this.#byFile.delete(file);
    for (const problem of problems) {
      if (problem.severity !== 'error') continue;
      const list = this.#byFile.get(problem.file);
      if (list) list.push(problem);
      else this.#byFile.set(problem.file, [problem]);
    }
    return this.#signature() !== before;
  }

  /** Every current error, by file and position. */
  errors(): Problem[] {
    return [...this.#byFile.values()].flat().sort(compareProblems);
  }

  /** The files that have errors. */
  files(): string[] {
    return [...this.#byFile.keys()].sort();
  }

  /** The errors of one file (by its path as problems name it). */
  errorsOf(file: string): Problem[] {
    return (this.#byFile.get(file) ?? []).sort(compareProblems);
  }

  #signature(): string {
    return this.errors().map(formatProblem).join('\n');
  }
}

/**
 * The page a content file is published at, without the base path: an article's `/YYYY/MM/DD/slug/`, an edition's
 * `/YYYY/MM/DD/`; undefined for any other file. `file` is relative to the project root, `contentDir` too.
 */
export function pageOfContentFile(file: string, contentDir: string): string | undefined {
  const inContent = posix.relative(contentDir.split('\\').join('/').replace(/\/$/, ''), file);
  if (inContent.startsWith('../')) return undefined;
  const kind = classifyContentPath(inContent, 'file');
  if (kind.kind === 'article') return articlePath(kind.id);
  if (kind.kind === 'edition') return editionPath(kind.date);
  return undefined;
}

function problemList(problems: readonly Problem[]): string {
  return `<ul class="content-problems">${problems.map((p) => `<li><code>${escapeHtml(formatProblem(p), { numeric: true })}</code></li>`).join('')}</ul>`;
}

// Dev only: these styles never reach a built page.
const STYLE = `.content-problems{list-style:none;padding:0;margin:.75rem 0}.content-problems li{margin:.35rem 0}
.content-problems code{font:0.95rem/1.5 ui-monospace,monospace;white-space:pre-wrap;word-break:break-all;background:#fff;padding:.1rem .3rem;border-radius:3px}`;

/**
 * The error page served in dev at the address of a file the checker refuses: what to fix, located, and that the page
 * comes back by itself. `base`: the site's base path. Loads Vite's client (where Astro's dev pages load it), which
 * reloads the page at the next save.
 */
export function problemPageHtml(file: string, problems: readonly Problem[], base: string): string {
  const what = file.endsWith('.yaml') ? '版期信息' : '稿件';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${what}有错误 - 预览</title>
<script type="module" src="/@vite/client"></script>
<style>body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.6}
h1{color:#a30000;font-size:1.6rem}.file{font-family:ui-monospace,monospace}${STYLE}
.problem-page{background:#fff4f4;border:1px solid #e0a0a0;border-radius:6px;padding:1rem 1.25rem}</style>
</head>
<body>
<main class="problem-page" data-content-problems>
<h1>${what}有错误，暂时无法预览</h1>
<p>文件 <span class="file">${escapeHtml(file)}</span> 没有通过内容检查（与 <code>npm run check</code> 的规则相同）：</p>
${problemList(problems)}
<p>每一行依次是：文件:行:列、error（错误）、出错的字段或规则、说明。请按提示修改并保存，本页会自动刷新。</p>
<p><a href="${escapeHtml(withBase(homePath, base))}">返回首页</a></p>
</main>
</body>
</html>
`;
}

/**
 * The notice at the top of every other page while any content file has errors: those files show their last good
 * version, or are missing, until they are fixed. `pageOf` links each file to its own error page.
 */
export function problemNoticeHtml(problems: readonly Problem[], pageOf: (file: string) => string | undefined): string {
  const files = [...new Set(problems.map((p) => p.file))];
  const links = files
    .map((file) => {
      const page = pageOf(file);
      return page ? `<a href="${escapeHtml(page)}">${escapeHtml(file)}</a>` : escapeHtml(file);
    })
    .join('、');
  return `<style>${STYLE}.content-problem-notice{background:#fff4f4;border-bottom:2px solid #a30000;color:#222;padding:.75rem 1rem;font:1rem/1.6 system-ui,sans-serif}
.content-problem-notice strong{color:#a30000}</style>
<aside class="content-problem-notice" role="alert" data-content-problems>
<strong>内容检查发现 ${problems.length} 个错误</strong>（${links}）。有错误的文件在预览中显示的是上一次正确保存的版本，新文件暂不显示；发布时这些错误会使构建停止。改正并保存后，页面会自动刷新。
${problemList(problems)}
</aside>`;
}

/** `html` with the notice put right after its `<body>` tag (or at the start, when it has none). */
export function withNotice(html: string, notice: string): string {
  const body = /<body\b[^>]*>/i.exec(html);
  if (!body) return notice + html;
  const at = body.index + body[0].length;
  return html.slice(0, at) + notice + html.slice(at);
}
