// Step 4 of the importer: paragraphs rejoined where a column or page break cut them. A piece of text that ends
// without a sentence end continues in the next piece (captions and bylines have already been taken out).
import { parseSourceLine } from './attribution.ts';
import { interviewMarker, isNumbered, isNumberedHeading } from './classify.ts';
import { endsSentence, FW } from './text.ts';

/** Whether `next` continues the paragraph `previous`, i.e. a break, not a real paragraph end, lies between them. */
export function continues(previous: string, next: string): boolean {
  if (endsSentence(previous) || isNumberedHeading(previous)) return false;
  // An interview line or a source line always starts a paragraph; so does a numbered point after a colon or semicolon.
  if (interviewMarker(next) || parseSourceLine(next)) return false;
  if (isNumbered(next) && new RegExp(`[:;${FW.colon}${FW.semicolon}]$`).test(previous)) return false;
  return true;
}

/** Rejoins the pieces of an article's text into its paragraphs. */
export function rejoinParagraphs(pieces: readonly string[]): string[] {
  const paragraphs: string[] = [];
  for (const piece of pieces) {
    const last = paragraphs.at(-1);
    if (last !== undefined && continues(last, piece)) {
      // Latin words cut at a line end were separated by a space; Chinese text has none.
      paragraphs[paragraphs.length - 1] = /[A-Za-z]$/.test(last) && /^[A-Za-z]/.test(piece) ? `${last} ${piece}` : last + piece;
    } else {
      paragraphs.push(piece);
    }
  }
  return paragraphs;
}
