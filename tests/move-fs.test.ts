// moveSync (src/integrations/move-fs.ts): a rename where it works, a copy and removal where the target is on
// another file system (EXDEV), which a test reproduces with a rename that fails the way Linux fails it.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moveSync } from '../src/integrations/move-fs.ts';

const failWith = (code: string) => (from: string, to: string) => {
  throw Object.assign(new Error(`${code}: rename '${from}' -> '${to}'`), { code });
};

let work = '';
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'move-fs-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** A staged search-index shard: a folder with nested files and a relative symlink. */
function stagedShard(): string {
  const dir = join(work, 'staging/pagefind');
  mkdirSync(join(dir, 'fragment'), { recursive: true });
  writeFileSync(join(dir, 'pagefind-entry.json'), '{"version":"1"}');
  writeFileSync(join(dir, 'fragment/zh_1.pf_fragment'), Buffer.from([0, 1, 2, 255]));
  symlinkSync('pagefind-entry.json', join(dir, 'entry-link.json'));
  return dir;
}

describe('moveSync', () => {
  it('renames a folder on the same file system', () => {
    const from = stagedShard();
    moveSync(from, join(work, 'dist-pagefind'));
    expect(existsSync(from)).toBe(false);
    expect(readFileSync(join(work, 'dist-pagefind/pagefind-entry.json'), 'utf8')).toBe('{"version":"1"}');
  });

  it('copies a folder whole and removes the source when the rename fails with EXDEV', () => {
    const from = stagedShard();
    const to = join(work, 'dist/pagefind');
    mkdirSync(join(work, 'dist'));
    moveSync(from, to, failWith('EXDEV'));
    expect(existsSync(from)).toBe(false);
    expect(readFileSync(join(to, 'pagefind-entry.json'), 'utf8')).toBe('{"version":"1"}');
    expect([...readFileSync(join(to, 'fragment/zh_1.pf_fragment'))]).toEqual([0, 1, 2, 255]);
    expect(readlinkSync(join(to, 'entry-link.json'))).toBe('pagefind-entry.json');
  });

  it('moves a single file across devices too', () => {
    const from = join(work, 'a.txt');
    writeFileSync(from, '正文');
    moveSync(from, join(work, 'b.txt'), failWith('EXDEV'));
    expect(existsSync(from)).toBe(false);
    expect(readFileSync(join(work, 'b.txt'), 'utf8')).toBe('正文');
  });

  it('rethrows any other rename error and leaves the source alone', () => {
    const from = stagedShard();
    expect(() => moveSync(from, join(work, 'dist/pagefind'), failWith('EACCES'))).toThrow(/EACCES/);
    expect(existsSync(join(from, 'pagefind-entry.json'))).toBe(true);
    expect(existsSync(join(work, 'dist'))).toBe(false);
  });

  it('keeps the source, and what was at the target, when the copy fails', () => {
    const from = stagedShard();
    // The target's parent is a file: the copy cannot create the folder.
    writeFileSync(join(work, 'dist'), '');
    expect(() => moveSync(from, join(work, 'dist/pagefind'), failWith('EXDEV'))).toThrow();
    expect(existsSync(join(from, 'fragment/zh_1.pf_fragment'))).toBe(true);
    expect(readFileSync(join(work, 'dist'), 'utf8')).toBe('');
  });
});
