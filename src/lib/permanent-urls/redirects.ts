// Redirects of published URLs: when an article moves (its slug or date corrected), its old URL is declared in
// <content>/redirects.yaml and keeps working. Astro writes a page at the old URL that forwards to the new one
// (astro.config.mjs `redirects`), and the CDN headers integration writes the same list as real 301s in `_redirects`.
// The file is read with the content door's safe YAML parser, and every problem is located (file, line, column).
import { compareProblems, formatProblem, type Position, type Problem } from '../content/problem.ts';
import { parseYaml } from '../content/yaml.ts';
import type { ArticleEntry, EditionEntry } from '../edition.ts';
import { withBase } from '../routing.ts';
import { sitePages } from '../seo/site-pages.ts';
import { site as siteSettings } from '../site.ts';
import { siteStructure } from '../site-structure.ts';
import { isPublished } from '../content/edition-dates.ts';

export interface Redirect {
  /** Old root-relative path, e.g. `/2022/04/19/old-slug/`. */
  from: string;
  /** Where it now lives, root-relative. */
  to: string;
}

import { REDIRECTS_FILE } from '../content/files.ts';
export { REDIRECTS_FILE };
/** Some 3,000 entries; a file this long is a mistake. */
export const MAX_REDIRECTS_CHARS = 256 * 1024;
/** UTF-8 needs at most three bytes for each of MAX_REDIRECTS_CHARS characters. */
export const MAX_REDIRECTS_BYTES = 3 * MAX_REDIRECTS_CHARS;

const PATH = /^\/(?:[a-z0-9-]+\/)*$/;
/** A URL that leaves the site: a scheme (https:, javascript:, data: …) or a protocol-relative `//host` (`/\host` too). */
const OFFSITE = /^\s*(?:[a-z][a-z0-9+.-]*:|[\\/]{2})/i;
const FIELDS = { from: 'from\uFF08旧地址\uFF09', to: 'to\uFF08新地址\uFF09' } as const;
const EXAMPLE = '\uFF0C例如 /2022/04/19/fa-yuan/';

/** Which root-relative paths are pages the site publishes (articles, editions, listings …). */
export interface SitePages {
  isPage(path: string): boolean;
  /** The date an article prepared ahead at `path` is published on (not a page yet), if it is one. */
  preparedAhead?(path: string): string | undefined;
}

/**
 * The pages `astro build` writes for this content, as a set to look paths up in: the one page list the sitemaps
 * list (src/lib/seo/site-pages.ts: sitePages, from the site structure the routes are built from): home, search and the index pages, each edition with a
 * published article, each article published on `today` (drafts never are: src/lib/content/edition-dates.ts,
 * isPublished; without `today`, every other article is), and each county, category and person listing
 * with its numbered pages, persons at their recorded addresses (`bylineRecord`). Files that break the edition
 * rules are left out, as the preview leaves them out (the checker reports them on themselves). Feeds and
 * sitemaps are files, not pages, and never redirected.
 */
export function builtPages(
  articles: readonly ArticleEntry[],
  editions: readonly EditionEntry[],
  options: {
    bylineRecord?: ReadonlyMap<string, string>;
    pageSize?: number;
    splitAt?: number;
    peoplePerPage?: number;
    today?: string | undefined;
  } = {},
): SitePages {
  const {
    bylineRecord = new Map(),
    pageSize = siteSettings.pageSize,
    splitAt = siteSettings.listingSplitAt,
    peoplePerPage = siteSettings.peoplePerPage,
    today,
  } = options;
  const structure = siteStructure(
    articles.filter((a) => isPublished(a.data, today)),
    editions,
    { leaveOutBroken: true, bylineRecord },
  );
  const pages = new Set(sitePages({ ...structure, pageSize, splitAt, peoplePerPage }).map((p) => p.path));
  return { isPage: (path) => pages.has(path) };
}

export interface ParsedRedirects {
  /** The well-formed entries, in file order. */
  redirects: Redirect[];
  problems: Problem[];
}

