// Chinese punctuation normalisation: half-width punctuation typed or exported into Chinese text becomes full-width, at build time.
//
// Rules (applied repeatedly until nothing changes, so the result is idempotent):
// - `, : ; ? !` become U+FF0C U+FF1A U+FF1B U+FF1F U+FF01 when the nearest non-space character on either side is Chinese
//   (Han, kana, CJK punctuation, full-width forms), except between two digits (`4,000`, `9:30`, `1:2`).
// - `( )` pairs become U+FF08 U+FF09 when their contents hold Chinese, or the text before the pair is Chinese,
//   or the pair opens the text and Chinese follows it (`(2022)冀01民终1号`); `f(x)`, `(ABC)` in Latin text stay.
// - Spaces and tabs next to a converted mark are dropped: full-width punctuation carries its own spacing.
// - `.` becomes `。` right after a Chinese character when followed by the end, whitespace or Chinese.
// - `...`, `。。。` or `…` after Chinese become `……`.
// - Double quotes (ASCII, or curly ones pointing the wrong way, as smartypants leaves them in Chinese) are paired in
//   order and set to “ ” when the pair is Chinese by the bracket rule; single quotes touching Chinese with Chinese
//   inside become ‘ ’. Apostrophes in Latin words are never quotes.
// - URLs (`scheme://…`, `www.…`) and e-mail addresses are set aside first and never changed.

/** Joins the pieces of one run of text (see `normalizeCjkPunctuationPieces`); a Unicode noncharacter. */
const SENTINEL = '\uFDD0';
/** Stands in for a protected URL or e-mail address while the rules run. */
const PLACEHOLDER = '\uFFFC';

const CJK = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u30FF\u3200-\u33FF\uFE10-\uFE1F\uFE30-\uFE4F\uFF00-\uFFEF]/u;
const IDEOGRAPH = /[\p{Script=Han}\p{Script=Hangul}\u3040-\u30FF]/u;
const DIGIT = /\p{Nd}/u;
/** Skipped when looking for a neighbour's script: they are used in Chinese and in Latin text alike. */
const NEUTRAL = new Set(['“', '”', '‘', '’', '…', '—', '–', '―', '·']);
const SPACE = /[ \t\n\r\u00A0]/;
/** Sentence punctuation after which a `.` is not a full stop. */
const NOT_BEFORE_FULL_STOP = new Set(['\uFF0C', '。', '、', '\uFF1B', '\uFF1A', '\uFF1F', '\uFF01', '.']);

const MARKS: Readonly<Record<string, string>> = { ',': '\uFF0C', ':': '\uFF1A', ';': '\uFF1B', '?': '\uFF1F', '!': '\uFF01' };
const FULL_OPEN = '\uFF08';
const FULL_CLOSE = '\uFF09';

