// Reads the content folder through the content door (src/lib/content), for build steps that work from the
// Markdown sources rather than from rendered pages: the search index, the URL record, the benchmarks.
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { Article, Edition } from '../schema.ts';
import { formatProblem } from './problem.ts';
import { readArticle, readEdition, type ReadArticle, type ReadFile } from './read.ts';
import { readFor, type SharedReads } from './shared-reads.ts';
import { walkContent } from './tree-fs.ts';
import { toPosix } from '../util/posix-path.ts';
import { settings } from '../settings.ts';

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
export const CONTENT_DIR = settings.contentDir;

export { EDITION_FILE } from './files.ts';

/** The first error of a file read by the content door, as the checker words it. */
export function requireData(read: Pick<ReadFile<unknown>, 'problems'>): void {
  const error = read.problems.find((p) => p.severity === 'error');
  if (error) throw new Error(formatProblem(error));
}

export interface ReadOptions {
  /** Picks files by their path relative to the root. */
  only?: (file: string) => boolean;
  /** Reads already made this build (the content check's), used for the bytes they were made from instead of parsing again. */
  reads?: SharedReads | undefined;
  /** `astro dev`: leave an invalid file out (the content check shows its error) instead of throwing. */
  leaveOutInvalid?: boolean;
  /** Reads only the folder at this path under the content folder (`2022`: one year), walking nothing else. */
  under?: string | undefined;
}

/**
 * Each article and edition under `contentDir`, in path order, as the content door reads them (src/lib/content:
 * the same files, the same parser, the same schema as the checker; links and hidden files are never read).
 * Throws on the first invalid file with the checker's located message (the content check reports every error
 * before this runs), unless told to leave it out.
 */
export function* contentFiles(root: string, contentDir = CONTENT_DIR, options: ReadOptions = {}): Generator<ArticleSource | EditionSource> {
  const { only = () => true, reads, leaveOutInvalid = false, under } = options;
  const base = join(root, contentDir);
  for (const { path, file: kind } of walkContent(base, under)) {
    if (kind.kind !== 'article' && kind.kind !== 'edition') continue;
    const file = posix.join(toPosix(contentDir), path);
    if (!only(file)) continue;
    const bytes = readFileSync(join(base, path));
    const shared = reads === undefined ? undefined : readFor(reads, file, bytes);
    const read = (shared ?? (kind.kind === 'edition' ? readEdition(file, bytes) : readArticle(file, bytes))) as Omit<ReadArticle, 'locate'>;
    if (leaveOutInvalid && (read.data === undefined || read.problems.some((p) => p.severity === 'error'))) continue;
    requireData(read);
    yield kind.kind === 'edition' ? { id: kind.id, file, data: read.data as unknown as Edition } : { id: kind.id, file, data: read.data!, body: read.body };
  }
}

/** Every article and edition under `contentDir` (see contentFiles). */
export function readContent(root: string, contentDir = CONTENT_DIR, options: ReadOptions = {}): { articles: ArticleSource[]; editions: EditionSource[] } {
  const articles: ArticleSource[] = [];
  const editions: EditionSource[] = [];
  for (const entry of contentFiles(root, contentDir, options)) {
    if ('body' in entry) articles.push(entry);
    else editions.push(entry);
  }
  return { articles, editions };
}
