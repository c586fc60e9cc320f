// Reads an exported page from disk for the importer, never more than MAX_PAGE_BYTES of it, and decodes it with
// decodePage (page-source.ts): a folder, a device or a pipe is refused before anything is read.
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { decodePage, MAX_PAGE_BYTES, tooLarge, type PageSourceError } from './page-source.ts';

/** The page's text, or why it cannot be imported (a Chinese message, with line and column where known). */
export function readPageSource(path: string): { ok: true; text: string } | { ok: false; error: PageSourceError } {
  const fail = (message: string) => ({ ok: false as const, error: { message } });
  let fd: number;
  try {
    // stat first: opening a pipe would wait for a writer, and /dev/zero would never end.
    if (!statSync(path).isFile()) return fail('不是普通文件\uFF1A请给出导出的版面文字文件\uFF08.txt\uFF09');
    fd = openSync(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(
      code === 'ENOENT'
        ? '找不到这个文件'
        : code === 'EACCES' || code === 'EPERM'
          ? '没有读取这个文件的权限'
          : `无法读取这个文件\uFF08${code ?? String(error)}\uFF09`,
    );
  }
  try {
    const size = fstatSync(fd).size;
    if (size > MAX_PAGE_BYTES) return { ok: false, error: tooLarge(size) };
    // Read at most one byte past the limit, in case the file grew after the stat.
    const buffer = Buffer.alloc(MAX_PAGE_BYTES + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > MAX_PAGE_BYTES) return { ok: false, error: tooLarge(length) };
    return decodePage(buffer.subarray(0, length));
  } catch (error) {
    return fail(`无法读取这个文件\uFF08${(error as NodeJS.ErrnoException).code ?? String(error)}\uFF09`);
  } finally {
    closeSync(fd);
  }
}