const URL_CHARS = String.raw`[^\s<>"'“”‘’\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF\uFDD0\uFFFC]`;
const PROTECTED = new RegExp(
  [
    String.raw`[a-zA-Z][a-zA-Z0-9+.-]*:\/\/${URL_CHARS}+`,
    String.raw`(?<![A-Za-z0-9.])www\.${URL_CHARS}+`,
    String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+`,
    PLACEHOLDER,
  ].join('|'),
  'gu',
);
const ELLIPSIS = /(?<=[\p{Script=Han}\p{Script=Hangul}\u3000-\u30FF\uFF00-\uFFEF])(?:…|\.{3,}|。{3,})+/gu;

type Kind = 'cjk' | 'other' | 'none';

/** Characters without which no rule applies, apart from curly double quotes (see isSettled). */
const RULE_CHARS = /[,:;?!.()"'\u2018\u2019\u2026]|\u3002\u3002\u3002/;
const QUOTE_PAIRS = /\u201C[^\u201C\u201D]*\u201D/g;
const MARK_AFTER_HAN = /(?<=\p{Script=Han})[,:;?!][ \t]*/gu;
const MARK_AFTER_HAN_IN_PIECE = /(?<=\p{Script=Han})[,:;?!](?![ \t]*\uFDD0)[ \t]*/gu;

/**
 * Whether no rule can change `text`: it has none of the characters the rules convert, and its curly double
 * quotes (which the rules would re-pair) already open and close in turn. Most edited Chinese text is like
 * this, and the check costs far less than the rules: the site normalises every headline on every page.
 */
function isSettled(text: string): boolean {
  return !RULE_CHARS.test(text) && !/[\u201C\u201D]/.test(text.replace(QUOTE_PAIRS, ''));
}

/** Headlines repeat on many pages; a build normalises each distinct text once. */
const memo = new Map<string, string>();
const MEMO_LIMIT = 50_000;

/** Normalises the punctuation of one piece of Chinese (or mixed) text. Text without Chinese is returned as is. */
export function normalizeCjkPunctuation(text: string): string {
  if (!CJK.test(text) || isSettled(text)) return text;
  // The common case of typed or exported text: its only half-width marks are `, : ; ? !` right after a Han
  // character (`近日,馆陶县`). Each becomes full-width at once (spaces after it dropped) and nothing else changes,
  // which is what the rules give: the search index normalises every paragraph of every article.
  if (isSettled(text.replace(MARK_AFTER_HAN, ''))) return text.replace(MARK_AFTER_HAN, (m) => MARKS[m[0]!]!);
  let normalized = memo.get(text);
  if (normalized === undefined) {
    normalized = normalize(text);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(text, normalized);
  }
  return normalized;
}

/**
 * Normalises a run of text that was split into pieces (the text nodes of one paragraph, split by emphasis or links),
 * with the neighbouring pieces as context; returns the same number of pieces.
 */
export function normalizeCjkPunctuationPieces(pieces: readonly string[]): string[] {
  if (pieces.some((piece) => piece.includes(SENTINEL))) return pieces.map(normalizeCjkPunctuation);
  const joined = pieces.join(SENTINEL);
  if (!CJK.test(joined) || isSettled(joined)) return [...pieces];
  // As in normalizeCjkPunctuation; a mark whose following spaces run into the next piece takes the full rules.
  if (isSettled(joined.replace(MARK_AFTER_HAN_IN_PIECE, '')))
    return joined.replace(MARK_AFTER_HAN_IN_PIECE, (m) => MARKS[m[0]!]!).split(SENTINEL);
  const out = normalize(joined).split(SENTINEL);
  return out.length === pieces.length ? out : pieces.map(normalizeCjkPunctuation);
}

/** The rules alone, without the shortcuts above, for one piece of text (tests hold the shortcuts to it). */
export function normalizeByRules(text: string): string {
  return CJK.test(text) ? normalize(text) : text;
}

function normalize(text: string): string {
  const saved: string[] = [];
  let s = text.replace(PROTECTED, (match) => {
    // Trailing sentence punctuation and an unbalanced `)` belong to the text, not to the URL.
    let url = match;
    while (/[.,:;!?]$/.test(url) || (url.endsWith(')') && count(url, '(') < count(url, ')'))) url = url.slice(0, -1);
    saved.push(url);
    return PLACEHOLDER + match.slice(url.length);
  });
  for (let round = 0; round < 10; round++) {
    const next = pass(s);
    if (next === s) break;
    s = next;
  }
  let k = 0;
  return s.replace(/\uFFFC/g, () => saved[k++] ?? '');
}

function count(s: string, c: string): number {
  return s.split(c).length - 1;
}

function pass(text: string): string {
  const chars = Array.from(text.replace(ELLIPSIS, '……'));
  pairQuotes(chars, '"', '“', '”');
  pairQuotes(chars, "'", '‘', '’');
  pairBrackets(chars);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const full = MARKS[c];
    if (full !== undefined) {
      const before = adjacent(chars, i, -1);
      const after = adjacent(chars, i, 1);
      if (before !== undefined && after !== undefined && DIGIT.test(before) && DIGIT.test(after)) continue;
      if (kind(neighbour(chars, i, -1, true)) === 'cjk' || kind(neighbour(chars, i, 1, true)) === 'cjk') {
        chars[i] = full;
        dropSpaces(chars, i, -1);
        dropSpaces(chars, i, 1);
      }
    } else if (c === '.') {
      const before = neighbour(chars, i, -1, false);
      const after = neighbour(chars, i, 1, false);
      if (before === undefined || !CJK.test(before) || NOT_BEFORE_FULL_STOP.has(before)) continue;
      if (after === undefined || SPACE.test(after) || CJK.test(after)) {
        chars[i] = '。';
        dropSpaces(chars, i, 1);
      }
    }
  }
  return chars.join('');
}

/** The next character from `i` in direction `dir`, skipping deleted slots, piece joins and neutral punctuation. */
function neighbour(chars: readonly string[], i: number, dir: 1 | -1, skipSpace: boolean): string | undefined {
  for (let j = i + dir; j >= 0 && j < chars.length; j += dir) {
    const c = chars[j]!;
    if (c === '' || c === SENTINEL || NEUTRAL.has(c) || (skipSpace && SPACE.test(c))) continue;
    return c;
  }
  return undefined;
}

/** The character right next to `i`, skipping only deleted slots and piece joins. */
function adjacent(chars: readonly string[], i: number, dir: 1 | -1): string | undefined {
  for (let j = i + dir; j >= 0 && j < chars.length; j += dir) {
    const c = chars[j]!;
    if (c !== '' && c !== SENTINEL) return c;
  }
  return undefined;
}

function kind(c: string | undefined): Kind {
  return c === undefined ? 'none' : CJK.test(c) ? 'cjk' : 'other';
}

function dropSpaces(chars: string[], i: number, dir: 1 | -1): void {
  for (let j = i + dir; j >= 0 && j < chars.length; j += dir) {
    const c = chars[j]!;
    if (c === ' ' || c === '\t') chars[j] = '';
    else if (c !== '' && c !== SENTINEL) return;
  }
}

function contains(chars: readonly string[], from: number, to: number, pattern: RegExp): boolean {
  for (let j = from + 1; j < to; j++) if (pattern.test(chars[j]!)) return true;
  return false;
}

/** Whether the pair of marks at `open` and `close` belongs to Chinese text. */
function isChinesePair(chars: readonly string[], open: number, close: number): boolean {
  if (contains(chars, open, close, CJK)) return true;
  const before = kind(neighbour(chars, open, -1, true));
  return before === 'cjk' || (before === 'none' && kind(neighbour(chars, close, 1, true)) === 'cjk');
}

function pairQuotes(chars: string[], ascii: string, open: string, close: string): void {
  const single = ascii === "'";
  const positions: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c !== ascii && c !== open && c !== close) continue;
    if (single) {
      // Only single quotes touching Chinese are candidates: apostrophes and quotes in Latin text are left alone.
      const before = adjacent(chars, i, -1);
      const after = adjacent(chars, i, 1);
      const touches = (x: string | undefined) => x !== undefined && CJK.test(x);
      if (!touches(before) && !touches(after)) continue;
    }
    positions.push(i);
  }
  if (positions.length % 2 === 1) {
    const first = positions[0]!;
    if (neighbour(chars, first, -1, true) === undefined) {
      // A quotation running over several paragraphs opens each of them and closes only the last.
      positions.shift();
      if (kind(neighbour(chars, first, 1, true)) === 'cjk') chars[first] = open;
    } else {
      positions.pop();
    }
  }
  for (let k = 0; k + 1 < positions.length; k += 2) {
    const a = positions[k]!;
    const b = positions[k + 1]!;
    if (single ? contains(chars, a, b, IDEOGRAPH) : isChinesePair(chars, a, b)) {
      chars[a] = open;
      chars[b] = close;
    }
  }
}

function pairBrackets(chars: string[]): void {
  const stack: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '(' || c === FULL_OPEN) {
      stack.push(i);
      continue;
    }
    if (c !== ')' && c !== FULL_CLOSE) continue;
    const a = stack.pop();
    if (a === undefined) continue;
    const openAscii = chars[a] === '(';
    const closeAscii = c === ')';
    // A pair already half full-width is Chinese; a pair of two ASCII brackets is decided by its contents and neighbours.
    if (!openAscii && !closeAscii) continue;
    if (openAscii && closeAscii && !isChinesePair(chars, a, i)) continue;
    if (openAscii) {
      chars[a] = FULL_OPEN;
      dropSpaces(chars, a, -1);
      dropSpaces(chars, a, 1);
    }
    if (closeAscii) {
      chars[i] = FULL_CLOSE;
      dropSpaces(chars, i, -1);
      dropSpaces(chars, i, 1);
    }
  }
}
