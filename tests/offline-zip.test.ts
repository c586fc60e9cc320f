// The deterministic zip writer, read back by Info-ZIP's unzip: what an archivist's tools see.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { dosDateOf, moveEntry, prepareEntry, writeZip } from '../src/lib/offline/zip.ts';

const dir = mkdtempSync(join(tmpdir(), 'offline-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let count = 0;
function saved(zip: Buffer): string {
  const file = join(dir, `${++count}.zip`);
  writeFileSync(file, zip);
  return file;
}
const unzip = (...args: string[]) => execFileSync('unzip', args);

const text = '河北法制报讯 4月14日，石家庄市裕华区人民法院执行局组织干警20余人。\n'.repeat(50);
const photo = randomBytes(4096);
const files: [string, Uint8Array | string][] = [
  ['index.html', '<!doctype html><title>本期</title>'],
  ['articles/fa-yuan.html', text],
  ['_astro/photo.webp', photo],
  ['content/2022/04/19/稿件.md', '---\ntitle: 法院\n---\n正文'],
  ['empty.txt', ''],
];

describe('writeZip', () => {
  const zip = writeZip(files.map(([path, content]) => prepareEntry(path, content, '2022-04-19')));
  const file = saved(zip);

  it('writes an archive that unzip tests without errors', () => {
    expect(unzip('-tq', file).toString()).toMatch(/No errors detected/);
  });

  it('lists every file, sorted by path, dated with the edition at 00:00, as rw-r--r--', () => {
    expect(unzip('-Z1', file).toString().trim().split('\n')).toEqual([
      '_astro/photo.webp',
      'articles/fa-yuan.html',
      'content/2022/04/19/稿件.md',
      'empty.txt',
      'index.html',
    ]);
    const listing = unzip('-l', file).toString();
    expect(listing.match(/2022-04-19 00:00/g)).toHaveLength(files.length);
    expect(
      execFileSync('zipinfo', [file])
        .toString()
        .match(/^-rw-r--r--/gm),
    ).toHaveLength(files.length);
  });

  it('gives back every file byte for byte, UTF-8 names included', () => {
    for (const [path, content] of files) {
      expect(Buffer.compare(unzip('-p', file, path), Buffer.from(content)), path).toBe(0);
    }
  });

  it('deflates text and stores what does not compress', () => {
    const verbose = unzip('-v', file).toString();
    expect(verbose).toMatch(/Defl:\w.*articles\/fa-yuan\.html/);
    expect(verbose).toMatch(/Stored.*_astro\/photo\.webp/);
  });

  it('is byte-identical for the same files in any order, and differs when a file changes', () => {
    const again = writeZip([...files].reverse().map(([path, content]) => prepareEntry(path, content, '2022-04-19')));
    expect(Buffer.compare(again, zip)).toBe(0);
    const changed = writeZip(
      files.map(([path, content]) => prepareEntry(path, path === 'index.html' ? `${content} ` : content, '2022-04-19')),
    );
    expect(Buffer.compare(changed, zip)).not.toBe(0);
  });

  it('reuses compressed entries under new paths (a bundle of editions)', () => {
    const entry = prepareEntry('index.html', '<p>本期</p>', '2022-04-19');
    const bundle = saved(writeZip([moveEntry(entry, '2022-04-19/index.html'), prepareEntry('index.html', '<p>合订本</p>', '2022-04-30')]));
    expect(unzip('-p', bundle, '2022-04-19/index.html').toString()).toBe('<p>本期</p>');
    expect(unzip('-l', bundle).toString()).toMatch(/2022-04-30 00:00\s+index\.html/);
  });

  it('refuses duplicate and unsafe paths', () => {
    expect(() => writeZip([prepareEntry('a.html', 'x', '2022-04-19'), prepareEntry('a.html', 'y', '2022-04-19')])).toThrow(
      /duplicate entry "a.html"/,
    );
    for (const bad of ['/etc/passwd', '../up.html', 'a//b', 'dir/', 'a\\b', './a']) {
      expect(() => prepareEntry(bad, 'x', '2022-04-19'), bad).toThrow(/invalid entry path/);
    }
  });
});

describe('dosDateOf', () => {
  it('encodes the date, and dates before 1980 as the format’s first day', () => {
    expect(dosDateOf('2022-04-19')).toBe(((2022 - 1980) << 9) | (4 << 5) | 19);
    expect(dosDateOf('1979-12-31')).toBe(dosDateOf('1980-01-01'));
    expect(() => dosDateOf('2022/04/19')).toThrow(/YYYY-MM-DD/);
  });
});
