// The content door (src/lib/content): which files are content, and the property that the checker and every
// reader of content agree. Over generated content trees with links (in and out of the folder), hidden files,
// editor leftovers, drafts and odd bytes: when the checker finds no error, the door's reader yields exactly the
// articles and editions the checker accepted; whatever a reader must never see (a link, a hidden or misplaced
// file) is an error or a warning of the checker and never reaches the reader.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPaths } from '../src/lib/check/check.ts';
import { contentFiles } from '../src/lib/content-files.ts';
import { classifyContentPath } from '../src/lib/content/files.ts';

describe('classifyContentPath', () => {
  it.each([
    ['2022/04/19/fa-yuan.md', 'file', 'article'],
    ['2022/04/19/edition.yaml', 'file', 'edition'],
    ['2022/04/19/photo.jpg', 'file', 'photo'],
    ['redirects.yaml', 'file', 'site-list'],
    ['2022/04/19/fa-yuan.md', 'symlink', 'refused'],
    ['2022/04/19/photo.jpg', 'symlink', 'refused'],
    ['2022/04/19/.fa-yuan.md', 'file', 'unread'],
    ['2022/04/19/._fa-yuan.md', 'file', 'ignored'],
    ['2022/04/19/.#fa-yuan.md', 'file', 'ignored'],
    ['2022/04/19/fa-yuan.md~', 'file', 'ignored'],
    ['2022/04/19/.DS_Store', 'file', 'ignored'],
    ['2022/04/19/_notes.md', 'file', 'ignored'],
    ['2022/04/19/extra/fa-yuan.md', 'file', 'refused'],
    ['2022/13/19/fa-yuan.md', 'file', 'refused'],
    ['fa-yuan.md', 'file', 'refused'],
    ['2022/04/19/notes.txt', 'file', 'unread'],
    ['2022/04/19/PHOTO.JPG', 'file', 'unread'],
    ['2022/04/19/fa-yuan.markdown', 'file', 'unread'],
  ] as const)('%s (%s) is %s', (path, type, kind) => {
    expect(classifyContentPath(path, type).kind).toBe(kind);
  });

  it('names the extra folder of an article one level too deep', () => {
    const file = classifyContentPath('2022/04/19/extra/fa-yuan.md', 'file');
    expect(file.kind === 'refused' && file.message).toContain('extra');
  });
});

