// The checker's e-paper rules (src/lib/check/epaper.ts, epaper-fs.ts): each 版's page PDF and page image named in
// edition.yaml, hand-given areas, and the locator's warnings. tests/fixtures/check-epaper holds one mistake per 版
// (its PDFs and images made by its make.py); links, folders and files over the limit are made in a temporary copy.
// The real page PDFs of tests/fixtures/epaper (embedded fonts, CID fonts, text as art, fonts without Unicode) give
// the locator's warnings on real pages. Integration: MuPDF runs in a child process (src/lib/check/epaper-probe-fs.ts).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPaths } from '../src/lib/check/check-fs.ts';
import { areasOverlap, MAX_PAGE_PDF_BYTES, pageSizeOfImage, quoteStart, rectanglesOutside } from '../src/lib/check/epaper.ts';
import { POINTS_PER_MM } from '../src/lib/epaper/geometry.ts';
import type { Problem } from '../src/lib/content/problem.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const fixture = join(root, 'tests/fixtures/check-epaper');
const tmp = mkdtempSync(join(tmpdir(), 'check-epaper-'));
const cacheDir = join(tmp, 'cache');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const DAY = 'content/2022/04/19';
const check = (cwd: string, paths = ['content']) => checkPaths(paths, { cwd, epaperCacheDir: cacheDir });
const on = (problems: readonly Problem[], file: string) => problems.filter((p) => p.file === `${DAY}/${file}`);
const at = (problems: readonly Problem[], file: string, line: number) => on(problems, file).filter((p) => p.line === line);

/** A copy of the fixture's content to change. */
let copies = 0;
function copy(): string {
  const cwd = join(tmp, `copy-${copies++}`);
  cpSync(join(fixture, 'content'), join(cwd, 'content'), { recursive: true });
  return cwd;
}

