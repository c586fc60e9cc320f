// File-system side of the realistic benchmark archive: the word-frequency dictionary that ships inside
// the `nodejieba` npm package (cppjieba's jieba.dict.utf8: 348,982 words with their frequencies in a
// large Chinese corpus). It is fetched from the npm registry with `npm pack` (no install, so none of the
// package's native build scripts run) and kept in the benchmark's cache folder; nothing outside the
// registry is downloaded, and the project does not depend on the package.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readContent } from '../../src/lib/content/content-files-fs.ts';
import { markdownToText } from '../../src/lib/search/records.ts';
import { vocabulary } from './synthetic.ts';

const PACKAGE = 'nodejieba@3.5.8';
const DICTIONARY = 'package/submodules/cppjieba/dict/jieba.dict.utf8';

/** Han-only words of the dictionary with their corpus frequencies, most frequent first. */
export function jiebaDictionary(cacheDir: string): [string, number][] {
  const dir = join(cacheDir, PACKAGE.replace('@', '-'));
  const file = join(dir, DICTIONARY);
  if (!existsSync(file)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const tarball = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', dir], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .at(-1)!;
    execFileSync('tar', ['-xzf', join(dir, tarball), '-C', dir, DICTIONARY]);
    rmSync(join(dir, tarball));
  }
  const words: [string, number][] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [word, freq] = line.split(' ');
    if (word && /^\p{Script=Han}+$/u.test(word) && Number(freq) > 0) words.push([word, Number(freq)]);
  }
  return words.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

export type ArchiveText = 'print' | 'sample';

/**
 * What the benchmarks' archives are written from: the sample fixture's vocabulary (not content/'s, so the
 * archive does not change when the newsroom's content does) and, for `print` (the default), the dictionary.
 * `sample` is the earlier, lighter archive: short bodies in the sample's vocabulary alone.
 */
export function archiveText(root: string, text: ArchiveText): { vocab: [string, number][]; dictionary?: [string, number][] } {
  const sample = readContent(root, 'tests/fixtures/sample');
  const vocab = vocabulary(sample.articles.map((a) => `${a.data.title}\n${markdownToText(a.body)}`).join('\n'));
  if (text === 'sample') return { vocab };
  if (text !== 'print') throw new Error(`--text must be print or sample, not ${String(text)}`);
  return { vocab, dictionary: jiebaDictionary(join(root, 'bench/.cache')) };
}
