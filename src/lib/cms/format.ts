// The editor's file format: reads an article file into the fields Decap CMS edits and writes them back, with the
// content door's own frontmatter split and YAML parser (src/lib/content), so the editor and the checker read a file
// the same way. Pure and browser-safe: the admin page registers it with Decap (src/cms/admin.ts).
import { isMap, isSeq, parseDocument, stringify } from 'yaml';
import { splitFrontmatter } from '../content/source.ts';
import { parseYaml } from '../content/yaml.ts';
import { slugFromHeadline } from '../slug.ts';

/** The key Decap keeps the Markdown body under. */
export const BODY_KEY = 'body';

/**
 * Keys the editor adds to an entry for Decap's path template (see pathFields), never written to a file. The schema has
 * no field of these names, and the prefix keeps it that way.
 */
export const TRANSIENT_PREFIX = 'cms_';

/** Where the original text of each file read is kept, for writing an unchanged or slightly changed file back faithfully. */
export type Originals = Map<string, { yaml: string; separator: string; body: string }>;

/** Key into Originals carried by an entry read from a file. */
export const SOURCE_KEY = `${TRANSIENT_PREFIX}source`;

/**
 * An article file as Decap's entry data: the frontmatter's fields, the body under `body`, and the key of its original
 * text. Object bylines (`{ name: 唐新花, role: 摄影 }`) become the equivalent `摄影 唐新花` the schema reads the same
 * way, because the editor shows a byline as a list of lines. Throws with the checker's wording on a broken file.
 */
export function readArticleText(text: string, originals: Originals): Record<string, unknown> {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const split = splitFrontmatter(normalised);
  if (!split.ok) throw new Error(`${split.error.line}:${split.error.column} ${split.error.message}`);
  const { yaml, body } = split.value;
  const parsed = parseYaml(yaml, 2, { line: 1, column: 1 }, '头部信息');
  const [issue] = parsed.issues;
  if (issue) throw new Error(`${issue.line}:${issue.column} ${issue.message}`);
  const data = { ...(parsed.data as Record<string, unknown>) };
  if (Array.isArray(data['byline'])) data['byline'] = data['byline'].map(bylineLine);
  const separator = /^\n*/.exec(body)![0];
  const key = `${originals.size + 1}`;
  originals.set(key, { yaml, separator, body: body.slice(separator.length) });
  return { ...data, [BODY_KEY]: body.slice(separator.length), [SOURCE_KEY]: key };
}

function bylineLine(entry: unknown): unknown {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return entry;
  const { name, role, ...rest } = entry as Record<string, unknown>;
  if (typeof name !== 'string' || Object.keys(rest).length > 0) return entry;
  return typeof role === 'string' ? `${role} ${name}` : name;
}

