// How deeply a Markdown body nests its containers (block quotes, list items, footnote definitions), found in linear
// time without parsing it: remark needs time that grows faster than the text with nesting depth and overflows the
// stack at a few thousand levels, so a body nested deeper than any article needs is refused before it is parsed.

/** No article needs more: a quote in a list in a list is three. */
export const MAX_MARKDOWN_DEPTH = 16;

export interface TooDeep {
  /** 0-based line index in the body and 1-based column (UTF-16 units) of the container marker that goes too deep. */
  lineIndex: number;
  column: number;
  depth: number;
}

/** `- `, `* `, `+ `, `1. `, `1) ` or the marker alone at the end of the line; then the marker's width. */
const LIST_MARKER = /(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/y;
const FOOTNOTE_DEFINITION = /\[\^[^\]\s]+\]:/y;
/** `***`, `- - -`, `___`: a horizontal rule, not a list. */
const THEMATIC_BREAK = /^(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;

/**
 * The first line whose containers nest deeper than `limit`, or undefined. The count errs high, never low: each line
 * counts its own `>` markers plus the list items and footnote definitions still open by indentation (those whose
 * content starts at or left of the marker's column), lazy and blank lines closing nothing. Each line is read only as
 * far as its markers go, and at most `limit + 1` of them, so the time is linear in the body's length.
 */
export function tooDeep(body: string, limit = MAX_MARKDOWN_DEPTH): TooDeep | undefined {
  /** Content columns of the open list items and footnote definitions, increasing. */
  const open: number[] = [];
  let lineStart = 0;
  for (let lineIndex = 0; lineStart <= body.length; lineIndex++) {
    const newline = body.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? body.length : newline;
    const text = body.slice(lineStart, lineEnd);
    let quotes = 0;
    let column = 0;
    let i = 0;
    for (;;) {
      while (text[i] === ' ' || text[i] === '\t') column = text[i++] === '\t' ? column - (column % 4) + 4 : column + 1;
      let width: number;
      if (text[i] === '>') {
        quotes++;
        width = 1;
      } else {
        LIST_MARKER.lastIndex = i;
        FOOTNOTE_DEFINITION.lastIndex = i;
        const marker = LIST_MARKER.exec(text)?.[0] ?? FOOTNOTE_DEFINITION.exec(text)?.[0];
        if (marker === undefined || THEMATIC_BREAK.test(text.slice(i))) break;
        while (open.length > 0 && open[open.length - 1]! > column) open.pop();
        width = marker.length;
        // The fewest columns its content can start at (footnote content is indented four): errs towards nesting.
        open.push(column + (marker.startsWith('[') ? 4 : width + 1));
      }
      const depth = quotes + open.length;
      if (depth > limit) return { lineIndex, column: i + 1, depth };
      i += width;
      column += width;
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}
