// Step 1 of the importer: the exported page as clean lines (no BOM, any line ending, single spaces), and the
// punctuation normalisation applied to every text the importer outputs.
import { stripForbiddenCharacters } from '../content/text.ts';
import { normalizeCjkPunctuation } from '../typography.ts';

/** One non-empty line of the page. */
export interface Line {
  readonly text: string;
  /** 1-based line number in the input, for messages. */
  readonly line: number;
}

/**
 * Splits the page into its non-empty lines: strips byte-order marks, zero-width characters and the control and
 * bidirectional characters no content file may hold (src/lib/content/text.ts), accepts LF, CRLF
 * and CR, and collapses runs of spaces (also U+3000 and no-break spaces) to one ASCII space. Punctuation is left
 * as exported: it is normalised per paragraph once column breaks are rejoined (a quotation cut by a column break
 * is only one pair of quotes again after that).
 */
export function pageLines(raw: string): Line[] {
  const lines: Line[] = [];
  stripForbiddenCharacters(raw)
    .replace(/[\uFEFF\u200B-\u200D\u2060]/g, '')
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .forEach((text, i) => {
      const clean = text.replace(/\s+/g, ' ').trim();
      if (clean) lines.push({ text: clean, line: i + 1 });
    });
  return lines;
}

/** Chinese punctuation for an output text (title, paragraph, caption): `,` → `，` … numbers, Latin and URLs kept. */
export function punctuate(text: string): string {
  return normalizeCjkPunctuation(text).replace(/\s+/g, ' ').trim();
}