describe('page PDFs and page images named in edition.yaml', () => {
  const { problems } = check(fixture);

  it('a page PDF that reads well gives no error', () => {
    expect(at(problems, 'edition.yaml', 6).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it.each([
    [14, 'warning', '有 2 页，只用第一页'],
    [17, 'error', '不是 PDF 文件'],
    [20, 'error', '找不到版面 PDF「06.pdf」'],
    [26, 'error', '有密码保护'],
    [29, 'error', '已损坏'],
  ] as const)('edition.yaml:%i: %s %s, at the pdf field', (line, severity, message) => {
    expect(at(problems, 'edition.yaml', line)).toContainEqual(
      expect.objectContaining({ column: 10, rule: 'epaper', severity, message: expect.stringContaining(message) }),
    );
  });

  it('a page image follows the photo rules: PNG bytes named .jpg is an error at the image field', () => {
    expect(at(problems, 'edition.yaml', 23)).toEqual([
      expect.objectContaining({ column: 12, rule: 'image', severity: 'error', message: expect.stringContaining('其实是 PNG 格式') }),
    ]);
  });

  it('a page image is not an unused photo; a PDF no 版 names is, as a warning', () => {
    expect(on(problems, '02.png')).toEqual([]);
    expect(on(problems, '01.pdf')).toEqual([]);
    expect(on(problems, 'wei-ming-ming.pdf')).toEqual([
      expect.objectContaining({
        line: 1,
        column: 1,
        rule: 'location',
        severity: 'warning',
        message: expect.stringContaining('没有哪一版用这个 PDF'),
      }),
    ]);
  });

  it('a PDF named on the command line is an error saying it is checked with its edition.yaml', () => {
    const { problems: one } = check(fixture, [`${DAY}/01.pdf`]);
    expect(one).toEqual([
      expect.objectContaining({ rule: 'location', severity: 'error', message: expect.stringContaining('edition.yaml') }),
    ]);
  });

  it('a link, a folder and a file over the limit named as a page PDF are errors at the pdf field', () => {
    const cwd = copy();
    const day = join(cwd, DAY);
    for (const name of ['05.pdf', '08.pdf', '09.pdf']) rmSync(join(day, name));
    symlinkSync(join(day, '01.pdf'), join(day, '05.pdf'));
    mkdirSync(join(day, '08.pdf'));
    // Sparse: over the limit on the disk's word, without writing 30 MB.
    writeFileSync(join(day, '09.pdf'), '%PDF-1.4\n');
    truncateSync(join(day, '09.pdf'), MAX_PAGE_PDF_BYTES + 1024 * 1024);
    const { problems: changed } = check(cwd);
    const message = (line: number) => at(changed, 'edition.yaml', line).find((p) => p.severity === 'error')?.message;
    expect(message(17)).toContain('不能是符号链接');
    expect(message(26)).toContain('不是普通文件');
    expect(message(29)).toContain('太大（31.0 MB，最多 30 MB）');
    // The link itself is refused by the door, and the folder is never entered as content.
    expect(on(changed, '05.pdf')).toEqual([expect.objectContaining({ rule: 'location', severity: 'error' })]);
  });
});

describe('hand-given areas', () => {
  const { problems } = check(fixture);

  it('on a 版 with neither PDF nor image: an error at the area field', () => {
    expect(on(problems, 'mei-you-ban-mian.md')).toEqual([
      expect.objectContaining({
        line: 9,
        column: 7,
        rule: 'area',
        severity: 'error',
        message: expect.stringContaining('第3版没有版面 PDF 或图片'),
      }),
    ]);
  });

  it('a rectangle outside the page PDF: an error at that rectangle, with the page size in millimetres', () => {
    expect(on(problems, 'shou-gong-re-qu.md')).toEqual([
      expect.objectContaining({
        line: 9,
        column: 28,
        rule: 'area',
        severity: 'error',
        message: expect.stringContaining('第 2 个矩形 [10, 200, 100, 600] 超出了第1版的版面（350 × 500 毫米'),
      }),
    ]);
  });

  it('on a 版 with only an image, the page is 350 mm wide in the image proportions; overlapping areas are warnings on both', () => {
    expect(on(problems, 'tu-pian-b.md').map((p) => [p.line, p.column, p.rule, p.severity])).toEqual([
      [9, 7, 'area', 'warning'],
      [9, 29, 'area', 'error'],
    ]);
    expect(on(problems, 'tu-pian-b.md')[1]!.message).toContain('按版面图片缩放到 350 毫米宽计算');
    expect(on(problems, 'tu-pian-a.md')).toEqual([
      expect.objectContaining({
        line: 9,
        column: 7,
        rule: 'area',
        severity: 'warning',
        message: expect.stringContaining(`「${DAY}/tu-pian-b.md」的热区在第2版上重叠`),
      }),
    ]);
  });

  it('the rules: slack of half a millimetre at the edge, overlap beyond a sliver, page size from an image', () => {
    const page = { width: 350 * POINTS_PER_MM, height: 500 * POINTS_PER_MM };
    expect(
      rectanglesOutside(
        [
          [0, 0, 350, 500],
          [0, 0, 350.4, 10],
          [100, 490, 10, 11],
        ],
        page.width,
        page.height,
      ),
    ).toEqual([2]);
    expect(areasOverlap([[0, 0, 10, 10]], [[10, 0, 10, 10]])).toBe(false);
    expect(areasOverlap([[0, 0, 10, 10]], [[9.5, 9.5, 10, 10]])).toBe(false);
    expect(areasOverlap([[0, 0, 10, 10]], [[8, 8, 10, 10]])).toBe(true);
    const size = pageSizeOfImage(2400, 3400);
    expect(size.width / POINTS_PER_MM).toBeCloseTo(350);
    expect(size.height / POINTS_PER_MM).toBeCloseTo(495.8, 1);
    expect(quoteStart('一二三 四', 4)).toBe('一二三四');
    expect(quoteStart('一二三四五六', 4)).toBe('一二三四……');
  });
});

describe("the locator's warnings", () => {
  const { problems } = check(fixture);

  it('text of no article on the page: a warning at the pdf field quoting it, with where it is in millimetres', () => {
    expect(at(problems, 'edition.yaml', 6)).toEqual([
      expect.objectContaining({
        column: 10,
        rule: 'epaper',
        severity: 'warning',
        message: expect.stringContaining('「邯郸市检察机关深入开展公益诉讼专项监督活……」（距左 200 毫米、距上 300 毫米）'),
      }),
    ]);
  });

  it('an article the page does not hold: a warning at its page field; one found, or with a hand-given area, has none', () => {
    expect(on(problems, 'wei-zhao-dao.md')).toEqual([
      expect.objectContaining({
        line: 7,
        column: 7,
        rule: 'epaper',
        severity: 'warning',
        message: expect.stringContaining('在第1版的 PDF 里找不到这篇稿件'),
      }),
    ]);
    expect(on(problems, 'zhi-xing-an-jian.md')).toEqual([]);
  });

  it('an article checked alone: its own 版 is read and located, the other 版 only opened', () => {
    const { problems: one } = check(fixture, [`${DAY}/wei-zhao-dao.md`]);
    expect(on(one, 'wei-zhao-dao.md')).toHaveLength(1);
    expect(at(one, 'edition.yaml', 6)).toHaveLength(1);
    // 第4版 is opened (its page count) but not read: no locator warning about it.
    expect(at(one, 'edition.yaml', 14).map((p) => p.message)).toEqual([expect.stringContaining('有 2 页')]);
    expect(on(one, 'ban-4.md')).toEqual([]);
  });

  it('pages are read once: the cache holds them by their SHA-256, and a second check says the same', () => {
    const versions = readdirSync(cacheDir);
    expect(versions.length).toBeGreaterThan(0);
    expect(check(fixture).problems).toEqual(problems);
  });
});

// The real page PDFs of the e-paper's fixture (made by tools/epaper-fixtures/): one edition, its pages set four ways.
const epaper = join(root, 'tests/fixtures/epaper');
describe.skipIf(!existsSync(join(epaper, 'pages')))('real page PDFs', () => {
  /** The e-paper fixture's edition with the pages of one situation. */
  const edition = (situation: string) => {
    const cwd = join(tmp, `epaper-${situation}`);
    cpSync(join(epaper, 'content'), join(cwd, 'content'), { recursive: true });
    for (const page of ['01.pdf', '02.pdf']) cpSync(join(epaper, 'pages', situation, page), join(cwd, DAY, page));
    return cwd;
  };

  it.each(['embedded', 'cid', 'art'])('%s: no error, and every warning is the locator’s', (situation) => {
    const { problems } = check(edition(situation));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.filter((p) => p.rule !== 'epaper')).toEqual([]);
  });

  it('fonts without Unicode: one warning per 版 at its pdf field, naming the articles without a hand-given area', () => {
    const cwd = edition('no-unicode');
    const { problems } = check(cwd);
    const warnings = on(problems, 'edition.yaml').filter((p) => p.rule === 'epaper');
    expect(warnings.map((p) => [p.line, p.severity])).toEqual([
      [7, 'warning'],
      [11, 'warning'],
    ]);
    expect(warnings[0]!.message).toContain('第1版的 PDF 文字无法读取（字体没有 Unicode 映射）');
    expect(warnings[0]!.message).toContain('guo-wu-yuan-lian-xi-ban-you-guan-fu-ze-ren-jie.md');
    expect(warnings[0]!.message).not.toContain('da-chang-jiao-jing-shen-ru-wai-mai-qi-ye-kai.md');
    expect(problems.filter((p) => p.file.endsWith('.md'))).toEqual([]);
  });
});
