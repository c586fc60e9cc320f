// The Chinese summary a pull request's checks page shows ($GITHUB_STEP_SUMMARY, written by
// scripts/pr-summary.ts): the checker's outcome with every problem, and the articles the pull request adds,
// changes or removes, with their addresses in the preview (which exists only when the check passed).
import { articlePath } from '../routing.ts';
import { formatSummary, type Problem } from '../content/problem.ts';

export interface ChangedArticle {
  /** `added`, `modified` or `deleted` (git's A, M, D). */
  change: 'added' | 'modified' | 'deleted';
  /** Path from the repository root: `content/2022/04/19/slug.md`. */
  file: string;
  /** Entry id (`2022/04/19/slug`). */
  id: string;
  /** The headline, when the file exists and could be read. */
  title?: string | undefined;
  draft?: boolean | undefined;
  /** Its edition is prepared ahead: the date it is published on (src/lib/content/edition-dates.ts). */
  preparedAhead?: string | undefined;
}

const CHANGE_LABEL = { added: '新增', modified: '修改', deleted: '删除' } as const;

/** Text for a Markdown table cell: no line breaks, no column separators. */
const cell = (text: string) => text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');

export function renderPullRequestSummary(input: {
  problems: readonly Problem[];
  files: number;
  articles: readonly ChangedArticle[];
}): string {
  const { problems, files, articles } = input;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const lines = ['## 内容检查', '', `${errors > 0 ? '❌' : '✅'} ${formatSummary(problems, files)}`, ''];
  if (problems.length > 0) {
    lines.push('| 文件 | 行:列 | 级别 | 规则 | 说明 |', '|---|---|---|---|---|');
    for (const p of problems)
      lines.push(
        `| \`${cell(p.file)}\` | ${p.line}:${p.column} | ${p.severity === 'error' ? '错误' : '提醒'} | \`${p.rule}\` | ${cell(p.message)} |`,
      );
    lines.push('', '每条问题也标在了「Files changed」里对应的行上。规则的说明见 CONTRIBUTING.md。', '');
  }
  lines.push('## 本次改动的稿件', '');
  if (articles.length === 0) lines.push('这次没有改动稿件。');
  for (const a of articles) {
    const title = a.title === undefined ? '' : `「${cell(a.title)}」`;
    const where = a.change === 'deleted' ? '' : `\uFF0C网址 \`${articlePath(a.id)}\``;
    const note = a.draft
      ? '\uFF08草稿\uFF0C不会发布\uFF09'
      : a.preparedAhead
        ? `\uFF08提前准备\uFF0C${a.preparedAhead} 零点\uFF08北京时间\uFF09自动发布\uFF09`
        : '';
    lines.push(`- ${CHANGE_LABEL[a.change]}${note}\uFF1A${title}\`${a.file}\`${where}`);
  }
  // With an error the workflow stops at the check: nothing is built or uploaded.
  lines.push(
    '',
    errors > 0
      ? '有错误时不生成预览\uFF1A改正后再提交\uFF0C检查通过后\uFF0C预览会出现在本页下方的「Artifacts」里。'
      : '预览\uFF1A在本页下方的「Artifacts」里下载 site-preview 附件\uFF0C解压后用浏览器打开其中的 index.html\uFF08不需要服务器\uFF1B站内搜索在预览里不可用\uFF09。',
    '',
  );
  return lines.join('\n');
}
