// The photo files of articles, as Astro image metadata: shared by the figures on the page and the social card
// and structured data in its head, so both find a photo the same way and fail the same way.
import type { ImageMetadata } from 'astro';

const photos = import.meta.glob<{ default: ImageMetadata }>('/content/**/*.{jpg,jpeg,png,webp,avif,gif}');

/** The photo `file` (relative to the article, e.g. `./photo.jpg`) of the article at `articleFile` (e.g. content/2022/04/19/foo.md). */
export async function loadArticlePhoto(articleFile: string, file: string): Promise<ImageMetadata> {
  const dir = articleFile.replace(/[^/]*$/, '');
  const key = `/${new URL(file, `file:///${dir}`).pathname.slice(1)}`;
  const load = photos[key];
  if (!load) throw new Error(`${articleFile}: images.file: 找不到图片文件 ${file}`);
  return (await load()).default;
}
