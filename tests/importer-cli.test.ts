// scripts/import.ts: the command line over the importer, run as `npm run import` runs it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fw } from './fullwidth.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const seed = fileURLToPath(new URL('./fixtures/importer/seed-page-2022-04.txt', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'importer-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/import.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run import', () => {
  it('writes the articles and edition.yaml into --out, and prints one review line per article', () => {
    const out = join(work, 'edition');
    const { code, stdout } = run(seed, '--date', '2022-04-19', '--out', out);
    expect(code).toBe(0);
    const files = readdirSync(out);
    expect(files).toHaveLength(14);
    expect(files).toContain('edition.yaml');
    const lines = stdout.trim().split('\n');
    expect(lines[4]).toBe(
      'huai-an-fa-yuan-lian-he-xian-jian-cha-yuan-kai  怀安法院联合县检察院开展国家安全普法宣传活动  席娟 苏旭姣  怀安县  法院  [truncated]',
    );
    expect(lines.at(-1)).toMatch(/^13 articles, 4 flagged for review; wrote 14 files to /);
  });

  it('refuses to overwrite without --force and leaves the files as they were', () => {
    const out = join(work, 'edition');
    const file = join(out, 'fa-yuan-yi-fa-qiang-zhi-teng-fang-bao-zhang.md');
    writeFileSync(file, '---\ntitle: 编辑改过\npage: 1\n---\n');
    const refused = run(seed, '--date', '2022-04-19', '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/--force/);
    expect(readFileSync(file, 'utf8')).toContain('编辑改过');
    expect(run(seed, '--date', '2022-04-19', '--out', out, '--force').code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('title: 法院依法强制腾房 保障胜诉当事人权益');
  });

  it('never reads or writes through a link in the edition folder, and names the line of an edition.yaml error', () => {
    const out = join(work, 'linked');
    mkdirSync(out);
    const outside = join(work, 'outside.md');
    writeFileSync(outside, 'not to be touched');
    symlinkSync(outside, join(out, 'fa-yuan-yi-fa-qiang-zhi-teng-fang-bao-zhang.md'));
    for (const args of [[], ['--force']]) {
      const refused = run(seed, '--date', '2022-04-19', '--out', out, ...args);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('符号链接');
      expect(refused.stderr).toContain('fa-yuan-yi-fa-qiang-zhi-teng-fang-bao-zhang.md');
    }
    expect(readFileSync(outside, 'utf8')).toBe('not to be touched');
    rmSync(join(out, 'fa-yuan-yi-fa-qiang-zhi-teng-fang-bao-zhang.md'));
    writeFileSync(join(out, 'edition.yaml'), 'date: 2022-04-19\npages:\n  - number: 2\n    name: 政法\n    extra: 1\n');
    const broken = run(seed, '--date', '2022-04-19', '--out', out);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/edition\.yaml:5:\d+ error/);
  });

  it('reads the edition folder strictly: an edition.yaml that is not UTF-8 is named with its line and left as it was', () => {
    const out = join(work, 'strict');
    mkdirSync(out);
    // 「政法」 in GBK as the second page's name.
    const gbk = Buffer.concat([
      Buffer.from('date: 2022-04-19\npages:\n  - number: 1\n    name: '),
      Buffer.from([0xd5, 0xfe, 0xb7, 0xa8]),
      Buffer.from('\n'),
    ]);
    writeFileSync(join(out, 'edition.yaml'), gbk);
    const refused = run(seed, '--date', '2022-04-19', '--page', '3', '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/edition\.yaml:4:11: 文件不是 UTF-8 编码/);
    expect(readFileSync(join(out, 'edition.yaml'))).toEqual(gbk);
    expect(readdirSync(out)).toEqual(['edition.yaml']);
  });

  it('is deterministic: the same page gives the same bytes', () => {
    const [a, b] = ['a', 'b'].map((name) => {
      const out = join(work, name);
      run(seed, '--date', '2022-04-19', '--page', '3', '--out', out);
      return readdirSync(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]);
    });
    expect(a).toEqual(b);
  });

  it('prints the JSON report with --json and writes nothing', () => {
    const out = join(work, 'json');
    const { code, stdout } = run(seed, '--date', '2022-04-19', '--json', '--out', out);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { articles: { slug: string; flags: string[] }[] };
    expect(report.articles).toHaveLength(13);
    expect(report.articles[11]).toMatchObject({ slug: 'xin-le-fa-yuan-kai-zhan-quan-min-guo-jia-an-quan', flags: ['untitled'] });
    expect(() => readdirSync(out)).toThrow();
  });

  it('explains bad arguments with the usage line', () => {
    for (const args of [[seed], [seed, '--date', '2022-02-30'], [seed, '--date', '2022-04-19', '--page', '0'], []]) {
      const { code, stderr } = run(...args);
      expect(code).toBe(2);
      expect(stderr).toMatch(/usage: npm run import/);
    }
    expect(run(join(work, 'missing.txt'), '--date', '2022-04-19').code).toBe(1);
  });
});

