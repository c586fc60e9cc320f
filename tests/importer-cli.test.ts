// scripts/import.ts: the command line over the importer, run as `npm run import` runs it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

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
    expect(lines[4]).toBe('huai-an-fa-yuan-lian-he-xian-jian-cha-yuan-kai  怀安法院联合县检察院开展国家安全普法宣传活动  席娟 苏旭姣  怀安县  法院  [truncated]');
    expect(lines.at(-1)).toMatch(/^13 articles, 3 flagged for review; wrote 14 files to /);
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
