// One image resolver (src/lib/content/body-images.ts) for the checker and the site: every Markdown form of a body
// image is found, the remark plugin rewrites each into the one inline form Astro's image collector imports (or takes
// it out), and checkBody reports every image that cannot be a photo beside the article, where it is written.
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { findBodyImages, imageTarget } from '../src/lib/content/body-images.ts';
import { checkBody } from '../src/lib/check/markdown.ts';
import remarkArticleImages from '../src/markdown/remark-article-images.ts';

const parse = (md: string) => unified().use(remarkParse).use(remarkGfm).parse(md) as Root;

describe('findBodyImages', () => {
  it('finds inline images and full, collapsed and shortcut references through their definitions', () => {
    const md = [
      '![一](./a.jpg) ![二][p] ![p][] ![P]',
      '![无定义][nothing] [不是图片][p]',
      '',
      '[p]: <./b c.jpg> "标题"',
      '[p]: ./second-definition-ignored.jpg',
    ].join('\n');
    const found = findBodyImages(parse(md));
    expect(found.map((f) => [f.form, f.url, f.target])).toEqual([
      ['inline', './a.jpg', { kind: 'local', path: './a.jpg' }],
      ['full', './b c.jpg', { kind: 'local', path: './b c.jpg' }],
      ['collapsed', './b c.jpg', { kind: 'local', path: './b c.jpg' }],
      ['shortcut', './b c.jpg', { kind: 'local', path: './b c.jpg' }],
    ]);
    expect(found[1]!.title).toBe('标题');
  });

  it('reads addresses as Astro imports them: percent-escapes and character references decoded', () => {
    const found = findBodyImages(parse('![](./%E7%85%A7%E7%89%87.jpg) ![](./a&#x2e;svg) ![](./x\\_y.png)'));
    expect(found.map((f) => f.target)).toEqual([
      { kind: 'local', path: './照片.jpg' },
      { kind: 'local', path: './a.svg' },
      { kind: 'local', path: './x_y.png' },
    ]);
  });

  it.each([
    ['https://example.com/a.jpg', { kind: 'remote' }],
    ['HTTP://example.com/a.jpg', { kind: 'remote' }],
    ['//tracker.example/p.gif', { kind: 'remote' }],
    ['data:image/svg+xml,<svg>', { kind: 'invalid', reason: 'scheme' }],
    ['/images/a.jpg', { kind: 'invalid', reason: 'absolute' }],
    ['./a.jpg?raw', { kind: 'invalid', reason: 'query' }],
    ['./a.jpg#frag', { kind: 'invalid', reason: 'query' }],
    ['#frag', { kind: 'invalid', reason: 'query' }],
    ['./a%3Fraw.jpg', { kind: 'invalid', reason: 'query' }],
    ['./a%zz.jpg', { kind: 'invalid', reason: 'escape' }],
    ['..\\a.jpg', { kind: 'invalid', reason: 'backslash' }],
    ['', { kind: 'invalid', reason: 'empty' }],
    ['../../../../package.json', { kind: 'local', path: '../../../../package.json' }],
  ] as const)('%s is %o', (url, target) => {
    expect(imageTarget(url)).toEqual(target);
  });
});

async function render(md: string): Promise<string> {
  const file = await unified().use(remarkParse).use(remarkGfm).use(remarkArticleImages).use(remarkRehype).use(rehypeStringify).process(md);
  return String(file);
}

describe('remarkArticleImages', () => {
  it('writes every form as an inline image of the resolved file, alt and title kept', async () => {
    const html = await render('![甲][p] ![p][] ![p]\n\n![丙](<./b c.jpg>)\n\n[p]: ./a%20b.jpg "说明"');
    expect(html).toBe(
      '<p><img src="./a%20b.jpg" alt="甲" title="说明"> <img src="./a%20b.jpg" alt="p" title="说明"> <img src="./a%20b.jpg" alt="p" title="说明"></p>\n<p><img src="./b%20c.jpg" alt="丙"></p>',
    );
  });

  it('takes other sites’ images, queries and site-absolute paths out of the body, keeping their alt text', async () => {
    const html = await render(
      '前 ![追踪](//t.example/p.gif) ![远程][r] ![原始](./a.jpg?raw) ![绝对](/a.jpg) 后\n\n[r]: https://t.example/x.png',
    );
    expect(html).toBe('<p>前 追踪 远程 原始 绝对 后</p>');
  });
});

describe('checkBody on body images', () => {
  const located = (md: string) => checkBody(md, 10).problems.map((p) => [p.rule, p.line, p.column, p.message]);

  it('returns every local image, in every form, with the file it names', () => {
    const { problems, images } = checkBody('正文\n\n![图][svg]\n\n![x](./a%20b.jpg)\n\n[svg]: <./evil.svg>', 5);
    expect(problems).toEqual([]);
    expect(images).toEqual([
      { url: './evil.svg', path: './evil.svg', line: 7, column: 1 },
      { url: './a%20b.jpg', path: './a b.jpg', line: 9, column: 1 },
    ]);
  });

  it('refuses another site’s image with a message that says how to add the photo, but not a link to another site', () => {
    const problems = located('![](https://t.example/p.gif)\n\n![][t]\n\n[t]: //t.example/p.gif\n\n[链接](https://example.com)');
    expect(problems.map(([rule, line, column]) => [rule, line, column])).toEqual([
      ['image', 10, 1],
      ['image', 12, 1],
    ]);
    expect(problems[0]![3]).toContain('正文不能直接显示其他网站的图片「https://t.example/p.gif」');
    expect(problems[0]![3]).toContain('./photo.jpg');
  });

  it('refuses queries, fragments, broken escapes, site-absolute paths and empty addresses, where they are written', () => {
    const problems = located('![](./a.jpg?raw) ![](#x)\n![][q]\n![](/a.jpg) ![](./b%zz.jpg) ![]()\n\n[q]: ./c.jpg#frag');
    expect(problems.map(([rule, line, column]) => [rule, line, column])).toEqual([
      ['image', 10, 1],
      ['image', 10, 18],
      ['image', 11, 1],
      ['image', 12, 1],
      ['image', 12, 13],
      ['image', 12, 29],
    ]);
    expect(problems.map((p) => String(p[3]).split('\uFF0C')[0])).toEqual([
      '图片地址「./a.jpg?raw」不能带 ? 或 #',
      '图片地址「#x」不能带 ? 或 #',
      '图片地址「./c.jpg#frag」不能带 ? 或 #',
      '图片文件「/a.jpg」要写成相对于稿件的路径',
      '图片地址「./b%zz.jpg」里的 % 写法不对：请直接写文件名',
      '图片没有写文件名：请把图片文件放进稿件所在的文件夹',
    ]);
  });

  it('names executable image addresses written by reference as such', () => {
    const problems = located('![x][d]\n\n[d]: javascript:alert(1)');
    expect(problems.map(([rule, line]) => [rule, line])).toEqual([
      ['url', 12],
      ['url', 10],
    ]);
  });
});