describe('npm run import on a file that is not an exported page', () => {
  const refused = (name: string, bytes: Uint8Array | string) => {
    writeFileSync(join(work, name), bytes);
    const result = run(join(work, name), '--date', '2022-04-19', '--out', join(work, `out-${name}`));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(() => readdirSync(join(work, `out-${name}`))).toThrow(); // nothing written
    return result.stderr;
  };
  const binaryAdvice = fw(
    ',不像是导出的版面文字(可能是 Word、PDF 等二进制文件,或 UTF-16 编码的文本):请把版面导出为 UTF-8 编码的纯文本(.txt)再导入',
  );

  it('refuses a binary file, naming the file and where the NUL byte is', () => {
    const png = Buffer.concat([
      Buffer.from('\u2003本报讯\n'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47]),
      Buffer.from('\r\n\u001a\n\0\0\0\rIHDR'),
    ]);
    expect(png.includes(0)).toBe(true);
    // 0x89 is not UTF-8: reported as an encoding error first.
    expect(refused('photo.png', png)).toBe(
      `${join(work, 'photo.png')}:2:1: ${fw('文件不是 UTF-8 编码(这里有无法识别的字节),请在编辑器里用 UTF-8 重新保存(导入只接受 UTF-8 编码的纯文本)')}\n`,
    );
    expect(refused('nul.txt', '本报讯 记者\n第二行有\0空字节\n')).toBe(`${join(work, 'nul.txt')}:2:5: 这里有空字节 NUL${binaryAdvice}\n`);
  });

  it('refuses other control bytes, and UTF-16 text (ASCII letters with NULs between them)', () => {
    expect(refused('escape.txt', '标题\n\n正文\u001b[31m\n')).toBe(
      `${join(work, 'escape.txt')}:3:3: 这里有控制字符 U+001B${binaryAdvice}\n`,
    );
    expect(refused('utf16.txt', Buffer.from('AB\n', 'utf16le'))).toBe(`${join(work, 'utf16.txt')}:1:2: 这里有空字节 NUL${binaryAdvice}\n`);
  });

  it('accepts the whitespace text exports use: tabs, form feeds, vertical tabs and CRLF', () => {
    const page = readFileSync(seed, 'utf8').replace('\n', '\t\f\r\n').replace(/\n\n/, '\n\u000b\n');
    writeFileSync(join(work, 'spaced.txt'), page);
    expect(run(join(work, 'spaced.txt'), '--date', '2022-04-19', '--json').code).toBe(0);
  });

  it('names the line and column of a GBK-encoded page', () => {
    // 「本报讯」 in GBK, on line 2 after two ASCII characters.
    const gbk = Buffer.concat([Buffer.from('Page 1\nxy'), Buffer.from([0xb1, 0xbe, 0xb1, 0xa8, 0xd1, 0xb6]), Buffer.from('\n')]);
    expect(refused('gbk.txt', gbk)).toMatch(
      new RegExp(`^${join(work, 'gbk.txt').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:3: 文件不是 UTF-8 编码`),
    );
  });

  it('refuses a file over 2 MB without reading it, and a folder', () => {
    const big = join(work, 'big.txt');
    writeFileSync(big, '本报讯');
    truncateSync(big, 2 * 1024 * 1024 + 1);
    const tooBig = run(big, '--date', '2022-04-19', '--json');
    expect(tooBig.code).toBe(1);
    expect(tooBig.stderr).toBe(`${big}: ${fw('文件太大(2 MB,最多 2 MB):一个版面的文字只有几十 KB,请确认选对了文件')}\n`);
    mkdirSync(join(work, 'folder.txt'));
    const folder = run(join(work, 'folder.txt'), '--date', '2022-04-19', '--json');
    expect(folder.code).toBe(1);
    expect(folder.stderr).toBe(`${join(work, 'folder.txt')}: ${fw('不是普通文件:请给出导出的版面文字文件(.txt)')}\n`);
  });
});