const tmp = mkdtempSync(join(tmpdir(), 'content-door-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const article = (order: number, draft: boolean) =>
  `---\ntitle: 第${order}篇稿件\nbyline: [记者 徐洋]\ndate: 2022-04-19\ncounty: 裕华区\ncategory: 法院\npage: 1\norder: ${order}\n${draft ? 'draft: true\n' : ''}---\n\n正文第${order}篇。\n`;

type Piece =
  | { kind: 'article'; name: string; draft: boolean }
  | { kind: 'link-out' | 'link-in' | 'link-folder'; name: string }
  | { kind: 'hidden' | 'leftover' | 'aside' | 'odd' | 'nested'; name: string };

const slug = fc.stringMatching(/^[a-z]{1,8}$/);
const piece: fc.Arbitrary<Piece> = fc.oneof(
  fc.record({ kind: fc.constant('article' as const), name: slug, draft: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('link-out' as const, 'link-in' as const, 'link-folder' as const), name: slug }),
  fc.record({ kind: fc.constantFrom('hidden' as const, 'leftover' as const, 'aside' as const, 'odd' as const, 'nested' as const), name: slug }),
);

let runs = 0;
function writeTree(pieces: readonly Piece[]): string {
  const root = join(tmp, `run-${runs++}`);
  const day = join(root, 'content/2022/04/19');
  mkdirSync(day, { recursive: true });
  writeFileSync(join(root, 'outside.md'), article(99, false));
  writeFileSync(join(day, 'edition.yaml'), 'date: 2022-04-19\npages:\n  - number: 1\n    name: 要闻\n');
  writeFileSync(join(day, 'base.md'), article(1, false));
  pieces.forEach((p, i) => {
    const order = i + 2;
    const at = (name: string) => join(day, name);
    if (p.kind === 'article') writeFileSync(at(`${p.name}-${i}.md`), article(order, p.draft));
    if (p.kind === 'link-out') symlinkSync(join(root, 'outside.md'), at(`${p.name}-${i}.md`));
    if (p.kind === 'link-in') symlinkSync(at('base.md'), at(`${p.name}-${i}.md`));
    if (p.kind === 'link-folder') symlinkSync(day, join(root, 'content/2022/04', `${10 + (i % 9)}`));
    if (p.kind === 'hidden') writeFileSync(at(`.${p.name}-${i}.md`), article(order, false));
    if (p.kind === 'leftover') writeFileSync(at(`.#${p.name}-${i}.md`), Buffer.from([0, 0xff, 0xfe, 7]));
    if (p.kind === 'aside') writeFileSync(at(`_${p.name}-${i}.md`), 'notes, not an article');
    if (p.kind === 'odd') writeFileSync(at(`${p.name}-${i}.bin`), Buffer.from([0, 1, 2, 0xc3]));
    if (p.kind === 'nested') {
      mkdirSync(at(`sub-${i}`), { recursive: true });
      writeFileSync(join(at(`sub-${i}`), `${p.name}.md`), article(order, false));
    }
  });
  return root;
}

describe('the checker and the door’s reader agree', () => {
  it('on generated trees with links, hidden files, leftovers, drafts and odd files', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const root = writeTree(pieces);
        const { problems } = checkPaths(['content'], { cwd: root, contentDir: 'content' });
        const errors = problems.filter((p) => p.severity === 'error');
        const refused = pieces.some((p) => p.kind.startsWith('link') || p.kind === 'nested');
        // Every link and every misplaced article is an error naming it; nothing else in these trees is.
        expect(errors.length > 0).toBe(refused);
        for (const e of errors) expect(e.rule).toBe('location');
        if (errors.length > 0) return;
        const read = [...contentFiles(root, 'content')];
        const expected = ['2022/04/19/base', '2022/04/19/edition', ...pieces.flatMap((p, i) => (p.kind === 'article' ? [`2022/04/19/${p.name}-${i}`] : []))].sort();
        expect(read.map((e) => e.id).sort()).toEqual(expected);
        const published = read.filter((e) => 'body' in e && !e.data.draft).map((e) => e.id);
        expect(published).toEqual(expected.filter((id) => id !== '2022/04/19/edition' && !pieces.some((p, i) => p.kind === 'article' && p.draft && id.endsWith(`-${i}`))));
      }),
      { numRuns: 60 },
    );
  });

  it('a link out of the content folder is an error naming the link, and the reader never follows it', () => {
    const root = writeTree([{ kind: 'link-out', name: 'leak' }]);
    const { problems } = checkPaths(['content'], { cwd: root, contentDir: 'content' });
    expect(problems).toEqual([
      expect.objectContaining({ file: 'content/2022/04/19/leak-0.md', line: 1, column: 1, rule: 'location', severity: 'error', message: expect.stringContaining('符号链接') }),
    ]);
    expect([...contentFiles(root, 'content')].map((e) => e.id)).not.toContain('2022/04/19/leak-0');
    expect(dirname(problems[0]!.file)).toBe('content/2022/04/19');
  });

  it('a text file named .jpg that an article shows is an error at the image field', () => {
    const root = writeTree([]);
    const day = join(root, 'content/2022/04/19');
    writeFileSync(join(day, 'fake.jpg'), 'not a photo');
    writeFileSync(join(day, 'base.md'), article(1, false).replace('order: 1\n', 'order: 1\nimages:\n  - file: ./fake.jpg\n    caption: 图片。\n'));
    const { problems } = checkPaths(['content'], { cwd: root, contentDir: 'content' });
    expect(problems).toEqual([expect.objectContaining({ file: 'content/2022/04/19/base.md', line: 10, rule: 'image', message: expect.stringContaining('不是图片') })]);
  });
});
