// Validates parsed frontmatter with the site's own zod schemas (src/lib/schema.ts) and turns every issue into a
// located problem: the schema's Chinese messages where it has them, Chinese wording for zod's generic ones, the
// rule id being the top-level field the issue is about (`county`, `date` …) or `unknown-field`.
import { z } from 'astro/zod';
import { editDistance } from '../util/edit-distance.ts';
import type { Position, RuleId } from './problem.ts';

/** What each field is called in the newsroom. */
const labels: Record<string, string> = {
  title: '标题',
  kicker: '引题',
  subtitle: '副题',
  byline: '署名',
  date: '日期',
  county: '县区',
  category: '栏目',
  page: '版次',
  order: '版内顺序',
  source: '稿件来源',
  dateline: '电头',
  images: '图片',
  summary: '摘要',
  editorHeadline: '编辑所加标题',
  truncated: '原文不完整',
  draft: '草稿',
  corrections: '更正',
  file: '图片文件',
  caption: '图片说明',
  credit: '摄影署名',
  alt: '图片替代文字',
  name: '姓名',
  role: '身份',
  text: '更正内容',
  issue: '期号',
  pages: '版面',
  number: '版次',
  note: '备注',
  reprint: '转载',
  author: '原作者',
  url: '原文链接',
  editor: '责任编辑',
  area: '热区',
  pdf: '版面 PDF',
  image: '版面图片',
};

const expectedWords: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表\uFF08每项一行\uFF0C以「- 」开头\uFF0C或写成 [甲, 乙]\uFF09',
  object: '一组「字段: 值」',
};

function nameOf(path: readonly PropertyKey[]): string {
  const key = [...path].reverse().find((k): k is string => typeof k === 'string');
  if (key === undefined) return '头部信息';
  const label = labels[key];
  return label ? `「${key}」\uFF08${label}\uFF09` : `「${key}」`;
}

/** Chinese for zod's generic issues (those the schema gave no message of its own). */
function describe(issue: z.core.$ZodIssue): string {
  const name = nameOf(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `缺少必填字段${name}`;
      return `${name}应该是${expectedWords[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? `${name}不能为空` : `${name}至少 ${issue.minimum} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${name}至少要有 ${issue.minimum} 项`;
      return `${name}不能小于 ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `${name}过长\uFF08最多 ${issue.maximum} 个字\uFF09`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${name}最多 ${issue.maximum} 项`;
      return `${name}不能大于 ${issue.maximum}`;
    case 'invalid_value':
      return `${name}只能是\uFF1A${issue.values.map(String).join('、')}`;
    case 'invalid_format':
      return `${name}的格式不对`;
    default:
      return `${name}不符合要求`;
  }
}

/** Marks a message zod made up itself, to be replaced by describe() once the full path is known. */
const GENERIC = '\u0000generic';

export interface SchemaProblem extends Position {
  rule: RuleId | string;
  message: string;
}

/**
 * Runs `schema` on `data`. `locate` maps a path to its position in the YAML (see yaml.ts). Returns the parsed
 * value when valid; problems otherwise, in document order of the issues zod found.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  data: unknown,
  locate: (path: readonly PropertyKey[], target?: 'value' | 'key') => Position,
): { ok: true; data: z.output<S> } | { ok: false; problems: SchemaProblem[] } {
  const result = schema.safeParse(data, { error: () => GENERIC, reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  const known = Object.keys(labels);
  const problems: SchemaProblem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const close = known.filter((k) => editDistance(k.toLowerCase(), key.toLowerCase()) <= Math.max(1, Math.floor(key.length / 4)));
        const hint = close.length > 0 ? `\uFF0C是否为${close.map((k) => `「${k}」`).join('或')}\uFF1F` : '';
        problems.push({ rule: 'unknown-field', ...locate([...issue.path, key], 'key'), message: `不认识的字段「${key}」${hint}` });
      }
      continue;
    }
    const top = issue.path[0];
    const rule = typeof top === 'string' ? top : 'frontmatter-type';
    if (isMissing(data, issue.path)) {
      // Said as missing, whatever the schema's message for a wrong value (which is kept as a hint), and located
      // where the field belongs: at the field that follows it in the schema's order, else its object.
      const hint = issue.message === GENERIC || /缺少|必须填写/.test(issue.message) ? '' : `\uFF1A${issue.message}`;
      problems.push({ rule, ...locate(placeOfMissing(schema, data, issue.path), 'key'), message: `缺少必填字段${nameOf(issue.path)}${hint}` });
      continue;
    }
    problems.push({ rule, ...locate(issue.path), message: issue.message === GENERIC ? describe(issue) : issue.message });
  }
  return { ok: false, problems };
}

/** Whether the field at `path` is absent from `data` while its object is there. */
function isMissing(data: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return false;
  let parent: unknown = data;
  for (const key of path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return false;
    parent = (parent as Record<PropertyKey, unknown>)[key];
  }
  return typeof parent === 'object' && parent !== null && !Array.isArray(parent) && !(path.at(-1)! in parent);
}

/**
 * Where a missing field belongs: a top-level field before the first field that follows it in the schema's order
 * and is in the file (the one before it when none follows); a nested one at its object.
 */
function placeOfMissing(schema: z.ZodType, data: unknown, path: readonly PropertyKey[]): readonly PropertyKey[] {
  const shape = shapeOf(schema);
  if (path.length !== 1 || shape === undefined || typeof data !== 'object' || data === null) return path.slice(0, -1);
  const order = Object.keys(shape);
  const at = order.indexOf(String(path[0]));
  const present = (key: string) => key in data;
  const next = order.slice(at + 1).find(present) ?? order.slice(0, at).reverse().find(present);
  return next === undefined ? [] : [next];
}

/**
 * The top-level fields of `data` that `schema` (an object schema) accepts one by one, with the schema's output for
 * each; for a file with errors, what can still be trusted. Checks that span fields are not applied. `only`: just
 * these fields (the others are not known, and must not take their defaults).
 */
export function validFields<T>(schema: z.ZodType<T>, data: unknown, only?: readonly string[]): Partial<T> {
  const shape = shapeOf(schema);
  if (shape === undefined || typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  const fields: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    if (only !== undefined && !only.includes(key)) continue;
    const result = field.safeParse((data as Record<string, unknown>)[key]);
    if (result.success && result.data !== undefined) fields[key] = result.data;
  }
  return fields as Partial<T>;
}

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  return (schema as unknown as { shape?: Record<string, z.ZodType> }).shape;
}

/**
 * `schema` (an object schema) cut down to the fields `keys` that it has, still refusing any other field: for checking
 * the fields of a file that could be read only in part. Checks that span fields are dropped.
 */
export function schemaOf(schema: z.ZodType, keys: readonly string[]): z.ZodType {
  const shape = shapeOf(schema);
  if (shape === undefined) return schema;
  return z.strictObject(Object.fromEntries(Object.entries(shape).filter(([key]) => keys.includes(key))));
}
