// Character classes shared by the importer steps. Every test accepts punctuation in both its half-width and its
// full-width form: the page is parsed as exported and punctuation is normalised only in the output.

/** Full-width punctuation, written as escapes because editors and copy-paste tend to fold them to ASCII. */
export const FW = {
  comma: '\uFF0C',
  colon: '\uFF1A',
  semicolon: '\uFF1B',
  question: '\uFF1F',
  bang: '\uFF01',
  open: '\uFF08',
  close: '\uFF09',
  stop: '\uFF0E',
} as const;

const SENTENCE_END = new Set(['。', FW.bang, FW.question, '!', '?', '…', '.', FW.stop]);
const CLOSERS = new Set(['”', '’', '"', "'", '」', '』', FW.close, ')', '》', '】', '〕']);
const PAUSES = new Set([FW.comma, ',', '、', FW.semicolon, ';', FW.colon, ':']);

/** Opening and closing marks that must balance in a headline or a name list. */
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['“', '”'],
  ['‘', '’'],
  ['《', '》'],
  [FW.open, FW.close],
  ['(', ')'],
  ['「', '」'],
  ['【', '】'],
];

export const HAN = /\p{Script=Han}/u;

/** Whether `text` ends a sentence: 。！？… (half- or full-width), possibly followed by closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  const chars = [...text.trimEnd()];
  let i = chars.length - 1;
  while (i >= 0 && CLOSERS.has(chars[i]!)) i--;
  if (i < 0) return false;
  const c = chars[i]!;
  if (!SENTENCE_END.has(c)) return false;
  // `1.` or `No.` at the end is a number or an abbreviation cut by a column break, not a full stop.
  if (c === '.' && i > 0 && /[0-9A-Za-z]/.test(chars[i - 1]!)) return /[A-Za-z]{2}$/.test(chars.slice(0, i).join(''));
  return true;
}

/** Whether `text` ends with a pause mark (，、；： or their ASCII forms): the sentence goes on. */
export function endsWithPause(text: string): boolean {
  const last = [...text.trimEnd()].at(-1);
  return last !== undefined && PAUSES.has(last);
}

/** The index in `text` just after its last sentence end (and the closers after it), or -1 when it has none. */
export function lastSentenceEnd(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    if (!SENTENCE_END.has(text[i]!)) continue;
    let end = i + 1;
    while (end < text.length && CLOSERS.has(text[end]!)) end++;
    return end;
  }
  return -1;
}

/** Splits text after each sentence end (with its closers); the pieces concatenate back to the text. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (!SENTENCE_END.has(text[i]!)) continue;
    let end = i + 1;
    while (end < text.length && (SENTENCE_END.has(text[end]!) || CLOSERS.has(text[end]!))) end++;
    out.push(text.slice(start, end));
    start = end;
    i = end - 1;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** Whether every opening quote or bracket in `text` is closed after it, and no closing mark comes first. */
export function isBalanced(text: string): boolean {
  for (const [open, close] of PAIRS) {
    let depth = 0;
    for (const c of text) {
      if (c === open) depth++;
      else if (c === close && --depth < 0) return false;
    }
    if (depth !== 0) return false;
  }
  return true;
}

/** Number of characters (code points), as an editor counts them. */
export function length(text: string): number {
  return [...text].length;
}

/** Whether `text` contains a comma (half- or full-width). */
export function hasComma(text: string): boolean {
  return text.includes(FW.comma) || /,(?!\d)/.test(text);
}

/** Whether `text` contains a sentence end anywhere (a `.` does not count: 1.5万元, 2.0版). */
export function hasSentenceEnd(text: string): boolean {
  return [...text].some((c) => SENTENCE_END.has(c) && c !== '.' && c !== FW.stop);
}

/** Letters and digits of any script: what the importer must never lose or duplicate. */
export function letters(text: string): string {
  return (text.match(/[\p{L}\p{N}]/gu) ?? []).join('');
}
