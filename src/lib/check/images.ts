// The rules for a photo's file that need no disk (src/lib/check/images-fs.ts applies them to the files): the size
// limits, what a file's first bytes say it is, and what to tell the reporter about an image that cannot be decoded
// or holds more pixels than the site's image pipeline should take.
import { IMAGE_EXTENSIONS } from '../content/files.ts';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/**
 * The most pixels a photo may hold, all frames of an animation together: 40 megapixels (7,700 × 5,200), far more
 * than the 1,200 pixels wide a photo is published at. A PNG of a few hundred bytes can claim billions, and decoding
 * it would take the build's memory.
 */
export const MAX_IMAGE_PIXELS = 40_000_000;

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

/** What decoding an image found: its size (one frame's, and how many frames), or that it cannot be decoded. */
export type ImageProbe = { ok: true; width: number; height: number; frames: number } | { ok: false };

/** Why the image `ref`, decoded as `probe` says, cannot be published; or undefined. */
export function decodedImageProblem(ref: string, probe: ImageProbe): string | undefined {
  if (!probe.ok) {
    return `图片文件「${ref}」已损坏或不完整\uFF08可能没有复制或下载完\uFF09\uFF0C网站无法读取\uFF1A请重新导出或重新复制这张图片`;
  }
  const pixels = probe.width * probe.height * probe.frames;
  if (pixels <= MAX_IMAGE_PIXELS) return undefined;
  const frames = probe.frames > 1 ? `\uFF0C共 ${probe.frames} 帧` : '';
  return `图片文件「${ref}」像素太多\uFF08${probe.width}×${probe.height}${frames}\uFF0C约 ${Math.round(pixels / 10_000)} 万像素\uFF0C最多 ${MAX_IMAGE_PIXELS / 10_000} 万像素\uFF09\uFF1A请把图片缩小后再提交`;
}
