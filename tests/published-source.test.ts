// What readers get of a source file in the offline zips: the file as written, minus the newsroom's comments and notes.
import { describe, expect, it } from 'vitest';
import { publishedSource } from '../src/lib/content/published-source.ts';
import { readArticle, readEdition } from '../src/lib/content/read.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);
/** The published copy, its YAML from the content door's read of the file, as the downloads make it. */
const published = (path: string, data: Uint8Array) =>
  publishedSource(path, data, () => (path.endsWith('.md') ? readArticle(path, data) : readEdition(path, data)).publishedYaml);

describe('published sources', () => {
  it('are the very bytes of a file with nothing to remove', () => {
    const article = bytes('---\ntitle: 法院开展普法宣传\ndate: 2022-04-19\n---\n\n近日,法院开展普法宣传。\n');
    expect(published('2022/04/19/a.md', article)).toBe(article);
    const edition = bytes('date: 2022-04-19\npages:\n  - { number: 1, name: 要闻 }\n');
    expect(published('2022/04/19/edition.yaml', edition)).toBe(edition);
  });

  it('lose HTML comments in the body and YAML comments in the frontmatter', () => {
    const article = bytes('---\ntitle: 标题 # 原版无标题\n---\n\n<!-- 编辑：待核实 -->\n正文。\n');
    expect(text(published('2022/04/19/a.md', article))).toBe('---\ntitle: 标题\n---\n\n正文。\n');
  });

  it('lose an edition note, and keep a word that only looks like one', () => {
    const edition = 'date: 2022-04-19\nnote: 第3版稿件较少\npages:\n  - { number: 1, name: 要闻 }\n';
    expect(text(published('2022/04/19/edition.yaml', bytes(edition)))).not.toContain('note');
    const named = bytes('date: 2022-04-19\npages:\n  - { number: 1, name: notebook }\n');
    expect(published('2022/04/19/edition.yaml', named)).toBe(named);
  });

  it('ask for the read’s copy of the YAML only when it may hold comments or a note, and never ship the notes without one', () => {
    const unread = () => {
      throw new Error('read');
    };
    const plain = bytes('---\ntitle: 标题\n---\n\n## 小标题 #1\n');
    expect(publishedSource('2022/04/19/a.md', plain, unread)).toBe(plain);
    expect(() => publishedSource('2022/04/19/edition.yaml', bytes('date: 2022-04-19\nnote: 备注\n'), () => undefined)).toThrow(
      /edition\.yaml/,
    );
  });
});
