// A content folder of several years made from the sample edition, for the build in parts: the sample's articles
// re-dated into editions on both sides of two new years, with what a whole build and the parts must agree on
// across years: two homophone names in different years and no byline record (so a person's URL number depends
// on every year), a county found only in the oldest year (its feed reaches back), a draft, a listing longer than
// one page, and a redirect.
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const sample = fileURLToPath(new URL('../fixtures/sample/2022/04/19/', import.meta.url));

/** Writes the folder at `dir` (emptied first). Editions: 2020-12-31, 2021-01-01, 2021-06-15, 2022-04-19. */
export function writeMultiYearContent(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  const names = readdirSync(sample)
    .filter((n) => n.endsWith('.md'))
    .sort();
  const edition = (date: string, picks: readonly string[], edit: (name: string, text: string) => string = (_n, t) => t) => {
    const folder = join(dir, ...date.split('-'));
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'edition.yaml'),
      readFileSync(join(sample, 'edition.yaml'), 'utf8')
        .replaceAll('2022-04-19', date)
        .replace(/^note:.*$/m, ''),
    );
    for (const name of picks)
      writeFileSync(join(folder, name), edit(name, readFileSync(join(sample, name), 'utf8').replace('date: 2022-04-19', `date: ${date}`)));
  };
  edition('2020-12-31', names.slice(0, 6), (name, text) => {
    if (name === names[0]) return text.replace(/^byline:\n( {2}- .*\n)+/m, 'byline:\n  - 张伟\n');
    if (name === names[1]) return text.replace(/^county: .*$/m, 'county: 围场满族蒙古族自治县');
    if (name === names[2]) return text.replace(/^date: /m, 'draft: true\ndate: ');
    return text;
  });
  edition('2021-01-01', names.slice(3, 8));
  edition('2021-06-15', names);
  edition('2022-04-19', names, (name, text) =>
    name === names[4] ? text.replace(/^byline:\n( {2}- .*\n)+/m, 'byline:\n  - 章伟\n') : text,
  );
  writeFileSync(join(dir, 'redirects.yaml'), `- from: /2021/01/01/old-slug/\n  to: /2021/01/01/${names[3]!.replace(/\.md$/, '')}/\n`);
}

/** Copies `dir` (a content folder) into `project/content-dir`, for a build whose CONTENT_DIR is there. */
export function copyContent(dir: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  cpSync(dir, to, { recursive: true });
}
