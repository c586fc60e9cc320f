// Reads the content folder the way the site does (same schema), for build steps that work from the
// Markdown sources rather than from rendered pages: the search index and the offline downloads.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { articleSchema, editionSchema, type Article, type Edition } from './schema.ts';

export interface ArticleSource {
  /** Entry id as Astro's glob loader gives it: `2022/04/19/slug`. */
  id: string;
  /** Path relative to the project root, e.g. `content/2022/04/19/slug.md`. */
  file: string;
  data: Article;
  body: string;
}

export interface EditionSource {
  id: string;
  file: string;
  data: Edition;
}

/**
 * The content folder, relative to the project root. `CONTENT_DIR` points the whole build elsewhere:
 * test fixtures and the benchmark's synthetic archive use it; readers' builds never set it.
 */
export const CONTENT_DIR = process.env['CONTENT_DIR'] ?? 'content';

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}

/**
 * Every article and edition under `contentDir`, validated with the site's schema. Throws on the first
 * invalid file (the site build reports content errors in detail before this runs).
 */
export function readContent(root: string, contentDir = CONTENT_DIR): { articles: ArticleSource[]; editions: EditionSource[] } {
  const articles: ArticleSource[] = [];
  const editions: EditionSource[] = [];
  for (const path of walk(join(root, contentDir))) {
    const file = relative(root, path).split(sep).join('/');
    const id = relative(join(root, contentDir), path).split(sep).join('/').replace(/\.(md|ya?ml)$/, '');
    const name = path.slice(path.lastIndexOf(sep) + 1);
    if (name === 'edition.yaml') {
      editions.push({ id, file, data: editionSchema.parse(parseYaml(readFileSync(path, 'utf8'))) });
    } else if (name.endsWith('.md') && !name.startsWith('_')) {
      const source = readFileSync(path, 'utf8');
      const match = FRONTMATTER.exec(source);
      if (!match) throw new Error(`${file}: 缺少 frontmatter`);
      articles.push({ id, file, data: articleSchema.parse(parseYaml(match[1]!)), body: source.slice(match[0].length) });
    }
  }
  return { articles, editions };
}
