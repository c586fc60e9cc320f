// Reads one article or edition file the one way the site reads it: strict UTF-8, `---` YAML frontmatter parsed by
// the project's safe parser (src/lib/content/yaml.ts), validated with the site's schema. Every reader of content
// (the checker, the Astro loaders, the search index, the downloads) goes through here, so what the checker passes
// is what the build publishes. Problems are located (file, line, column) and in Chinese.
import { traceRead as trace } from './read-trace-fs.ts';
import type { z } from 'astro/zod';
import { articleSchema, editionSchema, type Article, type Edition } from '../schema.ts';
import type { Position, Problem, Severity } from './problem.ts';
import { schemaOf, validate, validFields } from './schema-issues.ts';
import { decodeSource, splitFrontmatter } from './source.ts';
import { bylineRoleReadings } from './byline-roles.ts';
import { nameNormalizations } from './text.ts';
import { mayHoldNotes, newsroomKeys } from './published-source.ts';
import { parseYaml } from './yaml.ts';

/** A long feature is some 10,000 characters (30 KB); ten times that is not an article. */
export const MAX_ARTICLE_BYTES = 256 * 1024;
export const MAX_EDITION_BYTES = 64 * 1024;

export interface ReadFile<T> {
  /** The file as problems name it, e.g. content/2022/04/19/slug.md. */
  display: string;
  problems: Problem[];
  /** Where a field is in the file (see parseYaml). */
  locate: (path: readonly PropertyKey[]) => Position;
  /** The schema's output; undefined when the file has errors that leave it without data. */
  data?: T | undefined;
  /**
   * The fields that are valid on their own, also when the file as a whole is not (all of `data` when it is valid):
   * so that the checker can apply the edition rules to a page and order that are right beside a county that is not.
   */
  fields?: Partial<T> | undefined;
  /**
   * The YAML as a download ships it (src/lib/content/published-source.ts), made from this read's parse when the YAML
   * may hold comments or an edition's note; undefined when it cannot (it is published as written) or has issues.
   */
  publishedYaml?: string | undefined;
}

export interface ReadArticle extends ReadFile<Article> {
  /** The Markdown after the frontmatter (empty when the frontmatter could not be split off). */
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
}

export type ReadEdition = ReadFile<Edition>;

const TOP = { line: 1, column: 1 };


type Add = (rule: string, at: Position, message: string, severity?: Severity) => void;

function start(display: string): { problems: Problem[]; add: Add } {
  const problems: Problem[] = [];
  const add: Add = (rule, at, message, severity = 'error') =>
    problems.push({ file: display, line: at.line, column: at.column, rule, severity, message });
  return { problems, add };
}

/** Parses `yaml` (whose first line is line `firstLine`) into `result`, validated with `schema`; `what` names the block in messages. */
function parseInto<T, R extends ReadFile<T>>(result: R, add: Add, schema: z.ZodType<T>, yaml: string, firstLine: number, what: string): R {
  const keys = newsroomKeys(result.display);
  const parsed = parseYaml(yaml, firstLine, TOP, what, mayHoldNotes(yaml, keys) ? { published: keys } : {});
  result.locate = (p) => parsed.locate(p);
  result.publishedYaml = parsed.published;
  for (const issue of parsed.issues) add(issue.rule, issue, issue.message);
  if (parsed.data === undefined && parsed.partial !== undefined) {
    // The fields clear of a syntax error are checked in the same run; nothing is said about those that are not.
    const valid = validate(schemaOf(schema, Object.keys(parsed.partial)), parsed.partial, parsed.locate);
    if (!valid.ok) for (const p of valid.problems) add(p.rule, p, p.message);
    result.fields = validFields(schema, parsed.partial, Object.keys(parsed.partial));
    for (const n of nameNormalizations(parsed.partial, parsed.locate)) add(n.field, n, n.message, 'warning');
    for (const r of bylineRoleReadings(parsed.partial, parsed.locate)) add('byline', r, r.message, 'warning');
  }
  if (parsed.data === undefined) return result;
  const valid = validate(schema, parsed.data, parsed.locate);
  if (valid.ok) result.data = valid.data;
  else for (const p of valid.problems) add(p.rule, p, p.message);
  result.fields = valid.ok ? valid.data : validFields(schema, parsed.data);
  // The schema normalises person names silently; the reporter should still retype one that needed it.
  for (const n of nameNormalizations(parsed.data, parsed.locate)) add(n.field, n, n.message, 'warning');
  for (const r of bylineRoleReadings(parsed.data, parsed.locate)) add('byline', r, r.message, 'warning');
  return result;
}

/** An article file's frontmatter and body. Nothing across files (the edition rules) and nothing about the body's Markdown. */
export function readArticle(display: string, bytes: Uint8Array): ReadArticle {
  trace(display);
  const { problems, add } = start(display);
  const result: ReadArticle = { display, problems, locate: () => TOP, body: '', bodyLine: 1 };
  if (bytes.length > MAX_ARTICLE_BYTES) {
    add('size', TOP, `文件太大\uFF08${Math.round(bytes.length / 1024)} KB\uFF0C最多 ${MAX_ARTICLE_BYTES / 1024} KB\uFF09`);
    return result;
  }
  const decoded = decodeSource(bytes);
  if (!decoded.ok) {
    add(decoded.error.rule, decoded.error, decoded.error.message);
    return result;
  }
  const split = splitFrontmatter(decoded.text);
  if (!split.ok) {
    add(split.error.rule, split.error, split.error.message);
    return result;
  }
  const { yaml, yamlLine, body, bodyLine } = split.value;
  result.body = body;
  result.bodyLine = bodyLine;
  return parseInto(result, add, articleSchema, yaml, yamlLine, '头部信息');
}

/** An edition.yaml. */
export function readEdition(display: string, bytes: Uint8Array): ReadEdition {
  trace(display);
  const { problems, add } = start(display);
  const result: ReadEdition = { display, problems, locate: () => TOP };
  if (bytes.length > MAX_EDITION_BYTES) {
    add('size', TOP, `文件太大\uFF08最多 ${MAX_EDITION_BYTES / 1024} KB\uFF09`);
    return result;
  }
  const decoded = decodeSource(bytes);
  if (!decoded.ok) {
    add(decoded.error.rule, decoded.error, decoded.error.message);
    return result;
  }
  return parseInto(result, add, editionSchema, decoded.text, 1, '版期信息');
}

/**
 * An article's frontmatter as parsed, before the schema (undefined when the file cannot be read that far): for the
 * tools that look at the other articles of an edition they write into (`npm run new`, the importer), which must
 * cope with a neighbour that has errors of its own.
 */
export function readRawFrontmatter(bytes: Uint8Array): Record<string, unknown> | undefined {
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return undefined;
  const split = splitFrontmatter(decoded.text);
  if (!split.ok) return undefined;
  const data = parseYaml(split.value.yaml, split.value.yamlLine, TOP, '头部信息').data;
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
}
