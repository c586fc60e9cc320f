// The pictures of a 版 the site serves, made with sharp from one large source (the PNG the page cache rendered from
// the PDF, or the newsroom's own image of the page): WebP at each width, and the size of a source image. Output
// is deterministic: the same source and width give the same bytes (a page kept by the incremental build, or
// rebuilt elsewhere, is the same file).
import { existsSync, readFileSync } from 'node:fs';
import sharp from 'sharp';
import { writeAtomic } from '../util/write-atomic-fs.ts';

/**
 * WebP quality of the page pictures: at 70 the 800-pixel picture a phone loads first is 88–146 KB on the e-paper
 * fixture's pages (docs/epaper.md), and the type still reads when zoomed in on the larger ones.
 */
export const PAGE_WEBP_QUALITY = 70;
/** The thumbnails of the strip of pages: small, where a higher quality would only add bytes. */
export const THUMB_WEBP_QUALITY = 60;

/**
 * The picture at `source` resized to `width` pixels (height in proportion) as WebP. With `cacheFile` (a path in the
 * e-paper cache named by everything the picture depends on), it is made once and read from there after: encoding a
 * page's five pictures costs more than rendering it, and a clean build of a year would otherwise pay it again.
 */
export async function pageWebp(source: string, width: number, quality: number, cacheFile?: string): Promise<Uint8Array<ArrayBuffer>> {
  if (cacheFile !== undefined && existsSync(cacheFile)) return new Uint8Array(readFileSync(cacheFile));
  const bytes = new Uint8Array(await sharp(source).resize({ width }).webp({ quality, effort: 4 }).toBuffer());
  if (cacheFile !== undefined) writeAtomic(cacheFile, bytes);
  return bytes;
}

/** A newsroom image's size in pixels and its resolution (pixels per inch) when the file says. */
export async function imageSize(path: string): Promise<{ width: number; height: number; density?: number | undefined }> {
  const meta = await sharp(readFileSync(path)).metadata();
  if (!meta.width || !meta.height) throw new Error(`${path}: not an image whose size can be read`);
  return { width: meta.width, height: meta.height, density: meta.density };
}
