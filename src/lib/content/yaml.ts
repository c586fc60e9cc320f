// Parses frontmatter and edition.yaml safely, keeping where every field is, so that schema problems can be
// reported at line:column. YAML 1.2 core schema only: no code, no custom tags, no anchors or aliases (alias
// bombs), no duplicate keys, bounded size and nesting. A file that breaks any of these has no data at all; after a
// plain syntax error, the fields on lines clear of it are kept apart (`partial`), for checking them in the same run.
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { Position, RuleId } from './problem.ts';

/** Frontmatter is a dozen short fields; anything near this size is a mistake or an attack. */
export const MAX_YAML_CHARS = 16 * 1024;
/** Deepest nesting any field needs is 4 (images → image → credit → name); a little room to spare. */
export const MAX_YAML_DEPTH = 6;

export interface YamlIssue extends Position {
  rule: RuleId;
  message: string;
}

export interface ParsedYaml {
  /** The plain data, or undefined when the YAML has issues. */
  data: unknown;
  /**
   * When the YAML has syntax errors or duplicate keys (and nothing unsafe: no alias, tag or excessive depth), the
   * top-level fields, each written once, that lie clear of every error: neither on an error's line nor just before it (a bracket left
   * open is noticed on the next line). Undefined otherwise. Never the whole document's data.
   */
  partial?: Record<string, unknown> | undefined;
  issues: YamlIssue[];
  /**
   * Where the field at `path` is: its value (or its key when the value is empty), or `'key'` for the key itself.
   * A path that does not exist resolves to its nearest existing ancestor, and the root to `fallback`.
   */
  locate(path: readonly PropertyKey[], target?: 'value' | 'key'): Position;
  /** When asked for (ParseYamlOptions.published) and the document has no issues: the text without its comments and those keys. */
  published?: string | undefined;
}

const FW_COLON = '\uFF1A';

