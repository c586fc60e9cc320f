// Command-line flags read the way a reporter types them: a mistyped flag, a flag without its value or a value
// without its flag (a headline with a space, unquoted) is told in Chinese, before Node's parseArgs (whose errors
// are English) reads the arguments. Used by scripts/new.ts and scripts/check.ts.
import { parseArgs } from 'node:util';
import { editDistance } from './util/edit-distance.ts';

export type FlagSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/**
 * The first thing wrong with `args` for flags `spec`, in Chinese (without the usage, which the caller adds), or
 * undefined when parseArgs will read them. `positionals`: whether bare values (paths) are allowed.
 */
export function argumentProblem(args: readonly string[], spec: FlagSpec, positionals = false): string | undefined {
  const { tokens } = parseArgs({ args: [...args], options: spec, strict: false, allowPositionals: true, tokens: true });
  const names = Object.keys(spec);
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (positionals) continue;
      return `多出来的「${token.value}」前面没有选项名\uFF1A每个值前面都要写上选项\uFF0C例如 --title 标题\uFF1B值里有空格时\uFF0C请用引号把整个值括起来\uFF0C例如 --title "老人突发心梗 曲周民警护送就医"`;
    }
    const flag = spec[token.name];
    if (!flag) {
      const typed = token.rawName.replace(/^-+/, '').toLowerCase();
      const close = names.filter((n) => editDistance(n, typed, { transpositions: true }) <= Math.max(1, Math.floor(n.length / 3)));
      const hint = close.length > 0 ? `\uFF0C是否为${close.map((n) => `「--${n}」`).join('或')}\uFF1F` : '';
      return `不认识的选项「${token.rawName}」${hint}`;
    }
    if (flag.type === 'boolean') {
      if (token.value !== undefined) return `选项「${token.rawName}」后面不用写值`;
      continue;
    }
    const value = token.value;
    if (value === undefined) return `选项「${token.rawName}」后面缺少它的值`;
    // parseArgs refuses a value that starts with - after a space: it may be a flag whose value was forgotten.
    if (!token.inlineValue && value.startsWith('-')) {
      return names.includes(value.replace(/^-+/, '').split('=')[0]!) || /^-[a-z]$/i.test(value)
        ? `选项「${token.rawName}」后面缺少它的值\uFF08「${value}」是另一个选项\uFF09`
        : `选项「${token.rawName}」的值以 - 开头时\uFF0C要写成 ${token.rawName}=${value}`;
    }
  }
  return undefined;
}
