// Step 0 of the importer: the bytes of an exported page as text, strictly. The page must be UTF-8 (the content
// door's decoder, src/lib/content/source.ts), of a printed page's size, and text: a NUL or another control byte
// means a binary file (a .doc, a PDF, an image) or UTF-16 text, which would otherwise be imported as garbage.
import { decodeSource } from '../content/source.ts';
import type { Position } from '../content/problem.ts';

/** A printed page's text is some 20 KB; a hundred times that is not a page. */
export const MAX_PAGE_BYTES = 2 * 1024 * 1024;

export interface PageSourceError extends Partial<Position> {
  message: string;
}

/** Control characters that are never in exported text: all of C0 but tab, line feed, VT, FF and CR; DEL; C1. */
const BINARY = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/;

function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The page's text (no BOM, `\n` line endings), or why it cannot be imported, where that is known. */
export function decodePage(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: PageSourceError } {
  if (bytes.length > MAX_PAGE_BYTES) return { ok: false, error: tooLarge(bytes.length) };
  const decoded = decodeSource(bytes);
  if (!decoded.ok) {
    const { line, column } = decoded.error;
    return { ok: false, error: { line, column, message: `${decoded.error.message}\uFF08导入只接受 UTF-8 编码的纯文本\uFF09` } };
  }
  const binary = BINARY.exec(decoded.text);
  if (binary) {
    const what = binary[0] === '\u0000' ? '空字节 NUL' : `控制字符 ${codePoint(binary[0])}`;
    return {
      ok: false,
      error: {
        ...positionAt(decoded.text, binary.index),
        message: `这里有${what}\uFF0C不像是导出的版面文字\uFF08可能是 Word、PDF 等二进制文件\uFF0C或 UTF-16 编码的文本\uFF09\uFF1A请把版面导出为 UTF-8 编码的纯文本\uFF08.txt\uFF09再导入`,
      },
    };
  }
  return { ok: true, text: decoded.text };
}

/** The message for a file over its limit (known from its size, before reading it): MAX_PAGE_BYTES for text. */
export function tooLarge(size: number, limit = MAX_PAGE_BYTES): PageSourceError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
  return {
    message:
      limit > MAX_PAGE_BYTES
        ? `文件太大\uFF08${mb(size)}\uFF0C最多 ${mb(limit)}\uFF09\uFF1A一个版面的 PDF 只有几 MB\uFF0C请确认选对了文件`
        : `文件太大\uFF08${mb(size)}\uFF0C最多 ${mb(limit)}\uFF09\uFF1A一个版面的文字只有几十 KB\uFF0C请确认选对了文件`,
  };
}
