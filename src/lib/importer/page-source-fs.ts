// Reads a page from disk for the importer: the text the layout system exported (never more than MAX_PAGE_BYTES of
// it, decoded by decodePage, page-source.ts), or the page PDF (recognised by its `%PDF-` signature, whatever its
// name), whose lines MuPDF reads and pdf-reading-order.ts puts in reading order as the same kind of text. A folder,
// a device or a pipe is refused before anything is read.
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { isPdfSignature, pdfPageCount, pdfProblem, readPageText } from '../epaper/pdf.ts';
import { decodePage, MAX_PAGE_BYTES, tooLarge, type PageSourceError } from './page-source.ts';
import { pageTextToExport, pdfTextProblem } from './pdf-reading-order.ts';

/** A page PDF is some hundreds of KB, with pictures a few MB; more than this is not one page. */
export const MAX_PDF_BYTES = 64 * 1024 * 1024;

export type PageInput =
  { ok: true; text: string; pdf?: Uint8Array | undefined; pages?: number | undefined } | { ok: false; error: PageSourceError };

/**
 * The page's text and, for a page PDF, the PDF's bytes (to copy beside edition.yaml) and its page count (the first
 * page is read), or why it cannot be imported, in Chinese.
 */
export async function readPageInput(path: string): Promise<PageInput> {
  const read = readBytes(path, MAX_PDF_BYTES);
  if (!read.ok) return read;
  const bytes = read.bytes;
  if (!isPdfSignature(bytes)) {
    if (bytes.length > MAX_PAGE_BYTES) return { ok: false, error: tooLarge(bytes.length) };
    return decodePage(bytes);
  }
  const problem = await pdfProblem(bytes);
  if (problem) return { ok: false, error: { message: problem } };
  const page = await readPageText(bytes);
  const unreadable = pdfTextProblem(page);
  if (unreadable) return { ok: false, error: { message: unreadable } };
  return { ok: true, text: pageTextToExport(page), pdf: bytes, pages: await pdfPageCount(bytes) };
}

/** The page's text, or why it cannot be imported (a Chinese message, with line and column where known). */
export function readPageSource(path: string): { ok: true; text: string } | { ok: false; error: PageSourceError } {
  const read = readBytes(path, MAX_PAGE_BYTES);
  return read.ok ? decodePage(read.bytes) : read;
}

/** At most `limit` bytes of a regular file, or why it cannot be read. */
function readBytes(path: string, limit: number): { ok: true; bytes: Uint8Array } | { ok: false; error: PageSourceError } {
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
    if (size > limit) return { ok: false, error: tooLarge(size, limit) };
    // Read at most one byte past the limit, in case the file grew after the stat.
    const buffer = Buffer.alloc(Math.min(limit, size + 64 * 1024) + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > limit || length === buffer.length) return { ok: false, error: tooLarge(length, limit) };
    return { ok: true, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, length) };
  } catch (error) {
    return fail(`无法读取这个文件\uFF08${(error as NodeJS.ErrnoException).code ?? String(error)}\uFF09`);
  } finally {
    closeSync(fd);
  }
}