/** A value that means "not filled in": Decap leaves these behind for a cleared or untouched optional field. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value as object).every(isEmpty);
  return false;
}

/** Empty values inside lists and objects (an image whose credit was left blank) dropped, recursively. */
function pruned(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruned);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => !isEmpty(v) || v === false)
        .map(([k, v]) => [k, pruned(v)]),
    );
  }
  if (typeof value === 'string') return value.trim() === value ? value : value.trim();
  return value;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The article file for Decap's entry data. Fields come in `order` (the editor's field order) for a new file; a file
 * read before keeps its text where nothing changed (an unchanged entry is written back byte for byte, and in a
 * changed one only the changed fields' lines are rewritten: comments, key order and flow lists stay).
 * An optional field left empty is omitted, as the schema wants (it refuses `kicker: ''`).
 */
export function writeArticleText(entry: Record<string, unknown>, order: readonly string[], originals: Originals): string {
  const original = typeof entry[SOURCE_KEY] === 'string' ? originals.get(entry[SOURCE_KEY]) : undefined;
  const rawBody = typeof entry[BODY_KEY] === 'string' ? entry[BODY_KEY] : '';
  const body = rawBody.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  const fields = Object.entries(entry).filter(([key]) => key !== BODY_KEY && !key.startsWith(TRANSIENT_PREFIX));
  const before = original ? (parseYaml(original.yaml, 2, { line: 1, column: 1 }, '').data as Record<string, unknown>) : {};
  // The file's fields as the editor was given them (bylines as lines), to tell what changed.
  const asRead = Object.fromEntries(
    Object.entries(before).map(([k, v]) => [k, k === 'byline' && Array.isArray(v) ? v.map(bylineLine) : v]),
  );
  const kept = new Map<string, unknown>();
  for (const [key, value] of fields) {
    if (key in asRead) {
      // A field the file had: kept unless cleared (a field the file had empty, `byline: []`, stays as it was).
      if (!(isEmpty(value) && value !== false && !same(value, asRead[key]))) kept.set(key, pruned(value));
    } else if (!isEmpty(value)) {
      kept.set(key, pruned(value));
    }
  }
  const bodyText = body === '' ? '' : `${body}\n`;
  if (original) {
    const unchanged =
      [...kept.keys()].length === Object.keys(asRead).length && [...kept].every(([k, v]) => k in asRead && same(v, asRead[k]));
    const sameBody = original.body.replace(/\s+$/, '') === body;
    const yamlText = unchanged ? original.yaml : editedYaml(original.yaml, asRead, kept, order);
    return `---\n${yamlText}${yamlText.endsWith('\n') || yamlText === '' ? '' : '\n'}---\n${original.separator || '\n'}${sameBody ? original.body : bodyText}`;
  }
  const ordered = [...kept].sort(([a], [b]) => rank(order, a) - rank(order, b));
  return `---\n${stringify(Object.fromEntries(ordered), { lineWidth: 0 })}---\n\n${bodyText}`;
}

function rank(order: readonly string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}

/**
 * The original frontmatter with only the changed fields' lines replaced, the removed ones cut and new ones inserted
 * where the editor's order puts them: every other line, comment and blank line stays as it was.
 */
function editedYaml(yaml: string, asRead: Record<string, unknown>, kept: Map<string, unknown>, order: readonly string[]): string {
  const text = yaml.endsWith('\n') || yaml === '' ? yaml : `${yaml}\n`;
  const doc = parseDocument(text);
  if (!isMap(doc.contents)) return stringify(Object.fromEntries(kept), { lineWidth: 0 });
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  // Each top-level field: from the start of its line to the end of its last value line (the comment and blank lines
  // after it stay where they are, whatever happens to the field).
  const fields = doc.contents.items.map((pair) => {
    const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
    const value = pair.value as { comment?: string | null } | null;
    return { key: String(key?.value), start: lineStart(key?.range?.[0] ?? 0), comment: value?.comment ?? undefined };
  });
  const spans = fields.map((f, i) => {
    const end = fields[i + 1]?.start ?? text.length;
    const lines = text.slice(f.start, end).split('\n');
    let last = 0;
    lines.forEach((line, j) => {
      if (line.trim() !== '' && !/^\s*#/.test(line)) last = j;
    });
    return { ...f, end: f.start + lines.slice(0, last + 1).join('\n').length + 1 };
  });
  const field = (key: string, value: unknown) => stringify({ [key]: value }, { lineWidth: 0 });
  const edits: { start: number; end: number; text: string }[] = [];
  for (const span of spans) {
    if (!kept.has(span.key)) edits.push({ start: span.start, end: span.end, text: '' });
    else if (!same(kept.get(span.key), asRead[span.key])) {
      const replaced = field(span.key, kept.get(span.key));
      // A comment on the field's own line (`page: 1 # 头版`) stays when the new value is one line too.
      const oneLine = replaced.indexOf('\n') === replaced.length - 1;
      edits.push({
        start: span.start,
        end: span.end,
        text: span.comment && oneLine ? `${replaced.slice(0, -1)} #${span.comment}\n` : replaced,
      });
    }
  }
  for (const [key, value] of kept) {
    if (key in asRead) continue;
    const next = spans.find((span) => rank(order, span.key) > rank(order, key));
    const at = next ? next.start : text.length;
    edits.push({ start: at, end: at, text: field(key, value) });
  }
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start || b.end - a.end))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/**
 * The values Decap's path template `{{cms_year}}/{{cms_month}}/{{cms_day}}/{{slug}}` and slug template
 * `{{cms_slug}}` read: the edition folder from the article's date (as written, never through a time zone: Decap's own
 * `{{year}}` reads a date in UTC, which puts a Beijing morning's article in the day before) and the pinyin of the
 * headline made by the site's own slug function. Set on every save by the editor's preSave listener; never written.
 */
export function pathFields(data: { title?: unknown; date?: unknown }): Record<string, string> {
  const date = typeof data.date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(data.date) : null;
  return {
    [`${TRANSIENT_PREFIX}slug`]: slugFromHeadline(typeof data.title === 'string' ? data.title : ''),
    ...(date
      ? { [`${TRANSIENT_PREFIX}year`]: date[1]!, [`${TRANSIENT_PREFIX}month`]: date[2]!, [`${TRANSIENT_PREFIX}day`]: date[3]! }
      : {}),
  };
}

/** The editor's order of an edition.yaml's fields (a new file is written in it). */
export const EDITION_FIELD_ORDER = ['date', 'issue', 'pages', 'note'] as const;
/** The order of a 版's fields in `pages`. */
const PAGE_FIELD_ORDER = ['number', 'name', 'pdf', 'image'];

/**
 * An edition.yaml as Decap's entry data, read with the content door's YAML parser (版期信息 in its messages). The
 * original text is kept in `originals`, as for an article, so an unchanged file is written back byte for byte.
 */
export function readEditionText(text: string, originals: Originals): Record<string, unknown> {
  const yaml = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const parsed = parseYaml(yaml, 1, { line: 1, column: 1 }, '版期信息');
  const [issue] = parsed.issues;
  if (issue) throw new Error(`${issue.line}:${issue.column} ${issue.message}`);
  const key = `${originals.size + 1}`;
  originals.set(key, { yaml, separator: '', body: '' });
  return { ...(parsed.data as Record<string, unknown>), [SOURCE_KEY]: key };
}

/**
 * The edition.yaml for Decap's entry data: a file read before keeps its text where nothing changed (comments, the
 * flow style of `pages`), only changed fields rewritten; a new one is written in the editor's order, each 版 on one
 * line (`- { number: 2, name: 政法动态 }`), as `npm run new` and the importer write them.
 */
export function writeEditionText(entry: Record<string, unknown>, originals: Originals): string {
  const original = typeof entry[SOURCE_KEY] === 'string' ? originals.get(entry[SOURCE_KEY]) : undefined;
  const kept = new Map<string, unknown>();
  const before = original ? (parseYaml(original.yaml, 1, { line: 1, column: 1 }, '').data as Record<string, unknown>) : {};
  for (const [key, value] of Object.entries(entry)) {
    if (key.startsWith(TRANSIENT_PREFIX) || key === BODY_KEY) continue;
    if (isEmpty(value) && !(key in before && same(value, before[key]))) continue;
    kept.set(key, key === 'pages' && Array.isArray(value) ? value.map(pageInOrder) : pruned(value));
  }
  const order = [...EDITION_FIELD_ORDER];
  if (original) {
    const unchanged = kept.size === Object.keys(before).length && [...kept].every(([k, v]) => k in before && same(v, before[k]));
    if (unchanged) return original.yaml;
    // A changed list of 版 edited line by line (a 版 added is one line added, comments between and beside 版 stay),
    // then the other fields as in an article.
    const pages = kept.get('pages');
    const linewise = Array.isArray(pages) && !same(pages, before['pages']) ? editedPages(original.yaml, pages) : undefined;
    if (linewise !== undefined) {
      const read = parseYaml(linewise, 1, { line: 1, column: 1 }, '').data as Record<string, unknown>;
      return editedYaml(linewise, read, kept, order);
    }
    return withFlowPages(editedYaml(original.yaml, before, kept, order));
  }
  const ordered = [...kept].sort(([a], [b]) => rank(order, a) - rank(order, b));
  return withFlowPages(stringify(Object.fromEntries(ordered), { lineWidth: 0 }));
}

/**
 * The edition.yaml with its block list `pages:` changed to `pages` one 版 at a time: the lines of 版 that stay are
 * kept as they are (with their comments, and the comment lines between them), a removed 版's line is cut, an added
 * 版 is one new line (`- { number: 2, name: 政法动态 }`) where the list puts it, and a changed 版's line is rewritten,
 * keeping a comment at its end. Undefined when `pages:` is not a block list of one-line 版 (then the whole field is
 * rewritten).
 */
function editedPages(yaml: string, pages: readonly unknown[]): string | undefined {
  const text = yaml.endsWith('\n') ? yaml : `${yaml}\n`;
  const doc = parseDocument(text);
  const seq = doc.get('pages', true);
  if (!isSeq(seq) || seq.flow || seq.items.length === 0) return undefined;
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = (offset: number) => text.indexOf('\n', offset) + 1;
  const items: { start: number; end: number; indent: string; comment: string; value: unknown }[] = [];
  for (const item of seq.items) {
    const range = (item as { range?: [number, number, number] }).range;
    if (!range) return undefined;
    const start = lineStart(range[0]);
    const end = lineEnd(Math.max(range[0], range[1] - 1));
    const line = text.slice(start, end);
    const head = /^(\s*)-\s/.exec(line);
    // One 版 per line, each its own line: anything else is rewritten whole.
    if (!head || line.slice(0, -1).includes('\n') || (items.length > 0 && start < items.at(-1)!.end)) return undefined;
    const comment = / #.*$/.exec(text.slice(lineStart(range[1]), end - 1).slice(range[1] - lineStart(range[1])))?.[0] ?? '';
    items.push({ start, end, indent: head[1]!, comment, value: pageInOrder((item as { toJSON(): unknown }).toJSON()) });
  }
  const lineOf = (page: unknown, indent: string, comment = '') =>
    `${indent}- ${stringify(page, { collectionStyle: 'flow', lineWidth: 0 }).trim()}${comment}\n`;
  // Which old 版 stay: the longest common subsequence of the old and new lists.
  const n = items.length;
  const m = pages.length;
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = same(items[i]!.value, pages[j]) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const indent = items[0]!.indent;
  const edits: { start: number; end: number; text: string }[] = [];
  let i = 0;
  let j = 0;
  // Where a new 版 goes: after the line of the last old 版 passed, or before the first one.
  let at = items[0]!.start;
  while (i < n || j < m) {
    if (i < n && j < m && same(items[i]!.value, pages[j])) {
      at = items[i]!.end;
      i++;
      j++;
    } else if (i < n && j < m && lcs[i + 1]![j + 1] === lcs[i]![j]) {
      // A 版 changed in place.
      edits.push({ start: items[i]!.start, end: items[i]!.end, text: lineOf(pages[j], items[i]!.indent, items[i]!.comment) });
      at = items[i]!.end;
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      edits.push({ start: items[i]!.start, end: items[i]!.end, text: '' });
      at = items[i]!.end;
      i++;
    } else {
      edits.push({ start: at, end: at, text: lineOf(pages[j], indent) });
      j++;
    }
  }
  let out = text;
  // From the end, so that the offsets before stay valid: at one place a cut line first, then the insertions there, in
  // reverse order, so that they end up in the list's order.
  const cut = (e: { start: number; end: number }) => (e.end > e.start ? 1 : 0);
  for (const edit of edits.map((e, k) => ({ ...e, k })).sort((a, b) => b.start - a.start || cut(b) - cut(a) || b.k - a.k))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return yaml.endsWith('\n') ? out : out.slice(0, -1);
}

function pageInOrder(page: unknown): unknown {
  const fields = pruned(page);
  if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) return fields;
  return Object.fromEntries(Object.entries(fields).sort(([a], [b]) => rank(PAGE_FIELD_ORDER, a) - rank(PAGE_FIELD_ORDER, b)));
}

/** `pages:` written block style by stringify, rewritten with each 版 on one line (flow mapping); the rest untouched. */
function withFlowPages(yaml: string): string {
  const doc = parseDocument(yaml);
  const pages = doc.get('pages', true) as { items?: { flow?: boolean }[]; flow?: boolean } | undefined;
  if (!pages?.items || pages.flow || pages.items.every((item) => item.flow)) return yaml;
  const start = /^pages:.*\n/m.exec(yaml);
  if (!start) return yaml;
  // The block of `pages:`: its line and the indented or list lines after it.
  const from = start.index;
  let to = from + start[0].length;
  for (const line of yaml.slice(to).split('\n')) {
    if (!/^(\s|-\s|-$)/.test(line) || line === '') break;
    to += line.length + 1;
  }
  const list = (doc.toJS() as { pages: Record<string, unknown>[] }).pages;
  const lines = list.map((page) => `  - ${stringify(page, { collectionStyle: 'flow', lineWidth: 0 }).trim()}\n`);
  return `${yaml.slice(0, from)}pages:\n${lines.join('')}${yaml.slice(to)}`;
}
