// Reads one file of the content folder the walk did not hand over (redirects.yaml and the records at the top of the
// folder, the files of an edition folder the importer writes into) the one way the content door reads a file: a
// regular file only, never through a symbolic link and never a folder, pipe or device (which could lead anywhere,
// or never end), no more than a size limit, strict UTF-8 (decodeSource).
import { closeSync, fstatSync, lstatSync, openSync, readFileSync } from 'node:fs';
import { LINK_MESSAGE } from './files.ts';
import { decodeSource, type SourceError } from './source.ts';

export type ReadText = { ok: true; text: string } | { ok: false; error: SourceError };

/** The text of the file at `path`, or why it cannot be read (a located Chinese message); undefined when there is none. */
export function readContentText(path: string, maxBytes: number): ReadText | undefined {
  const fail = (rule: SourceError['rule'], message: string): ReadText => ({ ok: false, error: { rule, line: 1, column: 1, message } });
  const entry = lstatSync(path, { throwIfNoEntry: false });
  if (entry === undefined) return undefined;
  if (entry.isSymbolicLink()) return fail('location', LINK_MESSAGE);
  if (!entry.isFile()) return fail('location', '这不是普通文件\uFF08而是文件夹、管道或设备\uFF09\uFF1A请换成普通的文本文件');
  const fd = openSync(path, 'r');
  let bytes: Buffer;
  try {
    // The size of what was opened, in case the file changed since the lstat.
    const size = fstatSync(fd).size;
    if (size > maxBytes) return fail('size', `文件太大\uFF08${Math.ceil(size / 1024)} KB\uFF0C最多 ${maxBytes / 1024} KB\uFF09`);
    bytes = readFileSync(fd);
  } finally {
    closeSync(fd);
  }
  return decodeSource(bytes);
}

/** readContentText for a file the build cannot do without: its text, or an Error naming `display`, line and column. */
export function requireContentText(path: string, display: string, maxBytes: number): string | undefined {
  const read = readContentText(path, maxBytes);
  if (read === undefined || read.ok) return read?.text;
  throw new Error(`${display}:${read.error.line}:${read.error.column}: ${read.error.message}`);
}
