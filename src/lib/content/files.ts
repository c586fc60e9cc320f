// Which files under the content folder are content: the one answer to "does the site read this file?", given to
// the checker, the Astro loaders, the search index, the downloads and the photo pipeline alike. Pure: it sees a
// path relative to the content folder and what kind of directory entry it is, never the disk.

/** The permanent-URL records at the top of the content folder (src/lib/permanent-urls/ reads them). */
export const REDIRECTS_FILE = 'redirects.yaml';
export const PUBLISHED_URLS_FILE = 'published-urls.txt';
export const PUBLISHED_BYLINES_FILE = 'published-bylines.txt';

/** An edition's own file, in its folder beside its articles (content/YYYY/MM/DD/). */
export const EDITION_FILE = 'edition.yaml';

/** The photo types the site's image pipeline reads. */
export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'avif', 'gif'] as const;

/**
 * A 版's printed page as the layout system exports it (edition.yaml's `pages[].pdf`), beside edition.yaml. Read only
 * when edition.yaml names it (src/lib/check/epaper-fs.ts checks it; the e-paper reads it).
 */
export const PAGE_PDF_EXTENSION = 'pdf';

/** Why a symbolic link is refused, wherever in the content folder it is. */
export const LINK_MESSAGE = '内容文件夹里不能有符号链接\uFF08快捷方式\uFF09\uFF1A请放入文件本身';

/** What a directory entry other than a folder is, as `lstat` sees it: a symbolic link is never followed. */
export type EntryType = 'file' | 'symlink' | 'other';

export type ContentFile =
  /** An article: content/YYYY/MM/DD/<slug>.md. `id` is the entry id, `2022/04/19/slug`. */
  | { kind: 'article'; id: string; date: string }
  /** An edition's pages and issue number: content/YYYY/MM/DD/edition.yaml. */
  | { kind: 'edition'; id: string; date: string }
  /** A photo beside articles: published only when a published article shows it. */
  | { kind: 'photo'; date: string }
  /** A 版's page PDF beside edition.yaml: read only when edition.yaml names it (`pdf: 01.pdf`). */
  | { kind: 'page-pdf'; date: string }
  /** redirects.yaml, published-urls.txt or published-bylines.txt at the top of the content folder. */
  | { kind: 'site-list' }
  /** Never read, and nothing to tell the reporter: editor and system leftovers, notes kept aside (`_name.md`). */
  | { kind: 'ignored' }
  /** Never read; the reporter is told why (a warning), since they may expect it to be published. */
  | { kind: 'unread'; message: string }
  /** An error: a file the site must not read (a symbolic link) or that is in the wrong place. */
  | { kind: 'refused'; message: string };

const DATE_PARTS = [/^\d{4}$/, /^(0[1-9]|1[0-2])$/, /^(0[1-9]|[12]\d|3[01])$/] as const;

/** Leftovers of editors and operating systems: backups, swap and lock files, Finder and Explorer metadata. */
function isLeftover(name: string): boolean {
  return (
    name.startsWith('._') ||
    name.startsWith('.#') ||
    name.startsWith('~$') ||
    /^#.*#$/.test(name) ||
    /~$/.test(name) ||
    /\.(swp|swo|swx|tmp|bak|orig|part|crdownload)$/i.test(name) ||
    /^(\.DS_Store|Thumbs\.db|desktop\.ini|\.directory|\.gitkeep|\.keep)$/i.test(name)
  );
}

/** Names a reporter may expect the site to read although it does not. */
function misspelt(name: string): string | undefined {
  if (/\.(markdown|mdown|mkd|mdx)$/i.test(name) || (/\.md$/i.test(name) && !name.endsWith('.md'))) {
    return `稿件的扩展名必须是小写的 .md\uFF0C「${name}」不会被网站读取`;
  }
  if (/^edition\./i.test(name) && name !== EDITION_FILE) return `版期信息文件必须叫 edition.yaml\uFF0C「${name}」不会被网站读取`;
  const ext = name.slice(name.lastIndexOf('.') + 1);
  if ((IMAGE_EXTENSIONS as readonly string[]).includes(ext.toLowerCase()) && !(IMAGE_EXTENSIONS as readonly string[]).includes(ext)) {
    return `图片文件「${name}」的扩展名请用小写\uFF08.${ext.toLowerCase()}\uFF09\uFF0C否则不会被网站读取`;
  }
  if (ext.toLowerCase() === PAGE_PDF_EXTENSION && ext !== PAGE_PDF_EXTENSION) {
    return `版面 PDF「${name}」的扩展名请用小写\uFF08.pdf\uFF09\uFF0C否则不会被网站读取`;
  }
  return undefined;
}

