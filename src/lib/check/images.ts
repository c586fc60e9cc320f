// Image references (frontmatter images[].file and images in the Markdown body): the file must exist inside the
// content folder the site loads photos from (never ../ or a symlink out of it), be of a type the site
// publishes, and stay under the size limit.
import { closeSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import { isLocalPath } from './markdown.ts';
import { IMAGE_EXTENSIONS } from '../content/files.ts';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

function inside(base: string, path: string): boolean {
  const rel = relative(base, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** Why `ref`, written in the article at `articlePath`, is not a publishable image under `contentBase`; or undefined. */
export function imageProblem(ref: string, articlePath: string, contentBase: string): string | undefined {
  if (!isLocalPath(ref) || ref.startsWith('/') || ref.includes('\\')) {
    return `图片文件「${ref}」要写成相对于稿件的路径\uFF0C例如 ./photo.jpg\uFF08图片和稿件放在同一个文件夹\uFF09`;
  }
  const path = resolve(dirname(articlePath), ref.split(/[?#]/)[0]!);
  if (!inside(contentBase, path)) return `图片文件「${ref}」必须放在 content 文件夹里\uFF08不能用 ../ 跳到外面\uFF09`;
  const ext = extname(path).slice(1);
  if (!(IMAGE_EXTENSIONS as readonly string[]).includes(ext)) {
    const lower = (IMAGE_EXTENSIONS as readonly string[]).includes(ext.toLowerCase());
    return lower
      ? `图片文件「${ref}」的扩展名请用小写\uFF08.${ext.toLowerCase()}\uFF09`
      : `图片文件「${ref}」的格式不支持\uFF1A只能是 ${IMAGE_EXTENSIONS.join('、')}`;
  }
  let size: number;
  try {
    if (lstatSync(path).isSymbolicLink()) return `图片文件「${ref}」不能是符号链接\uFF08快捷方式\uFF09\uFF0C请放入图片文件本身`;
    const stat = statSync(path);
    if (!stat.isFile()) return `找不到图片文件「${ref}」`;
    if (!inside(realpathSync(contentBase), realpathSync(path))) return `图片文件「${ref}」必须放在 content 文件夹里\uFF08不能链接到外面\uFF09`;
    size = stat.size;
  } catch {
    return `找不到图片文件「${ref}」\uFF08请确认文件已放进稿件所在的文件夹\uFF0C文件名大小写一致\uFF09`;
  }
  if (size > MAX_IMAGE_BYTES) {
    return `图片文件「${ref}」太大\uFF08${(size / 1024 / 1024).toFixed(1)} MB\uFF0C最多 ${MAX_IMAGE_BYTES / 1024 / 1024} MB\uFF09\uFF0C请压缩后再提交`;
  }
  const head = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  const format = imageFormat(head);
  const expected = ext === 'jpg' ? 'jpeg' : ext;
  if (format !== expected) {
    return format
      ? `图片文件「${ref}」其实是 ${format.toUpperCase()} 格式\uFF0C扩展名却是 .${ext}\uFF1A请改成 .${format === 'jpeg' ? 'jpg' : format}`
      : `图片文件「${ref}」不是图片\uFF08内容不是 ${expected.toUpperCase()} 格式\uFF09\uFF0C请重新导出图片`;
  }
  return undefined;
}

/** The format a file's first bytes say it is in (its magic number), or undefined. */
export function imageFormat(head: Uint8Array): (typeof IMAGE_EXTENSIONS)[number] | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (ascii(4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(8, 12))) return 'avif';
  return undefined;
}
