// Byline items whose role the schema reads from a form other than the documented `记者 徐洋`: `记者徐洋`,
// `通讯员：李四`, `- 通讯员: 李四`. They are published as role and name; the reporter is told how each was read,
// at the item, so that a name that only looks like one with a role can be put right.
import type { Position } from './problem.ts';
import { bylineRoleKey, splitBylineRole } from '../schema.ts';

export interface BylineRoleReading extends Position {
  message: string;
}

/** The byline items of raw frontmatter `data` (as parsed, before the schema) written with a role in another form. */
export function bylineRoleReadings(data: unknown, locate: (path: readonly PropertyKey[]) => Position): BylineRoleReading[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  const byline = (data as Record<string, unknown>)['byline'];
  if (!Array.isArray(byline)) return [];
  return byline.flatMap((item, i): BylineRoleReading[] => {
    const keyed = bylineRoleKey(item);
    const split = typeof item === 'string' ? splitBylineRole(item) : undefined;
    const read = keyed ?? (split && split.written !== 'space' ? split : undefined);
    if (!read || read.name.trim() === '') return [];
    const written = typeof item === 'string' ? item.trim() : `${read.role}: ${read.name}`;
    return [
      {
        ...locate(['byline', i]),
        message: `署名「${written}」已按身份「${read.role}」\uFF0C姓名「${read.name.trim()}」处理\uFF1B请写成「${read.role} ${read.name.trim()}」\uFF08身份和姓名之间空一格\uFF0C不用冒号\uFF09`,
      },
    ];
  });
}