/** Chinese explanations of the YAML errors reporters actually make. */
function syntaxMessage(code: string, english: string, lineText: string): { rule: RuleId; message: string } {
  const detail = `\uFF08${english.split(' at line')[0]}\uFF09`;
  if (code === 'DUPLICATE_KEY') {
    const key = lineText.split(':')[0]!.trim().replace(/^-\s*/, '');
    return { rule: 'yaml-duplicate-key', message: `字段「${key}」写了两次\uFF0C每个字段只能写一次` };
  }
  if (code === 'RESOURCE_EXHAUSTION') return { rule: 'yaml-depth', message: `嵌套层次太深${detail}` };
  if (code === 'TAB_AS_INDENT') return { rule: 'yaml-syntax', message: '不能用 Tab 键缩进\uFF0C请改用空格' };
  if (lineText.includes(FW_COLON) && !/:(\s|$)/.test(lineText)) {
    return { rule: 'yaml-syntax', message: `字段名后面要用英文半角冒号「:」再加一个空格\uFF0C不能用中文冒号「${FW_COLON}」` };
  }
  if (/^\s*[^\s#:-][^:]*:\S/.test(lineText) && !/^\s*[^:]*:\/\//.test(lineText)) {
    return { rule: 'yaml-syntax', message: `YAML 格式有误\uFF1A冒号后面要加一个空格${detail}` };
  }
  if (code === 'BAD_INDENT' || code === 'BAD_INDENTATION') {
    return { rule: 'yaml-syntax', message: `缩进不对\uFF1A同一层的字段要对齐${detail}` };
  }
  if (code === 'MISSING_CHAR') return { rule: 'yaml-syntax', message: `引号或括号没有配对${detail}` };
  return { rule: 'yaml-syntax', message: `YAML 格式有误\uFF0C请检查这一行${detail}` };
}

export interface ParseYamlOptions {
  /**
   * What the document must be: a map of fields (frontmatter, edition.yaml; the default), or any YAML value
   * (redirects.yaml is a list), the caller checking its shape. With `'any'`, an empty document is `null`.
   */
  root?: 'map' | 'any';
  /** Longest text accepted, in characters (default MAX_YAML_CHARS). */
  maxChars?: number;
  /**
   * Make `published` from this parse, without comments and these top-level keys: the copy readers get
   * (src/lib/content/published-source.ts).
   */
  published?: readonly string[];
}

/** `doc`'s text without its comments and the top-level keys `drop`; `text` itself when it has none. `doc` is left as it is. */
function withoutComments(doc: Document, text: string, drop: readonly string[]): string {
  const copy = doc.clone();
  let found = Boolean(copy.commentBefore || copy.comment) || drop.some((key) => copy.has(key));
  copy.commentBefore = null;
  copy.comment = null;
  visit(copy, (_key, node) => {
    if (!node || typeof node !== 'object') return;
    const commented = node as { comment?: string | null; commentBefore?: string | null };
    if (commented.comment || commented.commentBefore) found = true;
    Object.assign(node, { comment: null, commentBefore: null });
  });
  if (!found) return text;
  for (const key of drop) copy.delete(key);
  return copy.toString({ lineWidth: 0 });
}

/**
 * Parses `text`, whose first line is line `firstLine` of the file. `what` names the block in messages
 * (头部信息 for frontmatter, 版期信息 for edition.yaml).
 */
export function parseYaml(text: string, firstLine: number, fallback: Position, what: string, options: ParseYamlOptions = {}): ParsedYaml {
  const { root = 'map', maxChars = MAX_YAML_CHARS } = options;
  const lineCounter = new LineCounter();
  const lines = text.split('\n');
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line: line + firstLine - 1, column: col };
  };
  const issues: YamlIssue[] = [];

  if (text.length > maxChars) {
    return {
      data: undefined,
      issues: [{ rule: 'size', ...fallback, message: `${what}太长\uFF08超过 ${maxChars / 1024}K 个字符\uFF09` }],
      locate: () => fallback,
    };
  }

  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, version: '1.2', schema: 'core', prettyErrors: false, strict: true });

  for (const error of [...doc.errors, ...doc.warnings.filter((w) => w.code !== 'TAG_RESOLVE_FAILED')]) {
    const position = at(error.pos[0]);
    const lineText = lines[position.line - firstLine] ?? '';
    issues.push({ ...position, ...syntaxMessage(error.code, error.message, lineText) });
  }

  const positionOf = (node: Node | null | undefined): Position | undefined => (node?.range ? at(node.range[0]) : undefined);
  // Anchors, aliases and depth are reported once per file: an alias bomb is one mistake, not a thousand.
  const once = new Set<RuleId>();
  const report = (rule: RuleId, where: Position, message: string) => {
    if (once.has(rule)) return;
    once.add(rule);
    issues.push({ rule, ...where, message });
  };
  const walk = (node: unknown, depth: number): void => {
    if (!node || typeof node !== 'object') return;
    if (isAlias(node)) {
      report('yaml-alias', at(node.range?.[0] ?? 0), '不能使用 YAML 锚点和别名\uFF08& 和 *\uFF09\uFF0C请把内容直接写出来');
      return;
    }
    if (!isScalar(node) && !isCollection(node)) return;
    const where = positionOf(node) ?? fallback;
    if (node.anchor) report('yaml-alias', where, '不能使用 YAML 锚点和别名\uFF08& 和 *\uFF09\uFF0C请把内容直接写出来');
    if (node.tag) issues.push({ rule: 'yaml-tag', ...where, message: `不能使用 YAML 标签「${node.tag.replace('tag:yaml.org,2002:', '!!')}」` });
    if (!isCollection(node)) return;
    if (depth > MAX_YAML_DEPTH) {
      report('yaml-depth', where, `嵌套层次太深\uFF08最多 ${MAX_YAML_DEPTH} 层\uFF09`);
      return;
    }
    for (const item of node.items) {
      if (isPair(item)) {
        if (!isScalar(item.key)) {
          issues.push({ rule: 'yaml-syntax', ...(positionOf(item.key as Node) ?? where), message: '字段名必须是简单的文字' });
        } else walk(item.key, depth + 1);
        walk(item.value, depth + 1);
      } else walk(item, depth + 1);
    }
  };
  if (issues.length === 0) walk(doc.contents, 1);

  /** The fields clear of the syntax errors (see ParsedYaml.partial), checked for what is unsafe as the whole document would be. */
  const partialFields = (): Record<string, unknown> | undefined => {
    if (root !== 'map' || !isMap(doc.contents) || issues.some((i) => i.rule !== 'yaml-syntax' && i.rule !== 'yaml-duplicate-key')) return undefined;
    const errorLines = new Set(doc.errors.map((e) => lineCounter.linePos(e.pos[0]).line));
    const pairs = doc.contents.items;
    const counts = new Map<unknown, number>();
    for (const pair of pairs) if (isScalar(pair.key)) counts.set(pair.key.value, (counts.get(pair.key.value) ?? 0) + 1);
    const lineOf = (offset: number) => lineCounter.linePos(offset).line;
    const clear = pairs.filter((pair, i) => {
      const key = pair.key as Node | null;
      if (!isScalar(key) || counts.get(key.value) !== 1 || !key.range) return false;
      const value = pair.value as Node | null;
      const first = lineOf(key.range[0]);
      const last = lineOf(Math.max(key.range[0], (value?.range?.[1] ?? key.range[1]) - 1));
      // Up to the line before the next field: what follows an error-free field may still be its own unclosed bracket.
      const next = pairs[i + 1]?.key as Node | null | undefined;
      const until = next?.range ? Math.max(last, lineOf(next.range[0])) : last;
      for (let line = first; line <= until; line++) if (errorLines.has(line)) return false;
      return true;
    });
    const before = issues.length;
    for (const pair of clear) {
      walk(pair.key, 2);
      walk(pair.value, 2);
    }
    if (issues.length > before) return undefined;
    return Object.fromEntries(clear.map((pair) => [String((pair.key as { value: unknown }).value), (pair.value as Node | null)?.toJS(doc, { maxAliasCount: 0 }) ?? null]));
  };

  const locate = (path: readonly PropertyKey[], target: 'value' | 'key' = 'value'): Position => {
    let node: unknown = doc.contents;
    let position = fallback;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        const keyPosition = positionOf(pair.key as Node) ?? position;
        const value = pair.value as Node | null;
        const hasValue = value?.range && value.range[1] > value.range[0];
        position = target === 'key' || !hasValue ? keyPosition : (positionOf(value) ?? keyPosition);
        node = value;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
        node = node.items[segment];
        position = positionOf(node as Node) ?? position;
      } else break;
    }
    return position;
  };

  if (issues.length > 0) return { data: undefined, issues, locate, partial: partialFields() };
  if (root === 'any') return { data: doc.toJS({ maxAliasCount: 0 }) ?? null, issues, locate };
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return { data: undefined, issues: [{ rule: 'frontmatter-type', ...fallback, message: `${what}是空的` }], locate };
  }
  if (!isMap(doc.contents)) {
    return {
      data: undefined,
      issues: [{ rule: 'frontmatter-type', ...(positionOf(doc.contents) ?? fallback), message: `${what}必须是一行一个「字段: 值」\uFF0C例如 title: 标题` }],
      locate,
    };
  }
  const published = options.published && withoutComments(doc, text, options.published);
  return { data: doc.toJS({ maxAliasCount: 0 }), issues, locate, published };
}
