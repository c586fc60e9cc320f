// Formatting of dates and bylines for readers, in Chinese newspaper style.
import type { BylineEntry } from './schema.ts';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Splits an edition date `2022-04-19` into numbers. */
export function dateParts(date: string): DateParts {
  const [year, month, day] = date.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
}

/** `2022-04-19` → `2022年4月19日`. */
export function formatDateZh(date: string): string {
  const { year, month, day } = dateParts(date);
  return `${year}年${month}月${day}日`;
}

/** `2022-04-19` → `星期二` (computed in UTC so the result never depends on the build machine's time zone). */
export function weekdayZh(date: string): string {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}

/** `2022-04-19` → `2022年4月19日 星期二`, as printed in a masthead. */
export function formatEditionDate(date: string): string {
  return `${formatDateZh(date)} ${weekdayZh(date)}`;
}

/**
 * A byline as a newspaper prints it, grouping consecutive names with the same role:
 * `记者 徐洋 刘爱军`, `通讯员 席娟`, photographers as `唐新花 熊海生 摄`.
 */
export function bylineGroups(byline: readonly BylineEntry[]): { role?: string; names: string[] }[] {
  const groups: { role?: string; names: string[] }[] = [];
  for (const entry of byline) {
    const last = groups.at(-1);
    if (last && last.role === entry.role) last.names.push(entry.name);
    else groups.push(entry.role ? { role: entry.role, names: [entry.name] } : { names: [entry.name] });
  }
  return groups;
}

/** The whole byline as one line of text, e.g. `记者 徐洋 刘爱军 唐新花 摄`. */
export function formatByline(byline: readonly BylineEntry[]): string {
  return bylineGroups(byline)
    .map((g) => (g.role === '摄影' ? `${g.names.join(' ')} 摄` : [g.role, ...g.names].filter(Boolean).join(' ')))
    .join(' ');
}

/** The source line that opens an article: `新华社北京电`, `河北法制报讯`. */
export function formatSourceLine(source: string | undefined, dateline: string | undefined): string {
  return `${source ?? ''}${dateline ?? ''}`;
}
