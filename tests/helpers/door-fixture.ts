// A content folder with everything the content door must keep from readers, written afresh for each test run
// (links and odd bytes do not live well in git): the search-site fixture plus hidden and leftover files, a photo
// no article shows, a draft with its own photo, an edition of drafts only, newsroom comments and notes. Every
// secret carries a marker (DOOR-SECRET-…) that no output may contain. The build of it must succeed.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

export const SECRET = 'DOOR-SECRET';

async function jpeg(path: string, marker: string, color: string): Promise<void> {
  await sharp({ create: { width: 320, height: 240, channels: 3, background: color } })
    .jpeg()
    .withExif({ IFD0: { Copyright: marker, ImageDescription: marker }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '38/1 2/1 0/1' } })
    .toFile(path);
}

const front = (fields: Record<string, string>) =>
  `---\n${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n`;

export async function writeDoorFixture(root: string, fixtures: string): Promise<string> {
  const content = join(root, 'content');
  rmSync(root, { recursive: true, force: true });
  cpSync(join(fixtures, 'search-site'), content, { recursive: true });
  const day = join(content, '2022/04/19');
  // An article that shows a photo (frontmatter and body), with a newsroom comment in its body and YAML.
  const shown = join(day, 'xiao-fang-yan-lian.md');
  writeFileSync(
    shown,
    readFileSync(shown, 'utf8')
      .replace(
        'order: 1\n',
        `order: 1\n# ${SECRET}-yaml-comment\nimages:\n  - file: ./shown.jpg\n    caption: 图为演练现场。\n    credit: [赵强]\n`,
      )
      .trimEnd() +
      `\n\n<!-- ${SECRET}-html-comment 编辑部备注 -->\n\n![演练](./shown.jpg)\n\n![现场][xian-chang]\n\n[xian-chang]: <./shown.jpg> "演练现场"\n`,
  );
  await jpeg(join(day, 'shown.jpg'), `${SECRET}-exif-shown`, '#336699');
  await jpeg(join(day, 'unused.jpg'), `${SECRET}-exif-unused`, '#993366');
  await jpeg(join(day, 'draft-photo.jpg'), `${SECRET}-exif-draft`, '#669933');
  writeFileSync(
    join(day, 'cao-gao-you-tu.md'),
    front({
      title: '带图的草稿',
      byline: '[通讯员 赵强]',
      date: '2022-04-19',
      county: '裕华区',
      category: '社会',
      page: '3',
      order: '9',
      draft: 'true',
    }).replace(
      /---\n$/,
      `images:\n  - file: ./draft-photo.jpg\n    caption: 草稿图片。\n---\n\n${SECRET}-draft-body\n\n![草稿](./draft-photo.jpg)\n`,
    ),
  );
  // Hidden and leftover files: never read, never published (a hidden article gets a warning).
  const article = (title: string, order: number) =>
    front({ title, byline: '[通讯员 赵强]', date: '2022-04-19', county: '裕华区', category: '社会', page: '3', order: String(order) }) +
    `\n${SECRET}-${title}\n`;
  writeFileSync(join(day, '.yin-cang.md'), article('hidden', 20));
  writeFileSync(join(day, '.#xiao-fang-yan-lian.md'), article('emacs-lock', 21));
  writeFileSync(join(day, 'xiao-fang-yan-lian.md~'), article('backup', 22));
  writeFileSync(join(day, '._xiao-fang-yan-lian.md'), Buffer.from([0, 5, 22, 7, 0, 2, 0, 0, 0xff, 0xfe, 0x80]));
  writeFileSync(join(day, '_bian-ji-bei-wang.md'), `${SECRET}-aside\n`);
  writeFileSync(join(day, 'notes.txt'), `${SECRET}-notes\n`);
  mkdirSync(join(day, '.git-like'), { recursive: true });
  writeFileSync(join(day, '.git-like', 'x.md'), article('hidden-folder', 23));
  // The edition's note is for the newsroom.
  writeFileSync(join(day, 'edition.yaml'), `${readFileSync(join(day, 'edition.yaml'), 'utf8').trimEnd()}\nnote: ${SECRET}-edition-note\n`);
  // An edition holding only a draft is not an edition.
  const drafts = join(content, '2022/05/01');
  mkdirSync(drafts, { recursive: true });
  writeFileSync(join(drafts, 'edition.yaml'), `date: 2022-05-01\npages:\n  - number: 1\n    name: 要闻\n`);
  writeFileSync(
    join(drafts, 'wei-qian-fa.md'),
    front({
      title: '未签发',
      byline: '[记者 王明]',
      date: '2022-05-01',
      county: '河北省',
      category: '要闻',
      page: '1',
      order: '1',
      draft: 'true',
    }) + `\n${SECRET}-draft-edition\n`,
  );
  return content;
}
