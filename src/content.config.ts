// Content collections: articles (content/YYYY/MM/DD/<slug>.md) and editions (content/YYYY/MM/DD/edition.yaml).
// The schemas themselves live in src/lib/schema.ts so the scripts validate with exactly the same rules.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema, editionSchema } from './lib/schema.ts';
import { CONTENT_DIR } from './lib/content-files.ts';

/** Entry id = path under content/ without extension: `2022/04/19/nv-zi-chao-jin-dao`, `2022/04/19/edition`. */
const idFromPath = ({ entry }: { entry: string }) => entry.replace(/\.(md|ya?ml)$/, '');

const articles = defineCollection({
  // No bodies in the data store (a third of it): pages render `rendered`, excerpts come from rehype-lead-paragraph.
  loader: glob({ pattern: '**/[!_]*.md', base: CONTENT_DIR, generateId: idFromPath, retainBody: false }),
  schema: articleSchema,
});

const editions = defineCollection({
  loader: glob({ pattern: '**/edition.yaml', base: CONTENT_DIR, generateId: idFromPath }),
  schema: editionSchema,
});

export const collections = { articles, editions };
