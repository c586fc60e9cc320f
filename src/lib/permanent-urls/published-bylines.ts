// The byline record: every person whose byline page was ever published, with the slug of their page
// (content/published-bylines.txt). nameSlugs (slug.ts) keeps each recorded name on its slug, so a newly
// published homophone can never take over an existing reporter's /byline/<slug>/.
import { bylinePath } from '../routing.ts';

import { PUBLISHED_BYLINES_FILE } from '../content/files.ts';
export { PUBLISHED_BYLINES_FILE };
/** A line is some 30 bytes: room for over 100,000 people; a longer file is a mistake. */
export const MAX_BYLINE_RECORD_BYTES = 4 * 1024 * 1024;

const LINE = /^\/byline\/([a-z0-9]+(?:-[a-z0-9]+)*)\/\s+(\S.*)$/;

/**
 * The record file: one `/byline/<slug>/ <name>` a line, `#` comments and blank lines ignored. Returns name → slug;
 * throws naming the file and the line for a malformed line, a name recorded with two slugs or a slug recorded
 * for two names (a line repeated word for word, as a merge can leave it, is harmless).
 */
export function parseBylineRecord(text: string, file: string): Map<string, string> {
  const slugOf = new Map<string, string>();
  const owner = new Map<string, { name: string; line: number }>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const at = `${file}:${i + 1}`;
    const match = LINE.exec(line);
    if (!match) throw new Error(`${at}: 每行应写成「/byline/拼音/ 姓名」\uFF0C例如 /byline/niumin/ 牛敏\uFF08这一行是「${line}」\uFF09`);
    const slug = match[1]!;
    const name = match[2]!;
    const earlierSlug = slugOf.get(name);
    if (earlierSlug !== undefined && earlierSlug !== slug) {
      throw new Error(
        `${at}: ${name} 已经记录为 ${bylinePath(earlierSlug)}\uFF08第 ${owner.get(earlierSlug)!.line} 行\uFF09\uFF0C一个人只能有一个作者页地址`,
      );
    }
    const earlierOwner = owner.get(slug);
    if (earlierOwner !== undefined && earlierOwner.name !== name) {
      throw new Error(
        `${at}: ${bylinePath(slug)} 已经记录给 ${earlierOwner.name}\uFF08第 ${earlierOwner.line} 行\uFF09\uFF0C不能再给 ${name}\uFF1A请给后来的人换一个未用过的地址`,
      );
    }
    slugOf.set(name, slug);
    if (!earlierOwner) owner.set(slug, { name, line: i + 1 });
  });
  return slugOf;
}

export function renderBylineRecord(slugOf: ReadonlyMap<string, string>): string {
  const header =
    '# Every byline page ever published, with its person. Never remove or change a line: a person keeps their URL.\n# Add new names with `npm run urls:record`.';
  const lines = [...slugOf].map(([name, slug]) => `${bylinePath(slug)} ${name}`).sort();
  return `${header}\n${lines.join('\n')}\n`;
}

/**
 * The record with the names in `slugOf` (the slugs the site now gives them, nameSlugs) added; a recorded line
 * is never removed or changed. Throws if a new name's slug is already recorded (nameSlugs never does that).
 */
export function addToBylineRecord(recorded: ReadonlyMap<string, string>, slugOf: ReadonlyMap<string, string>): Map<string, string> {
  const result = new Map(recorded);
  const taken = new Set(recorded.values());
  for (const [name, slug] of slugOf) {
    if (result.has(name)) continue;
    if (taken.has(slug)) throw new Error(`${bylinePath(slug)} is already recorded for another name than ${name}`);
    taken.add(slug);
    result.set(name, slug);
  }
  return result;
}
