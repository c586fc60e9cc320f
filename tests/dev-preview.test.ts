// What `astro dev` shows about content errors (src/lib/check/dev-preview.ts): the errors kept per file as folders are
// checked again, the page each file is published at, the error page and the notice.
import { describe, expect, it } from 'vitest';
import { ContentProblems, pageOfContentFile, problemNoticeHtml, problemPageHtml, withNotice } from '../src/lib/check/dev-preview.ts';
import type { Problem } from '../src/lib/content/problem.ts';

const problem = (file: string, overrides: Partial<Problem> = {}): Problem => ({
  file,
  line: 5,
  column: 9,
  rule: 'county',
  severity: 'error',
  message: '未知的县区「张家囗市」<b>',
  ...overrides,
});
const inFolder = (folder: string) => (file: string) => file.startsWith(`${folder}/`);

describe('ContentProblems', () => {
  it('keeps the errors of each file, replaced folder by folder, and says when they changed', () => {
    const problems = new ContentProblems();
    expect(
      problems.update(inFolder('content/2022/04/19'), [
        problem('content/2022/04/19/a.md'),
        problem('content/2022/04/19/a.md', { severity: 'warning', rule: 'body' }),
      ]),
    ).toBe(true);
    expect(problems.update(inFolder('content/2022/04/20'), [problem('content/2022/04/20/b.md')])).toBe(true);
    expect(problems.files()).toEqual(['content/2022/04/19/a.md', 'content/2022/04/20/b.md']);
    expect(problems.errorsOf('content/2022/04/19/a.md')).toHaveLength(1); // warnings stay in the terminal
    // The same errors again: nothing to reload.
    expect(problems.update(inFolder('content/2022/04/19'), [problem('content/2022/04/19/a.md')])).toBe(false);
    // Fixed: only that folder's errors go.
    expect(problems.update(inFolder('content/2022/04/19'), [])).toBe(true);
    expect(problems.files()).toEqual(['content/2022/04/20/b.md']);
  });
});

describe('pageOfContentFile', () => {
  it('gives the address of an article and of an edition, and nothing for other files', () => {
    expect(pageOfContentFile('tests/.tmp/c/2022/04/19/fa-yuan.md', 'tests/.tmp/c')).toBe('/2022/04/19/fa-yuan/');
    expect(pageOfContentFile('content/2022/04/19/edition.yaml', 'content/')).toBe('/2022/04/19/');
    expect(pageOfContentFile('content/redirects.yaml', 'content')).toBeUndefined();
    expect(pageOfContentFile('elsewhere/2022/04/19/a.md', 'content')).toBeUndefined();
  });
});

describe('the error page and the notice', () => {
  it('shows the checker’s lines, escaped, in Chinese, with Vite’s client for the reload', () => {
    const html = problemPageHtml('content/2022/04/19/a.md', [problem('content/2022/04/19/a.md')], '/paper/');
    expect(html).toContain('稿件有错误');
    expect(html).toContain('content/2022/04/19/a.md:5:9 error county: 未知的县区「张家囗市」&#60;b&#62;');
    expect(html).toContain('src="/@vite/client"');
    expect(html).toContain('href="/paper/"');
    expect(problemPageHtml('content/2022/04/19/edition.yaml', [], '/')).toContain('版期信息有错误');
  });

  it('puts the notice right after <body>, linking each file to its page', () => {
    const notice = problemNoticeHtml([problem('content/2022/04/19/a.md')], (file) =>
      file.endsWith('a.md') ? '/2022/04/19/a/' : undefined,
    );
    expect(notice).toContain('内容检查发现 1 个错误');
    expect(notice).toContain('<a href="/2022/04/19/a/">content/2022/04/19/a.md</a>');
    expect(withNotice('<html><body class="x"><main>正文</main></body></html>', '<aside>注意</aside>')).toBe(
      '<html><body class="x"><aside>注意</aside><main>正文</main></body></html>',
    );
  });
});
