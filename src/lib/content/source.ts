// Turns a content file's bytes into text and splits off its frontmatter, strictly: invalid UTF-8, a missing or
// unclosed `---` block and executable frontmatter engines (`---js`, `+++` TOML) are errors, never guesses.
// A UTF-8 BOM and CRLF line endings are accepted and give exactly the same text, lines and columns as LF.
import type { Position, RuleId } from './problem.ts';

export interface SourceError extends Position {
  rule: RuleId;
  message: string;
}

/** Index of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0) return i;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    const b1 = bytes[i + 1];
    if (b1 === undefined || b1 < lo || b1 > hi) return i;
    for (let k = 2; k <= need; k++) {
      const bk = bytes[i + k];
      if (bk === undefined || bk < 0x80 || bk > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/** Strict UTF-8 decoding; the text has no BOM and only `\n` line endings. */
export function decodeSource(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: SourceError } {
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const lineStart = offset > 0 ? bytes.lastIndexOf(0x0a, offset - 1) + 1 : 0;
    const line = bytes.subarray(0, offset).reduce((n, b) => (b === 0x0a ? n + 1 : n), 1);
    const before = lenient.decode(bytes.subarray(lineStart, offset)).replace(/^\uFEFF/, '');
    return {
      ok: false,
      error: {
        rule: 'encoding',
        line,
        column: before.length + 1,
        message: '文件不是 UTF-8 编码\uFF08这里有无法识别的字节\uFF09\uFF0C请在编辑器里用 UTF-8 重新保存',
      },
    };
  }
  return { ok: true, text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') };
}

export interface SplitSource {
  /** The YAML between the delimiters. */
  yaml: string;
  /** 1-based line of the first YAML line (the line after the opening ---). */
  yamlLine: number;
  /** The Markdown after the closing ---. */
  body: string;
  /** 1-based line of the first body line, and its offset in the whole text. */
  bodyLine: number;
  bodyOffset: number;
}

/**
 * Splits `---` frontmatter from the body. The closing line is found the way Astro finds it (the first later line
 * starting with --- or +++), so the checker and the site always agree on where the YAML ends, but it must then be
 * exactly `---`.
 */
export function splitFrontmatter(text: string): { ok: true; value: SplitSource } | { ok: false; error: SourceError } {
  const fail = (rule: RuleId, line: number, message: string) => ({ ok: false as const, error: { rule, line, column: 1, message } });
  const lines = text.split('\n');
  const first = lines[0]!;
  if (first.startsWith('+++')) {
    return fail('frontmatter-engine', 1, '头部信息只能用 YAML 格式\uFF08以 --- 开始\uFF0C以 --- 结束\uFF09\uFF0C不支持 +++ 开头的 TOML 格式');
  }
  if (!first.startsWith('---')) {
    const late = lines.findIndex((l) => l.startsWith('---'));
    if (late > 0 && lines.slice(0, late).every((l) => l.trim() === '')) {
      return fail('frontmatter-missing', 1, '第一行必须是 ---\uFF0C前面不能有空行');
    }
    return fail('frontmatter-missing', 1, '文件缺少头部信息\uFF1A第一行写 ---\uFF0C接着写标题、日期等字段\uFF0C再用单独一行 --- 结束');
  }
  if (first.trimEnd() !== '---') {
    const engine = first.slice(3).trim();
    if (/^[A-Za-z]/.test(engine)) {
      return fail(
        'frontmatter-engine',
        1,
        `不支持「${first.trimEnd().slice(0, 20)}」\uFF1A头部信息只能用 YAML 格式\uFF0C第一行只写 ---\uFF08这种写法会被当作程序执行\uFF0C一律拒绝\uFF09`,
      );
    }
    return fail('frontmatter-missing', 1, '第一行必须正好是 ---\uFF0C不能有其他字符');
  }
  const close = lines.findIndex((l, i) => i > 0 && (l.startsWith('---') || l.startsWith('+++')));
  if (close < 0) {
    return fail('frontmatter-unclosed', 1, '头部信息没有结束\uFF1A第 1 行的 --- 之后要有单独一行 ---\uFF0C把字段和正文隔开');
  }
  if (lines[close]!.trimEnd() !== '---') {
    return fail('frontmatter-unclosed', close + 1, '头部信息的结束行必须正好是 ---');
  }
  const yaml = lines.slice(1, close).join('\n');
  const bodyOffset = lines.slice(0, close + 1).reduce((n, l) => n + l.length + 1, 0);
  return {
    ok: true,
    value: { yaml, yamlLine: 2, body: text.slice(Math.min(bodyOffset, text.length)), bodyLine: close + 2, bodyOffset },
  };
}
