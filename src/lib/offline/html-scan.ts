// A small HTML scanner for rewriting the site's own built pages without building a tree: tags with their
// attributes (names lowercased, values decoded) and where they are in the source, text, comments, and the raw text
// of <script> and <style>. Each element knows the token that closes it, so a whole element can be skipped or
// located. It follows the HTML tokenizer for everything Astro and our Markdown pipeline write (quoted, unquoted and
// bare attributes, `/>`, comments, raw text, character references) and recovers from a stray or missing end tag the
// simple way (an end tag closes the nearest open element of its name); it is not a full HTML5 tree builder.

import { escapeAttribute } from '../util/html.ts';

export interface Attribute {
  /** Lowercased. */
  name: string;
  /** With character references decoded. */
  value: string;
  /** Where the attribute (name, `=` and value) is in the source. */
  start: number;
  end: number;
}

export type Token =
  | { kind: 'start'; name: string; attributes: Attribute[]; start: number; end: number }
  | { kind: 'end'; name: string; start: number; end: number }
  | { kind: 'text' | 'raw' | 'comment' | 'doctype'; start: number; end: number };

export interface ScannedHtml {
  source: string;
  tokens: Token[];
  /** For a start tag's token index: the index of the last token of its element (itself for a void element). */
  closes: Map<number, number>;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style']);
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

/**
 * Decodes numeric character references and the named ones the build writes (`&amp;` `&lt;` `&gt;` `&quot;`
 * `&apos;` `&nbsp;`); any other `&name;` is left as written.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#[xX]([0-9a-fA-F]+)|#(\d+)|([a-zA-Z]+));/g, (whole, hex?: string, dec?: string, name?: string) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const code = Number.parseInt(hex ?? dec!, hex ? 16 : 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
  });
}

/** A value written as a double-quoted attribute. */
export function attributeText(name: string, value: string): string {
  return `${name}="${escapeAttribute(value)}"`;
}

const ATTRIBUTE = /([\t\n\f\r /]*)([^\t\n\f\r />][^\t\n\f\r /=>]*)(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f\r >]*)))?/y;

function scanStartTag(source: string, at: number): { token: Token & { kind: 'start' }; selfClosing: boolean } {
  const nameMatch = /<([a-zA-Z][^\t\n\f\r />]*)/y;
  nameMatch.lastIndex = at;
  const name = nameMatch.exec(source)![1]!.toLowerCase();
  const attributes: Attribute[] = [];
  let i = nameMatch.lastIndex;
  for (;;) {
    const rest = /[\t\n\f\r /]*>/y;
    rest.lastIndex = i;
    const closing = rest.exec(source);
    if (closing)
      return { token: { kind: 'start', name, attributes, start: at, end: rest.lastIndex }, selfClosing: closing[0].includes('/') };
    ATTRIBUTE.lastIndex = i;
    const match = ATTRIBUTE.exec(source);
    if (!match) return { token: { kind: 'start', name, attributes, start: at, end: source.length }, selfClosing: false };
    const [, leading, attributeName, double, single, bare] = match;
    attributes.push({
      name: attributeName!.toLowerCase(),
      value: decodeEntities(double ?? single ?? bare ?? ''),
      start: match.index + leading!.length,
      end: ATTRIBUTE.lastIndex,
    });
    i = ATTRIBUTE.lastIndex;
  }
}

