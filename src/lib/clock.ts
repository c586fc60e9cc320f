// The site's clock: the one place "now" is read, for what depends on the date (an edition prepared ahead is
// published on its date, src/lib/content/edition-dates.ts; an edition dated years ahead is a mistake). Everything
// else is given `now`, or today's date in China, as a parameter.
import { chinaDate } from './content/edition-dates.ts';

/**
 * The setting that fixes "now", an ISO 8601 time with its offset (`2022-04-20T08:00:00+08:00`): for tests, and
 * for the publishing workflows, which fix it once for all their steps. Unset, the machine's clock is read.
 */
export const NOW_SETTING = 'SITE_NOW';

/** A time with a date, a time of day and an offset (Z or ±hh:mm): never a local time, which depends on the machine. */
const ZONED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** `value` of NOW_SETTING as a time; throws naming the setting when it is not one. */
export function parseNow(value: string): Date {
  const now = new Date(value);
  if (!ZONED_TIME.test(value) || Number.isNaN(now.getTime())) {
    throw new Error(`${NOW_SETTING} must be an ISO 8601 time with its offset, such as 2022-04-20T08:00:00+08:00, not ${value}`);
  }
  return now;
}

/**
 * Now: NOW_SETTING when set, otherwise the clock, read once and then written to NOW_SETTING, so that the rest of
 * this process, its worker threads and the processes it starts (which inherit the environment) all take the same
 * now, even when a build runs past midnight.
 */
export function siteNow(env: Record<string, string | undefined> = process.env, clock: () => Date = () => new Date()): Date {
  const set = env[NOW_SETTING];
  if (set !== undefined && set !== '') return parseNow(set);
  const now = clock();
  env[NOW_SETTING] = now.toISOString();
  return now;
}

/** Today's date in China (YYYY-MM-DD) at siteNow. */
export function siteToday(env: Record<string, string | undefined> = process.env, clock?: () => Date): string {
  return chinaDate(siteNow(env, clock));
}
