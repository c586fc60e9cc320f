// The benchmark archive as one collection, with no schema: the floor does no validation.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const dir = process.env['CONTENT_DIR'];
if (!dir) throw new Error('CONTENT_DIR must point at the benchmark archive');

export const collections = {
  articles: defineCollection({ loader: glob({ pattern: '**/*.md', base: dir }) }),
};
