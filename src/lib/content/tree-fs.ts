// Walks the content folder (file-system code for src/lib/content/files.ts): every directory entry with what it is
// to the site, in path order. Symbolic links are reported, never followed; hidden folders are not entered.
import { existsSync, readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { classifyContentPath, type ContentFile, type EntryType } from './files.ts';

export interface ContentEntry {
  /** Path relative to the content folder, slash-separated: `2022/04/19/slug.md`. */
  path: string;
  file: ContentFile;
}

function entryType(d: Dirent): EntryType {
  if (d.isSymbolicLink()) return 'symlink';
  return d.isFile() ? 'file' : 'other';
}

/**
 * Every file and link under `contentRoot` (an absolute path), or under its subfolder `under`, classified by its path
 * in the content folder; folders whose name starts with `.` are not entered.
 */
export function walkContent(contentRoot: string, under = ''): ContentEntry[] {
  const entries: ContentEntry[] = [];
  const visit = (dir: string, prefix: string): void => {
    for (const d of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = prefix + d.name;
      if (d.isDirectory()) {
        if (!d.name.startsWith('.')) visit(join(dir, d.name), `${path}/`);
      } else entries.push({ path, file: classifyContentPath(path, entryType(d)) });
    }
  };
  visit(under ? join(contentRoot, ...under.split('/')) : contentRoot, under ? `${under}/` : '');
  return entries;
}

/**
 * The entries directly in `dir`, classified as if it were the edition folder of `date` (YYYY-MM-DD): for the
 * tools that write into one edition's folder (`npm run new`, the importer, whose `--out` may be anywhere).
 * Links are reported as such, never followed.
 */
export function editionFolderEntries(dir: string, date: string): (ContentEntry & { name: string })[] {
  const prefix = `${date.split('-').join('/')}/`;
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => !d.isDirectory())
    .map((d) => ({ name: d.name, path: prefix + d.name, file: classifyContentPath(prefix + d.name, entryType(d)) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * What a build in parts (src/lib/parts/scope.ts) reads of the folder: a part its year's folder, the assembly the
 * files at the top (redirects.yaml and the lists held against every page), a whole build everything.
 */
export function walkScope(contentRoot: string, scope: { kind: 'whole' } | { kind: 'part'; year: string } | { kind: 'assemble' }): ContentEntry[] {
  if (scope.kind === 'whole') return walkContent(contentRoot);
  if (scope.kind === 'part') return existsSync(join(contentRoot, scope.year)) ? walkContent(contentRoot, scope.year) : [];
  return readdirSync(contentRoot, { withFileTypes: true })
    .filter((d) => !d.isDirectory())
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((d) => ({ path: d.name, file: classifyContentPath(d.name, entryType(d)) }));
}
