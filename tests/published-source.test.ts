// What readers get of a source file in the offline zips: the file as written, minus the newsroom's comments and notes.
import { describe, expect, it } from 'vitest';
import { publishedSource } from '../src/lib/content/published-source.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);

describe('published sources', () => {
  it('are the very bytes of a file with nothing to remove', () => {
    const article = bytes('---\ntitle: 法院开展普法宣传\ndate: 2022-04-19\n---\n\n近日,法院开展普法宣传。\n');
    expect(publishedSource('2022/04/19/a.md', article)).toBe(article);
    const edition = bytes('date: 2022-04-19\npages:\n  - { number: 1, name: 要闻 }\n');
    expect(publishedSource('2022/04/19/edition.yaml', edition)).toBe(edition);
  });

  it('lose HTML comments in the body and YAML comments in the frontmatter', () => {
    const article = bytes('---\ntitle: 标题 # 原版无标题\n---\n\n<!-- 编辑：待核实 -->\n正文。\n');
    expect(text(publishedSource('2022/04/19/a.md', article))).toBe('---\ntitle: 标题\n---\n\n正文。\n');
  });

  it('lose an edition note, and keep a word that only looks like one', () => {
    const edition = 'date: 2022-04-19\nnote: 第3版稿件较少\npages:\n  - { number: 1, name: 要闻 }\n';
    expect(text(publishedSource('2022/04/19/edition.yaml', bytes(edition)))).not.toContain('note');
    const named = bytes('date: 2022-04-19\npages:\n  - { number: 1, name: notebook }\n');
    expect(publishedSource('2022/04/19/edition.yaml', named)).toBe(named);
  });
});
