// Image references (frontmatter images[].file and images in the Markdown body): the file must exist inside the
// content folder the site loads photos from (never ../ or a symlink out of it), be of a type the site
// publishes, and stay under the size limit.
import { realpathSync, statSync } from 'node:fs';
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
  return undefined;
}
