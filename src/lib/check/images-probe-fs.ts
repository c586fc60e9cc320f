// Child process of probeImages (images-fs.ts): decodes each image file named on stdin (a JSON array of paths) with
// sharp, as the build's image pipeline will, and prints what it found (a JSON array of ImageProbe, in order).
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { MAX_IMAGE_PIXELS, type ImageProbe } from './images.ts';

async function probe(path: string): Promise<ImageProbe> {
  try {
    // The header alone, without sharp's own pixel limit, so that an image far over ours is reported with its size.
    const { width, height, pages = 1 } = await sharp(path, { limitInputPixels: false }).metadata();
    if (width * height * pages > MAX_IMAGE_PIXELS) return { ok: true, width, height, frames: pages };
    // Every frame decoded, into a small copy (JPEG and WebP are decoded at a fraction of their size on the way):
    // truncated or corrupt data fails here, where the build would publish a grey band or stop with an English error.
    await sharp(path, { pages: -1, failOn: 'truncated', limitInputPixels: MAX_IMAGE_PIXELS }).resize(64).raw().toBuffer();
    return { ok: true, width, height, frames: pages };
  } catch {
    return { ok: false };
  }
}

const probes: ImageProbe[] = [];
// One at a time: libvips already decodes each image on every core.
for (const path of JSON.parse(readFileSync(0, 'utf8')) as string[]) probes.push(await probe(path));
process.stdout.write(JSON.stringify(probes));