/** Where the document starts: its first line that is not blank or a comment. */
function documentStart(text: string): Position {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (index < 0) return { line: 1, column: 1 };
  return { line: index + 1, column: lines[index]!.search(/\S/) + 1 };
}

function pathProblem(field: 'from' | 'to', value: unknown): string | undefined {
  if (typeof value === 'string' && PATH.test(value)) return undefined;
  if (typeof value === 'string' && OFFSITE.test(value)) {
    return field === 'to'
      ? `转址只能指向本站内的页面\uFF1A「${value}」是站外地址\uFF0Cto 必须是以 / 开头和结尾的站内路径${EXAMPLE}`
      : `转址只能转走本站内的地址\uFF1A「${value}」不是本站的路径\uFF0Cfrom 必须是以 / 开头和结尾的站内路径${EXAMPLE}`;
  }
  const shown = typeof value === 'string' ? `「${value}」不是站内路径\uFF1A` : '';
  return `${shown}${FIELDS[field]}必须是以 / 开头和结尾的站内路径\uFF0C只用小写字母、数字和连字符${EXAMPLE}`;
}

interface Analysed {
  problems: Problem[];
  /** Well-formed entries (from ≠ to), with their index in the list. */
  entries: { redirect: Redirect; index: number }[];
  /** The first entry of each `from`. */
  firstFrom: Map<string, { redirect: Redirect; index: number }>;
  locate: (path: readonly PropertyKey[]) => Position;
}

function analyse(text: string, file: string): Analysed {
  const problems: Problem[] = [];
  const add = (at: Position, message: string, rule = 'redirects') =>
    problems.push({ file, line: at.line, column: at.column, rule, severity: 'error', message });
  const top = { line: 1, column: 1 };
  const parsed = parseYaml(text, 1, top, '转址表', { root: 'any', maxChars: MAX_REDIRECTS_CHARS });
  for (const issue of parsed.issues) add(issue, issue.message, issue.rule);
  const none = { problems, entries: [], firstFrom: new Map(), locate: parsed.locate };
  if (parsed.issues.length > 0) return none;
  const raw = parsed.data ?? [];
  if (!Array.isArray(raw)) {
    add(documentStart(text), '转址表必须是一个列表\uFF1A每条转址以「- from: 旧地址」开头\uFF0C下一行缩进两格写「to: 新地址」');
    return none;
  }

  const entries: { redirect: Redirect; index: number }[] = [];
  raw.forEach((entry: unknown, index) => {
    const at = parsed.locate([index]);
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      add(at, `第 ${index + 1} 条转址必须写成两个字段\uFF1Afrom: 旧地址 和 to: 新地址`);
      return;
    }
    const fields = entry as Record<string, unknown>;
    let ok = true;
    for (const key of Object.keys(fields)) {
      if (key === 'from' || key === 'to') continue;
      add(parsed.locate([index, key], 'key'), `未知的字段「${key}」\uFF1A每条转址只有 ${FIELDS.from}和 ${FIELDS.to}两个字段`);
      ok = false;
    }
    for (const field of ['from', 'to'] as const) {
      if (!(field in fields)) {
        add(at, `这条转址缺少 ${FIELDS[field]}`);
        ok = false;
        continue;
      }
      const problem = pathProblem(field, fields[field]);
      if (problem) {
        add(parsed.locate([index, field]), problem);
        ok = false;
      }
    }
    if (!ok) return;
    const redirect = { from: fields['from'] as string, to: fields['to'] as string };
    if (redirect.from === redirect.to) add(parsed.locate([index, 'to']), 'from 与 to 相同\uFF1A这条转址会让页面转向自己');
    else entries.push({ redirect, index });
  });

  const firstFrom = new Map<string, { redirect: Redirect; index: number }>();
  for (const entry of entries) {
    const first = firstFrom.get(entry.redirect.from);
    if (first) {
      const line = parsed.locate([first.index, 'from']).line;
      add(parsed.locate([entry.index, 'from']), `旧地址 ${entry.redirect.from} 在第 ${line} 行已经转走了\uFF0C同一个地址只能转到一处`);
    } else firstFrom.set(entry.redirect.from, entry);
  }
  // A chain (a → b, b → c) would send readers through two hops: point every old URL at the final one.
  for (const entry of entries) {
    const next = firstFrom.get(entry.redirect.to);
    if (!next) continue;
    const line = parsed.locate([next.index, 'from']).line;
    add(
      parsed.locate([entry.index, 'to']),
      `${entry.redirect.to} 本身也被转走了\uFF08第 ${line} 行\uFF0C转到 ${next.redirect.to}\uFF09\uFF1A请直接指向最终地址`,
    );
  }
  return { problems, entries, firstFrom, locate: parsed.locate };
}

