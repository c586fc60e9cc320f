// A required field left out is said to be missing, by its name in the newsroom, at the line where it belongs (the
// field that follows it), whatever the schema says of a wrong value.
import { describe, expect, it } from 'vitest';
import { readArticle, readEdition } from '../src/lib/content/read.ts';

const article = (frontmatter: string) =>
  readArticle('content/2022/04/19/a.md', new TextEncoder().encode(`---\n${frontmatter}---\n\n正文第一段。\n`)).problems;

describe('missing required fields', () => {
  it('names a missing category as missing, at the line where it belongs, with the choices as a hint', () => {
    const problems = article('title: 标题\nbyline: [徐洋]\ndate: 2022-04-19\ncounty: 裕华区\npage: 1\norder: 1\n');
    const missing = problems.find((p) => p.rule === 'category')!;
    expect(missing.message).toMatch(/^缺少必填字段「category」（栏目）：/);
    expect(missing.message).toContain('法院');
    // It belongs before `page` (line 6 of the file: the frontmatter opens on line 1).
    expect(missing.line).toBe(6);
  });

  it('says so for every required field left out, one problem each, never at 1:1 when the file has fields', () => {
    const problems = article('byline: [徐洋]\norder: 2\n');
    for (const field of ['title', 'date', 'county', 'category', 'page']) {
      const p = problems.find((q) => q.rule === field);
      expect(p?.message, field).toMatch(/^缺少必填字段「/);
      expect(p!.line, field).toBeGreaterThan(1);
    }
  });

  it('says a missing 版 list of an edition is missing', () => {
    const problems = readEdition('content/2022/04/19/edition.yaml', new TextEncoder().encode('date: 2022-04-19\n')).problems;
    expect(problems.map((p) => p.message)).toContain('缺少必填字段「pages」（版面）');
  });
});
