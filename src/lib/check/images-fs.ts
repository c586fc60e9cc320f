// Image references (frontmatter images[].file and images in the Markdown body) against the disk: the file must exist
// in the article's own edition folder (never ../ or a symlink out of it), be of a type the site publishes, stay
// under the size limit, and decode whole within the pixel limit (the rules: images.ts).
import { spawnSync } from 'node:child_process';
import { closeSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isLocalPath } from './markdown.ts';
import { IMAGE_EXTENSIONS } from '../content/files.ts';
import { imageFormat, MAX_IMAGE_BYTES, type ImageProbe } from './images.ts';

function inside(base: string, path: string): boolean {
  const rel = relative(base, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** The absolute path of the image file `file` (relative to the article, as the build imports it) names. */
export function imagePath(file: string, articlePath: string): string {
  return resolve(dirname(articlePath), file);
}

/**
 * Why the image written `ref` in the article at `articlePath`, naming the file `file` relative to it (`ref` itself
 * in the frontmatter; the body's decoded address), is not a publishable image under `contentBase`; or undefined.
 * Reads no more than the file's first bytes: decoding it is probeImages's work, done for all of a check's images at once.
 * `maxBytes`: a photo's limit unless told (a 版's page image, src/lib/check/epaper.ts, may be larger).
 */
export function imageProblem(
  ref: string,
  articlePath: string,
  contentBase: string,
  file = ref,
  maxBytes = MAX_IMAGE_BYTES,
): string | undefined {
  if (!isLocalPath(file) || file.startsWith('/') || file.includes('\\') || /[?#]/.test(file)) {
    return `图片文件「${ref}」要写成相对于稿件的路径\uFF0C例如 ./photo.jpg\uFF08图片和稿件放在同一个文件夹\uFF09`;
  }
  const path = imagePath(file, articlePath);
  if (!inside(contentBase, path) || dirname(path) !== dirname(resolve(articlePath))) {
    return `图片文件「${ref}」必须和稿件放在同一个文件夹里\uFF08不能放在别的文件夹\uFF0C也不能用 ../ 跳到外面\uFF09`;
  }
  const ext = extname(path).slice(1);
  if (ext.toLowerCase() === 'svg') {
    return `图片文件「${ref}」是 SVG 矢量图\uFF1ASVG 里可以藏脚本\uFF0C网站不发布\uFF1B请导出成 png 或 jpg 再用`;
  }
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
    if (!inside(realpathSync(contentBase), realpathSync(path)))
      return `图片文件「${ref}」必须放在 content 文件夹里\uFF08不能链接到外面\uFF09`;
    size = stat.size;
  } catch {
    return `找不到图片文件「${ref}」\uFF08请确认文件已放进稿件所在的文件夹\uFF0C文件名大小写一致\uFF09`;
  }
  if (size > maxBytes) {
    return `图片文件「${ref}」太大\uFF08${(size / 1024 / 1024).toFixed(1)} MB\uFF0C最多 ${maxBytes / 1024 / 1024} MB\uFF09\uFF0C请压缩后再提交`;
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

const PROBE = fileURLToPath(new URL('./images-probe-fs.ts', import.meta.url));

/**
 * Each of `paths` (image files that passed imageProblem) decoded as the build's image pipeline decodes it, in one
 * child process (images-probe-fs.ts): sharp only decodes asynchronously, and the checker is synchronous.
 */
export function probeImages(paths: readonly string[]): Map<string, ImageProbe> {
  if (paths.length === 0) return new Map();
  const child = spawnSync(process.execPath, [PROBE], { input: JSON.stringify(paths), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`decoding the images failed: ${child.error?.message ?? child.stderr}`);
  const probes = JSON.parse(child.stdout) as ImageProbe[];
  return new Map(paths.map((path, i) => [path, probes[i]!]));
}
