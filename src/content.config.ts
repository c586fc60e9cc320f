// Content collections: articles (content/YYYY/MM/DD/<slug>.md) and editions (content/YYYY/MM/DD/edition.yaml), read
// through the content door by src/loaders/content-loader.ts. The schemas themselves live in src/lib/schema.ts so
// the scripts validate with exactly the same rules; `photos` (the images' files, in order) is added here, where
// Astro's image() can turn each into an optimised image.
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { articleSchema, editionSchema } from './lib/schema.ts';
import { articlesLoader, editionsLoader } from './loaders/content-loader.ts';

const articles = defineCollection({
  loader: articlesLoader(),
  // `bodyPhotos`: the body's images (src/loaders/content-loader.ts), each with the address its placeholder names.
  schema: ({ image }) =>
    articleSchema.extend({ photos: z.array(image().optional()), bodyPhotos: z.array(z.object({ path: z.string(), photo: image() })) }),
});

const editions = defineCollection({
  loader: editionsLoader(),
  schema: editionSchema,
});

export const collections = { articles, editions };