/** Reads redirects.yaml's text: every problem of the file itself, located, and its well-formed entries. */
export function parseRedirectList(text: string, file: string): ParsedRedirects {
  const { problems, entries } = analyse(text, file);
  return { redirects: entries.map((e) => e.redirect), problems: problems.sort(compareProblems) };
}

/**
 * Every problem of redirects.yaml, located: the file's own (parseRedirectList) and, against the pages the site
 * builds, a redirect from a live page (it would hide it) or to a page that does not exist.
 */
export function redirectProblems(text: string, file: string, site: SitePages): Problem[] {
  const { problems, entries, firstFrom, locate } = analyse(text, file);
  const add = (at: Position, message: string) =>
    problems.push({ file, line: at.line, column: at.column, rule: 'redirects', severity: 'error', message });
  for (const entry of entries) {
    if (firstFrom.get(entry.redirect.from) !== entry) continue; // a duplicate, reported as such
    const {
      redirect: { from, to },
      index,
    } = entry;
    const fromAhead = site.preparedAhead?.(from);
    if (site.isPage(from)) {
      add(
        locate([index, 'from']),
        `${from} 是网站上现有的页面\uFF08稿件、版面或列表\uFF09\uFF0C转址会把它藏起来\uFF0C读者再也看不到\uFF1A请删去这条转址\uFF0C或先把那个页面移走`,
      );
    } else if (fromAhead !== undefined) {
      add(locate([index, 'from']), `${from} 是提前准备的稿件\uFF0C将于 ${fromAhead} 发布\uFF0C转址会把它藏起来\uFF1A请删去这条转址`);
    }
    // A `to` that is itself redirected is a chain, reported as such.
    const toAhead = site.preparedAhead?.(to);
    if (!firstFrom.has(to) && !site.isPage(to)) {
      add(
        locate([index, 'to']),
        toAhead === undefined
          ? `${to} 在网站上不存在\uFF0C读者会被转到「找不到页面」\uFF1A请核对新地址的日期和文件名`
          : `${to} 是提前准备的稿件\uFF0C${toAhead} 零点\uFF08北京时间\uFF09才发布\uFF0C在此之前读者会被转到「找不到页面」\uFF1A请到那天再加这条转址`,
      );
    }
  }
  return problems.sort(compareProblems);
}

/** Validates the list; throws naming the file, and the line and column of each problem. */
export function parseRedirects(text: string, file: string): Redirect[] {
  const { redirects, problems } = parseRedirectList(text, file);
  if (problems.length > 0) throw new Error(`${file} 有错误\uFF1A\n${problems.map(formatProblem).join('\n')}`);
  return redirects;
}

/** Astro's `redirects` option: sources without the base path, destinations with it (Astro's convention). */
export function astroRedirects(redirects: readonly Redirect[], base: string): Record<string, string> {
  return Object.fromEntries(redirects.map((r) => [r.from, withBase(r.to, base)]));
}

/** `_redirects` (Netlify, Cloudflare Pages): one permanent redirect per line, paths with the base path. */
export function renderRedirectsFile(redirects: readonly Redirect[], base: string): string {
  const lines = redirects.map((r) => `${withBase(r.from, base)} ${withBase(r.to, base)} 301`);
  return [`# Moved URLs, from ${REDIRECTS_FILE} in the content folder.`, ...lines, ''].join('\n');
}
