// `npm run import` on a page PDF (tests/fixtures/epaper/pages/): the articles and edition.yaml written with the
// page's `pdf:` and the PDF copied beside it, `--json`, and the Chinese refusal of a PDF whose fonts carry no text.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const pages = join(root, 'tests/fixtures/epaper/pages');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function run(...args: string[]) {
  return spawnSync(process.execPath, ['scripts/import.ts', ...args], { cwd: root, encoding: 'utf8' });
}

describe('npm run import -- page.pdf', () => {
  it('writes the articles, edition.yaml with the page PDF, and copies the PDF as NN.pdf', () => {
    const out = mkdtempSync(join(tmpdir(), 'import-pdf-'));
    dirs.push(out);
    const result = run(join(pages, 'embedded/02.pdf'), '--date', '2022-04-19', '--page', '2', '--page-name', '政法动态', '--out', out);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readFileSync(join(out, 'edition.yaml'), 'utf8')).toMatch(/number: 2\n\s+name: 政法动态\n\s+pdf: 02\.pdf/);
    expect(readFileSync(join(out, '02.pdf'))).toEqual(readFileSync(join(pages, 'embedded/02.pdf')));
    expect(readdirSync(out).filter((f) => f.endsWith('.md')).length).toBeGreaterThanOrEqual(5);
    expect(existsSync(join(out, 'fa-yuan-yi-fa-qiang-zhi-teng-fang-bao-zhang.md'))).toBe(true);
    // Importing the page again from the copy beside edition.yaml neither copies nor changes edition.yaml.
    const again = run(join(out, '02.pdf'), '--date', '2022-04-19', '--page', '2', '--out', out, '--force');
    expect(again.status).toBe(0);
    expect(readFileSync(join(out, 'edition.yaml'), 'utf8').match(/pdf:/g)).toHaveLength(1);
  });

  it('prints the articles with --json and writes nothing', () => {
    const result = run(join(pages, 'cid/01.pdf'), '--date', '2022-04-19', '--json');
    expect(result.status).toBe(0);
    const titles = (JSON.parse(result.stdout) as { articles: { title: string }[] }).articles.map((a) => a.title);
    expect(titles).toContain('女子“抄近道”逆行被撞受伤负全责');
  });

  it('refuses a PDF whose fonts carry no Unicode with a Chinese message and exit code 1', () => {
    const out = mkdtempSync(join(tmpdir(), 'import-pdf-'));
    dirs.push(out);
    const result = run(join(pages, 'no-unicode/01.pdf'), '--date', '2022-04-19', '--out', out);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PDF 的字体不带可读的文字编码.*请改用排版系统导出的版面文字/);
    expect(result.stderr).not.toMatch(/\bat \S+:\d+:\d+/);
    expect(readdirSync(out)).toEqual([]);
  });
});
