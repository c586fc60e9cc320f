// Search words for Chinese: every Han character is its own word in the index, written as itself with a
// space on either side, so that Pagefind (which we feed these words, with no `lang`, so its own segmenter
// never runs) matches exactly what we split here and in the browser. A query's characters as a quoted
// phrase then match consecutive word positions: Pagefind's exact search finds every article containing the
// query's characters in a row, whatever a word segmenter would have made of them.
//
// Single characters rather than bigrams: a few thousand distinct words instead of hundreds of thousands, so
// Pagefind writes the index in well under half the time and the index is half the size; the stored text
// (which the excerpts are cut from) is the plain text with spaces, a third more bytes rather than three times.
// Used at build time (index records) and in the browser (queries, excerpts): no Node or DOM imports.

const HAN = /\p{Script=Han}/u;
/** A Han character or non-ASCII punctuation (，。“”《》…): each is a word of its own in the index. */
const WIDE = String.raw`(?:\p{Script=Han}|(?![\x00-\x7F])\p{P})`;
const WIDE_CHAR = new RegExp(WIDE, 'gu');

/**
 * Text as it is indexed: each Han character and each full-width punctuation mark set apart by spaces, so
 * that Pagefind sees it as a word (a mark takes a position and matches nothing, so no phrase runs across
 * it); everything else (Latin words, numbers, ASCII punctuation) is kept as it is.
 */
export function encodeForIndex(text: string): string {
  return text.replace(WIDE_CHAR, ' $& ');
}

const SEPARATOR = new RegExp(String.raw`\s+(?=${WIDE})|(?<=${WIDE})\s+`, 'gu');

/**
 * Indexed text (as Pagefind stores it) as readers should see it: the spaces around Han characters and
 * full-width punctuation removed. Spaces between Latin words stay.
 */
export function decodeIndexed(text: string): string {
  return text.replace(SEPARATOR, '');
}

export interface EncodedQuery {
  /** The term's index words in order (its Han characters one by one, other runs whole); empty when it has nothing to search. */
  words: string[];
  /** The term with punctuation removed, as readers typed it: what a match must contain. */
  needle: string;
}

/** One term of a reader's query (the query split at spaces) as index words. */
export function encodeQuery(term: string): EncodedQuery {
  const parts =
    term
      .normalize('NFKC')
      .toLowerCase()
      .match(/\p{Script=Han}+|[\p{L}\p{N}]+/gu) ?? [];
  return { words: parts.flatMap((part) => (HAN.test(part) ? [...part] : [part])), needle: parts.join('') };
}

/** A term as Pagefind's exact search: its words as one quoted phrase (consecutive positions). */
export function exactPhrase(term: EncodedQuery): string {
  return `"${term.words.join(' ')}"`;
}
