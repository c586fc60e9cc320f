// Reads the content folder the way the site does (same schema), for build steps that work from the
// Markdown sources rather than from rendered pages: the search index and the offline downloads.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { articleSchema, editionSchema, type Article, type Edition } from './schema.ts';
import { decodeSource, splitFrontmatter } from './content/source.ts';
import { parseYaml } from './content/yaml.ts';

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

/** An edition's own file, in its folder beside its articles (content/YYYY/MM/DD/). */
export const EDITION_FILE = 'edition.yaml';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
}

/** A content file's text, decoded the way the checker does (strict UTF-8, BOM and CRLF accepted). */
function text(file: string, path: string): string {
  const decoded = decodeSource(readFileSync(path));
  if (!decoded.ok) throw new Error(`${file}:${decoded.error.line}: ${decoded.error.message}`);
  return decoded.text;
}

/** YAML data parsed with the checker's safe parser (no aliases, no custom tags, bounded depth). */
function yamlData(file: string, yaml: string, firstLine: number): unknown {
  const parsed = parseYaml(yaml, firstLine, { line: firstLine, column: 1 }, file);
  const [issue] = parsed.issues;
  if (issue) throw new Error(`${file}:${issue.line}:${issue.column}: ${issue.message}`);
  return parsed.data;
}

/**
 * Each article and edition under `contentDir`, in path order, parsed like the checker parses them and validated
 * with the site's schema (an article has a `body`, an edition has not); `only` picks files by their path
 * relative to the root. Throws on the first invalid file (the content check reports every error before this runs).
 */
export function* contentFiles(root: string, contentDir = CONTENT_DIR, only: (file: string) => boolean = () => true): Generator<ArticleSource | EditionSource> {
  for (const path of walk(join(root, contentDir))) {
    const file = relative(root, path).split(sep).join('/');
    if (!only(file)) continue;
    const id = relative(join(root, contentDir), path).split(sep).join('/').replace(/\.(md|ya?ml)$/, '');
    const name = path.slice(path.lastIndexOf(sep) + 1);
    if (name === EDITION_FILE) {
      yield { id, file, data: editionSchema.parse(yamlData(file, text(file, path), 1)) };
    } else if (name.endsWith('.md') && !name.startsWith('_')) {
      const split = splitFrontmatter(text(file, path));
      if (!split.ok) throw new Error(`${file}:${split.error.line}: ${split.error.message}`);
      const { yaml, yamlLine, body } = split.value;
      yield { id, file, data: articleSchema.parse(yamlData(file, yaml, yamlLine)), body };
    }
  }
}

/** Every article and edition under `contentDir` (see contentFiles). */
export function readContent(root: string, contentDir = CONTENT_DIR, only?: (file: string) => boolean): { articles: ArticleSource[]; editions: EditionSource[] } {
  const articles: ArticleSource[] = [];
  const editions: EditionSource[] = [];
  for (const entry of contentFiles(root, contentDir, only)) {
    if ('body' in entry) articles.push(entry);
    else editions.push(entry);
  }
  return { articles, editions };
}
