// File-system code for `npm run new` (src/lib/check/scaffold.ts): what an edition folder holds for a new article,
// read through the content door (links refused, never followed; edition.yaml read and validated as the site reads it).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../content/problem.ts';
import { readEdition } from '../content/read.ts';
import { editionFolderEntries } from '../content/tree-fs.ts';
import type { Edition } from '../schema.ts';
import { readPosition, type Position } from './scaffold.ts';

export interface EditionFolder {
  /** edition.yaml as read, and its text (for adding a page with its comments kept); undefined when there is none. */
  edition?: { data: Edition; text: string } | undefined;
  /** The articles' positions, each with its file as `display` names it (articles whose page and order are unreadable left out). */
  positions: Position[];
  /** The names of the files in the folder. */
  names: Set<string>;
}

/**
 * The edition folder `folder` of `date`: an error message (in Chinese, naming the file) when a new article cannot be
 * written into it (a link in it, an edition.yaml with errors), otherwise what it holds. A folder that does not exist
 * is an empty edition. `display` turns a path into the form messages name files by.
 */
export function readEditionFolder(
  folder: string,
  date: string,
  display: (path: string) => string,
): { ok: true; value: EditionFolder } | { ok: false; message: string } {
  const entries = existsSync(folder) ? editionFolderEntries(folder, date) : [];
  for (const e of entries)
    if (e.file.kind === 'refused') return { ok: false, message: `${display(join(folder, e.name))}\uFF1A${e.file.message}` };
  let edition: EditionFolder['edition'];
  const editionEntry = entries.find((e) => e.file.kind === 'edition');
  if (editionEntry) {
    const path = join(folder, editionEntry.name);
    const bytes = readFileSync(path);
    const read = readEdition(display(path), bytes);
    const error = read.problems.find((p) => p.severity === 'error');
    if (error || !read.data)
      return { ok: false, message: `${error ? formatProblem(error) : display(path)}\n${display(path)} 有错误\uFF0C请先改好它。` };
    edition = { data: read.data, text: new TextDecoder().decode(bytes) };
  }
  const positions = entries
    .filter((e) => e.file.kind === 'article')
    .flatMap((e) => {
      const position = readPosition(readFileSync(join(folder, e.name)));
      return position ? [{ ...position, file: display(join(folder, e.name)) }] : [];
    });
  return { ok: true, value: { edition, positions, names: new Set(entries.map((e) => e.name)) } };
}

/** The dates of the editions in the content folder (those with a dated folder holding anything), oldest first. */
export function editionDates(contentDir: string): string[] {
  if (!existsSync(contentDir)) return [];
  const dates: string[] = [];
  const dirs = (path: string, pattern: RegExp) =>
    readdirSync(path, { withFileTypes: true })
      .filter((e) => e.isDirectory() && pattern.test(e.name))
      .map((e) => e.name);
  for (const year of dirs(contentDir, /^\d{4}$/)) {
    for (const month of dirs(join(contentDir, year), /^\d{2}$/)) {
      for (const day of dirs(join(contentDir, year, month), /^\d{2}$/)) {
        if (existsSync(join(contentDir, year, month, day, 'edition.yaml'))) dates.push(`${year}-${month}-${day}`);
      }
    }
  }
  return dates.sort();
}