/** Splits a page into tokens and pairs each element's start with its end. */
export function scanHtml(source: string): ScannedHtml {
  const tokens: Token[] = [];
  const closes = new Map<number, number>();
  const open: number[] = [];
  const closeOpen = (through: number, last: number) => {
    while (open.length > through) closes.set(open.pop()!, last);
  };
  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    const next = lt === -1 ? source.length : lt;
    if (next > i) tokens.push({ kind: 'text', start: i, end: next });
    if (lt === -1) break;
    i = lt;
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      const stop = end === -1 ? source.length : end + 3;
      tokens.push({ kind: 'comment', start: i, end: stop });
      i = stop;
    } else if (/^<[!?]/.test(source.slice(i, i + 2))) {
      const end = source.indexOf('>', i);
      const stop = end === -1 ? source.length : end + 1;
      tokens.push({ kind: 'doctype', start: i, end: stop });
      i = stop;
    } else if (/^<\/[a-zA-Z]/.test(source.slice(i, i + 3))) {
      const end = source.indexOf('>', i);
      const stop = end === -1 ? source.length : end + 1;
      const name = /^<\/([^\t\n\f\r />]+)/.exec(source.slice(i, stop))![1]!.toLowerCase();
      tokens.push({ kind: 'end', name, start: i, end: stop });
      const at = open.findLastIndex((index) => (tokens[index] as { name: string }).name === name);
      if (at !== -1) {
        closeOpen(at + 1, tokens.length - 2); // elements left open inside end where this one ends
        closes.set(open.pop()!, tokens.length - 1);
      }
      i = stop;
    } else if (/^<[a-zA-Z]/.test(source.slice(i, i + 2))) {
      const { token, selfClosing } = scanStartTag(source, i);
      const index = tokens.push(token) - 1;
      i = token.end;
      if (VOID.has(token.name) || selfClosing) {
        closes.set(index, index);
      } else if (RAW_TEXT.has(token.name)) {
        const end = new RegExp(`</${token.name}[\\t\\n\\f\\r />]`, 'gi');
        end.lastIndex = i;
        const stop = end.exec(source)?.index ?? source.length;
        if (stop > i) tokens.push({ kind: 'raw', start: i, end: stop });
        i = stop;
        open.push(index);
      } else {
        open.push(index);
      }
    } else {
      // A `<` that starts no tag is text.
      const more = source.indexOf('<', i + 1);
      const stop = more === -1 ? source.length : more;
      tokens.push({ kind: 'text', start: i, end: stop });
      i = stop;
    }
  }
  closeOpen(0, tokens.length - 1);
  return { source, tokens, closes };
}

/** The first value of an attribute of a start tag (later duplicates are ignored, as browsers do). */
export function attribute(token: Token, name: string): string | undefined {
  return token.kind === 'start' ? token.attributes.find((a) => a.name === name)?.value : undefined;
}

export function hasClass(token: Token, name: string): boolean {
  return (attribute(token, 'class') ?? '').split(/[\t\n\f\r ]+/).includes(name);
}

/** Index of the first start tag, from `from` on, that passes `test`. */
export function findStart(
  scanned: ScannedHtml,
  test: (token: Token & { kind: 'start' }) => boolean,
  from = 0,
  to = scanned.tokens.length,
): number {
  for (let i = from; i < to; i++) {
    const token = scanned.tokens[i]!;
    if (token.kind === 'start' && test(token)) return i;
  }
  return -1;
}

/** Elements whose start and end make a break in the text a reader sees; the rest (a, span, em …) run on. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'i',
  'kbd',
  'mark',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
]);
const NOT_SHOWN = new Set(['script', 'style', 'template', 'noscript']);

/**
 * The text a reader sees in the element starting at token `from`, whitespace collapsed, leaving out elements that
 * `skip` matches (and scripts, styles, templates).
 */
export function readableText(
  scanned: ScannedHtml,
  from: number,
  skip: (token: Token & { kind: 'start' }) => boolean = () => false,
): string {
  const { source, tokens, closes } = scanned;
  const last = closes.get(from) ?? from;
  let text = '';
  for (let i = from; i <= last; i++) {
    const token = tokens[i]!;
    if (token.kind === 'text') text += decodeEntities(source.slice(token.start, token.end));
    else if (token.kind === 'start' && i > from && (NOT_SHOWN.has(token.name) || skip(token))) i = closes.get(i) ?? i;
    else if ((token.kind === 'start' || token.kind === 'end') && !INLINE.has(token.name)) text += ' ';
  }
  return text.replace(/\s+/g, ' ').trim();
}
