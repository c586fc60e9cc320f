// The pull request's Chinese summary (scripts/pr-summary.ts): run as the workflow runs it, in a git repository
// holding a copy of the sample fixture, after a reporter's commit that adds one article, changes one, and
// breaks one.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { renderPullRequestSummary } from '../src/lib/check/pr-summary.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'pr-summary-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const git = (...args: string[]) => execFileSync('git', args, { cwd: work, encoding: 'utf8' });

describe('the pull request summary', () => {
  it('lists the located problems and the articles added and changed, with their addresses', () => {
    cpSync(join(root, 'tests/fixtures/sample'), join(work, 'content'), { recursive: true });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'sample');
    const day = join(work, 'content/2022/04/19');
    writeFileSync(
      join(day, 'xin-gao-jian.md'),
      [
        '---',
        'title: 新稿件 | 第二行',
        'byline: [牛敏]',
        'date: 2022-04-19',
        'county: 张家囗市',
        'category: 交通',
        'page: 1',
        'order: 99',
        '---',
        '',
        '正文。',
        '',
      ].join('\n'),
    );
    const changed = join(day, 'lao-ren-tu-fa-xin-geng-qu-zhou-min-jing-hu-song.md');
    writeFileSync(changed, `${readFileSync(changed, 'utf8')}\n更正。\n`);
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qam', 'x');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', 'reporter');
    const summaryFile = join(work, 'summary.md');
    const run = spawnSync(process.execPath, [join(root, 'scripts/pr-summary.ts'), 'HEAD~2'], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: 'content', GITHUB_STEP_SUMMARY: summaryFile },
    });
    expect(run.status, run.stderr).toBe(0);
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary).toContain('❌ 检查了 17 个文件\uFF1A1 个错误');
    expect(summary).toMatch(/\| `content\/2022\/04\/19\/xin-gao-jian\.md` \| 5:9 \| 错误 \| `county` \| 未知的县区「张家囗市」/);
    expect(summary).toContain(
      '- 新增\uFF1A「新稿件 \\| 第二行」`content/2022/04/19/xin-gao-jian.md`\uFF0C网址 `/2022/04/19/xin-gao-jian/`',
    );
    expect(summary).toContain(
      '- 修改\uFF1A「老人突发心梗 曲周民警护送就医转危为安」`content/2022/04/19/lao-ren-tu-fa-xin-geng-qu-zhou-min-jing-hu-song.md`',
    );
    expect(summary.match(/^- /gm)).toHaveLength(2);
    // The check failed, so the workflow built and uploaded nothing: no pointer to a preview that is not there.
    expect(summary).not.toContain('site-preview');
    expect(summary).toContain('有错误时不生成预览');
  });

  it('says when all is well and nothing changed, and names a deleted article', () => {
    expect(renderPullRequestSummary({ problems: [], files: 3, articles: [] })).toContain('✅ 检查了 3 个文件\uFF0C没有发现问题。');
    expect(renderPullRequestSummary({ problems: [], files: 3, articles: [] })).toContain('这次没有改动稿件。');
    const deleted = renderPullRequestSummary({
      problems: [],
      files: 3,
      articles: [{ change: 'deleted', file: 'content/2022/04/19/a.md', id: '2022/04/19/a' }],
    });
    expect(deleted).toContain('- 删除\uFF1A`content/2022/04/19/a.md`\n');
    expect(deleted).toContain('下载 site-preview 附件');
  });
});
