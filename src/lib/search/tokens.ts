// Search tokens for Chinese: every run of Han characters becomes overlapping character bigrams plus a
// closing unigram, each written as an ASCII word, so that Pagefind (which we feed these words) matches
// exactly what we split here and in the browser. A query's bigrams in a row then match the query's exact
// characters in a row: an exact phrase search finds every article containing the query, whatever a
// word segmenter would have made of it. Runs ASCII-encoded also keep Pagefind's own CJK segmenter out.
// Used at build time (index records) and in the browser (queries, excerpts): no Node or DOM imports.

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
const TOKEN_PREFIX = 'q';
const CODE_WIDTH = 4; // base-36 digits per code point: 36^4 > 0x10FFFF

function code(char: string): string {
  return char.codePointAt(0)!.toString(36).padStart(CODE_WIDTH, '0');
}

function uncode(text: string): string {
  return String.fromCodePoint(Number.parseInt(text, 36));
}

/** Tokens of one Han run: bigrams, then the last character alone (so single-character queries match too). */
function runTokens(run: string, withFinalUnigram: boolean): string[] {
  const chars = [...run];
  const tokens: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) tokens.push(`${TOKEN_PREFIX}${code(chars[i]!)}${code(chars[i + 1]!)}`);
  if (withFinalUnigram || chars.length === 1) tokens.push(`${TOKEN_PREFIX}${code(chars.at(-1)!)}`);
  return tokens;
}

/**
 * Text as it is indexed: each Han run replaced by its tokens, with a space on either side so that Pagefind
 * sees separate words; everything else (Latin words, numbers, punctuation) is kept as it is.
 */
export function encodeForIndex(text: string): string {
  return text.replace(HAN_RUN, (run) => ` ${runTokens(run, true).join(' ')} `);
}

const TOKEN_RUN = new RegExp(` ?((?:${TOKEN_PREFIX}[0-9a-z]{${CODE_WIDTH * 2}} )*${TOKEN_PREFIX}[0-9a-z]{${CODE_WIDTH}}) ?`, 'g');

/** The inverse of encodeForIndex, for showing an excerpt of indexed text. */
export function decodeIndexed(text: string): string {
  return text.replace(TOKEN_RUN, (_match, run: string) => {
    const tokens = run.split(' ');
    return tokens.map((t, i) => (i === tokens.length - 1 ? uncode(t.slice(1)) : uncode(t.slice(1, 1 + CODE_WIDTH)))).join('');
  });
}

export interface EncodedQuery {
  /** The query's words in order, for an exact phrase search; empty when the query has nothing to search. */
  words: string[];
  /**
   * Words for a looser search that also finds pages with the query's parts apart: each Han run cut into
   * two-character pieces (a last odd character matches as a prefix), like words of a segmenter.
   */
  looseWords: string[];
  /** The query with punctuation removed, as readers typed it: what an exact match must contain. */
  needle: string;
}

/**
 * A reader's query as index words. A Han run at the end of the query gets no closing unigram, so that
 * `电动车` also matches inside `电动车辆`; a run followed by more query text keeps it (`打110`).
 */
export function encodeQuery(query: string): EncodedQuery {
  const parts = query
    .normalize('NFKC')
    .toLowerCase()
    .match(/\p{Script=Han}+|[\p{L}\p{N}]+/gu) ?? [];
  const words = parts.flatMap((part, i) => (HAN.test(part) ? runTokens(part, i < parts.length - 1) : [part]));
  const looseWords = parts.flatMap((part) => {
    if (!HAN.test(part)) return [part];
    const chars = [...part];
    const pieces: string[] = [];
    for (let i = 0; i < chars.length; i += 2) pieces.push(`${TOKEN_PREFIX}${chars.slice(i, i + 2).map(code).join('')}`);
    return pieces;
  });
  return { words, looseWords, needle: parts.join('') };
}
