// Decoding one Markdown character reference (`&#x4E2D;`, `&amp;`) exactly as the Markdown parser does: for plain-text
// excerpts of a body and for the checker, which must agree with what the page shows.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';

/** Decoded references, by how they are written: bodies repeat the same few (`&amp;`, `&nbsp;`). */
const cache = new Map<string, string>();
const CACHE_LIMIT = 10_000;

/**
 * What the reference `written` stands for: `&#x202E;` → U+202E, `&amp;` → `&`; invalid code points become U+FFFD, and
 * text that is not a reference the parser knows (`&nosuch;`) stays as written.
 */
export function decodeCharacterReference(written: string): string {
  let decoded = cache.get(written);
  if (decoded === undefined) {
    decoded = toString(fromMarkdown(written));
    if (cache.size < CACHE_LIMIT) cache.set(written, decoded);
  }
  return decoded;
}