/**
 * What the file at `path` (relative to the content folder, slash-separated) is to the site. Decided here, once:
 * - symbolic links (to files or folders, inside the content folder or out of it) are refused: a link can bring
 *   any file of the machine that builds the site into the published site;
 * - names starting with `.` are never read (hidden files, and folders: src/lib/content/tree-fs.ts does not enter
 *   them), and neither are editor and system leftovers;
 *   a hidden `.md` is named in a warning, as it looks like an article that would not be published;
 * - `_name.md` is a note kept aside, never read (documented in CONTRIBUTING.md);
 * - an article or edition.yaml must sit directly in a content/YYYY/MM/DD/ folder of a real date;
 * - photos (jpg, png, webp, avif, gif) sit beside the articles that show them;
 * - a `.pdf` beside edition.yaml is a 版's page PDF, read only when edition.yaml names it;
 * - anything else is not read, with a warning.
 */
export function classifyContentPath(path: string, type: EntryType): ContentFile {
  const parts = path.split('/');
  const name = parts.at(-1)!;
  if (type === 'symlink') return { kind: 'refused', message: LINK_MESSAGE };
  if (name.startsWith('.') || isLeftover(name)) {
    if (type === 'file' && /\.md$/i.test(name) && !isLeftover(name)) {
      return { kind: 'unread', message: `以点开头的文件「${name}」是隐藏文件\uFF0C不会发布\uFF1B稿件的文件名请用标题的拼音` };
    }
    return { kind: 'ignored' };
  }
  if (type === 'other') return { kind: 'unread', message: '这不是普通文件\uFF0C不会被网站读取' };
  if (parts.length === 1) {
    if (name === REDIRECTS_FILE || name === PUBLISHED_URLS_FILE || name === PUBLISHED_BYLINES_FILE) return { kind: 'site-list' };
  }
  const folder = parts.slice(0, -1);
  const dated = folder.length === 3 && folder.every((p, i) => DATE_PARTS[i]!.test(p));
  const isArticle = name.endsWith('.md') && !name.startsWith('_');
  if (!dated) {
    if (isArticle || name === EDITION_FILE) {
      const where = folder.length > 3 && folder.slice(0, 3).every((p, i) => DATE_PARTS[i]!.test(p)) ? `\uFF0C不能再放进下一层文件夹「${folder.slice(3).join('/')}」` : '';
      return { kind: 'refused', message: `稿件和 edition.yaml 必须直接放在 content/年/月/日/ 文件夹中${where}` };
    }
    return name.startsWith('_') ? { kind: 'ignored' } : { kind: 'unread', message: misspelt(name) ?? `「${name}」不在 content/年/月/日/ 文件夹中\uFF0C不会被网站读取` };
  }
  const date = folder.join('-');
  const id = `${folder.join('/')}/${name.replace(/\.(md|yaml)$/, '')}`;
  if (name === EDITION_FILE) return { kind: 'edition', id, date };
  if (isArticle) return { kind: 'article', id, date };
  if (name.startsWith('_')) return { kind: 'ignored' };
  const ext = name.slice(name.lastIndexOf('.') + 1);
  if (name.includes('.') && (IMAGE_EXTENSIONS as readonly string[]).includes(ext)) return { kind: 'photo', date };
  if (name.includes('.') && ext === PAGE_PDF_EXTENSION) return { kind: 'page-pdf', date };
  return { kind: 'unread', message: misspelt(name) ?? `「${name}」不是稿件\uFF08.md\uFF09、edition.yaml 或图片\uFF0C不会被网站读取` };
}
