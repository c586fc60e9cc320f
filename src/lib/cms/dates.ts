// The web editor's date field: shown as the paper prints a date (2022年4月19日), typed that way or as 2022-04-19,
// 2022.4.19, 2022/4/19, and stored as YYYY-MM-DD. No time and no time zone: a date is the edition's calendar day.
import { formatDateZh } from '../format.ts';

/** How the field tells the reporter what it takes. */
export const DATE_HINT = '写成 2022年4月19日\uFF08也可以写 2022-04-19\uFF09';

/** `2022-04-19` → `2022年4月19日`; anything that is not a stored date is shown as it is. */
export function showDate(value: unknown): string {
  if (typeof value !== 'string') return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDateZh(value) : value;
}

/**
 * The stored `YYYY-MM-DD` of what a reporter typed: `2022年4月19日`, `2022-04-19`, `2022.4.19`, `2022/4/19`,
 * full-width digits too; '' for nothing typed; undefined for what is not a real calendar date.
 */
export function parseDate(text: string): string | undefined {
  const ascii = text.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).trim();
  if (ascii === '') return '';
  const match = /^(\d{4})\s*(?:年|[-./／])\s*(\d{1,2})\s*(?:月|[-./／])\s*(\d{1,2})\s*日?$/.exec(ascii);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The field's error for text that is not a date. */
export function dateError(text: string): string | undefined {
  return parseDate(text) === undefined ? `\u300C${text}\u300D不是日期\uFF1A${DATE_HINT}` : undefined;
}
