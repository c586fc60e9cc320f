// Character rules for text in content files: the control characters, bidirectional overrides, noncharacters and lone
// surrogates no field may hold
// (they are invisible, break feeds and search, and can make a line read differently from what it says), and the
// normal form of a person's name, so that the same name typed twice is one person on the site.
import type { Position } from './problem.ts';

/** What a piece of text may contain besides printable characters: nothing, line breaks, or line breaks and tabs. */
export type TextKind = 'line' | 'lines' | 'body';

/** C0 controls, DEL and C1 controls. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the direction marks LRM, RLM and ALM. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
/**
 * The 66 noncharacters (U+FDD0–U+FDEF, U+FFFE, U+FFFF and the last two of every plane): never text, and the site's
 * typography uses one internally (src/lib/typography.ts). Unicode-mode pattern.
 */
const NONCHARACTER = /\p{Noncharacter_Code_Point}/u;
/**
 * Half a UTF-16 surrogate pair: strict UTF-8 cannot hold one, but a YAML escape (`"\uD800"`) can, and the search
 * index (Pagefind) fails on it. Unicode-mode pattern, where a whole pair is one code point and never matches.
 */
const LONE_SURROGATE = /[\u{D800}-\u{DFFF}]/u;
/** A byte order mark inside the text (one at the start of a file is dropped when it is read): invisible, and it splits words for search. */
const BOM = /\uFEFF/;
const FORBIDDEN = new RegExp(`${CONTROL.source}|${BIDI.source}|${NONCHARACTER.source}|${LONE_SURROGATE.source}|${BOM.source}`, 'gu');

export interface ForbiddenCharacter {
  /** UTF-16 offset in the text. */
  index: number;
  /** `U+0007`. */
  codePoint: string;
  /** What to tell the reporter, in Chinese, without naming the field (the problem's rule and position do that). */
  message: string;
}

const hex = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * What a forbidden character is, in Chinese, for a sentence about it: `看不见的文字方向控制符 U+202E，它会让文字显示的顺序和实际不同`.
 */
export function characterDescription(char: string): string {
  const code = hex(char);
  if (char === '\n') return `换行符 ${code}`;
  if (char === '\t') return `制表符 ${code}\uFF08Tab 键\uFF09`;
  if (BIDI.test(char)) return `看不见的文字方向控制符 ${code}\uFF0C它会让文字显示的顺序和实际不同`;
  if (LONE_SURROGATE.test(char)) return `一个残缺的字符 ${code}\uFF08半个 UTF-16 代理对\uFF0C不是完整的字\uFF09`;
  if (NONCHARACTER.test(char)) return `不能用作文字的 Unicode 非字符 ${code}`;
  if (BOM.test(char)) return `看不见的字节顺序标记 ${code}\uFF08BOM\uFF09`;
  return `看不见的控制字符 ${code}`;
}

function describe(char: string, kind: TextKind): string {
  const code = hex(char);
  const what = characterDescription(char);
  const where = kind === 'body' ? '正文里' : '这里';
  if (char === '\n') return `这一项只能写一行\uFF0C不能换行\uFF08${code}\uFF09\uFF0C请把换行删掉`;
  if (char === '\t') return `${where}有${what}\uFF0C请删掉它或换成空格`;
  if (LONE_SURROGATE.test(char)) return `${where}有${what}\uFF0C多半来自「\\u${code.slice(2)}」这样的转义写法\uFF0C请删掉它\uFF0C或直接输入要写的字`;
  if (CONTROL.test(char)) return `${where}有${what}\uFF0C多半是从别处复制时带进来的\uFF0C请删掉它`;
  return `${where}有${what}\uFF0C请删掉它`;
}

/**
 * Every character `text` may not hold, in order: `line` allows none of the controls, `lines` allows \n, `body` \n and
 * \t. Noncharacters and lone surrogates are refused everywhere.
 */
export function forbiddenCharacters(text: string, kind: TextKind): ForbiddenCharacter[] {
  const found: ForbiddenCharacter[] = [];
  for (const m of text.matchAll(FORBIDDEN)) {
    const char = m[0];
    if (char === '\n' && kind !== 'line') continue;
    if (char === '\t' && kind === 'body') continue;
    found.push({ index: m.index, codePoint: hex(char), message: describe(char, kind) });
  }
  return found;
}

/** `text` without the characters a body may not hold, tabs and line breaks (also CR) kept: for text imported from elsewhere. */
export function stripForbiddenCharacters(text: string): string {
  return text.replace(FORBIDDEN, (c) => (c === '\n' || c === '\r' || c === '\t' ? c : ''));
}

/**
 * Every default-ignorable code point (zero-width spaces and joiners, invisible operators, the soft hyphen, the
 * combining grapheme joiner, Hangul fillers, variation selectors, tags …: characters that show nothing), except
 * the bidirectional controls among them, which no name may hold at all (refused, see BIDI).
 */
const INVISIBLE = new RegExp(`(?!${BIDI.source})\\p{Default_Ignorable_Code_Point}`, 'gu');

/** A person's name as the site keys it: NFC, with the invisible characters copy and paste leaves in names removed. */
export function normalizePersonName(name: string): string {
  return name.normalize('NFC').replace(INVISIBLE, '');
}

export interface NameNormalization extends Position {
  /** Top-level field: `byline` or `images`. */
  field: string;
  message: string;
}

/**
 * The person names in raw frontmatter `data` (as parsed, before the schema) that the schema will change: byline
 * entries (`徐洋`, `记者 徐洋`, `{ name: 徐洋 }`) and photo credits. Names that normalise to nothing are left to the
 * schema, which refuses them.
 */
export function nameNormalizations(data: unknown, locate: (path: readonly PropertyKey[]) => Position): NameNormalization[] {
  const found: NameNormalization[] = [];
  const check = (value: unknown, path: readonly PropertyKey[]) => {
    if (typeof value !== 'string') return;
    const normal = normalizePersonName(value).trim();
    if (normal === '' || normalizePersonName(value) === value) return;
    const invisible = [...new Set(value.match(INVISIBLE) ?? [])].map(hex);
    const what = invisible.length > 0 ? `里夹着看不见的字符 ${invisible.join('、')}` : '的写法不是 Unicode 标准形式\uFF08NFC\uFF09';
    const field = String(path[0]);
    const label = field === 'byline' ? '署名' : '摄影署名';
    found.push({
      field,
      ...locate(path),
      message: `${label}「${normal}」${what}\uFF0C已按「${normal}」处理\uFF1B请把这个名字删掉重新输入\uFF0C免得同一个人被当成两个人`,
    });
  };
  const record = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!record(data)) return found;
  if (Array.isArray(data['byline'])) {
    data['byline'].forEach((entry, i) => (record(entry) ? check(entry['name'], ['byline', i, 'name']) : check(entry, ['byline', i])));
  }
  if (Array.isArray(data['images'])) {
    data['images'].forEach((image, i) => {
      if (!record(image)) return;
      const credit = image['credit'];
      if (Array.isArray(credit)) credit.forEach((name, k) => check(name, ['images', i, 'credit', k]));
      else check(credit, ['images', i, 'credit']);
    });
  }
  return found;
}
