// Edition dates against the calendar (src/lib/content/edition-dates.ts) and the site's clock (src/lib/clock.ts):
// today in China whatever the machine's time zone, which articles are published on a day, which dates an edition
// may have.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  chinaDate,
  editionDateProblem,
  FIRST_EDITION_DATE,
  isPreparedAhead,
  isPublished,
  lastEditionDate,
} from '../src/lib/content/edition-dates.ts';
import { NOW_SETTING, parseNow, siteNow, siteToday } from '../src/lib/clock.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

describe('today in China', () => {
  it.each([
    ['2022-04-19T15:59:59.999Z', '2022-04-19'],
    ['2022-04-19T16:00:00Z', '2022-04-20'],
    ['2022-04-19T23:59:59+08:00', '2022-04-19'],
    ['2022-04-20T00:00:00+08:00', '2022-04-20'],
    ['2022-04-19T09:00:00-07:00', '2022-04-20'],
    ['2022-12-31T16:00:00Z', '2023-01-01'],
    ['2024-02-28T16:00:00Z', '2024-02-29'],
  ])('%s is %s in Beijing', (time, date) => {
    expect(chinaDate(new Date(time))).toBe(date);
  });

  it('refuses a time that is not one', () => {
    expect(() => chinaDate(new Date('not a time'))).toThrow();
  });

  it.each(['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai'])(
    'is the same on a machine in %s, a minute either side of midnight',
    (tz) => {
      const script = `import { chinaDate } from './src/lib/content/edition-dates.ts';
      console.log(['2022-04-19T15:59:00Z', '2022-04-19T16:01:00Z'].map((t) => chinaDate(new Date(t))).join(' '));`;
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, TZ: tz },
      });
      expect(result.stderr).toBe('');
      expect(result.stdout.trim()).toBe('2022-04-19 2022-04-20');
    },
  );
});

describe('the site clock', () => {
  it(`takes ${NOW_SETTING} when it is set, whatever the clock says`, () => {
    const env = { [NOW_SETTING]: '2022-04-20T08:00:00+08:00' };
    expect(siteNow(env, () => new Date('2030-01-01T00:00:00Z')).toISOString()).toBe('2022-04-20T00:00:00.000Z');
    expect(siteToday({ [NOW_SETTING]: '2022-04-20T23:59:00+08:00' })).toBe('2022-04-20');
    expect(siteToday({ [NOW_SETTING]: '2022-04-20T16:00:00Z' })).toBe('2022-04-21');
  });

  it('reads the clock once and keeps it for the rest of the process and its children', () => {
    const env: Record<string, string | undefined> = {};
    let reads = 0;
    const clock = () => new Date(Date.UTC(2022, 3, 19, 15, 59, 30 + 60 * reads++));
    expect(siteToday(env, clock)).toBe('2022-04-19');
    expect(env[NOW_SETTING]).toBe('2022-04-19T15:59:30.000Z');
    // Past midnight in Beijing by now, but the process keeps the now it started with.
    expect(siteToday(env, clock)).toBe('2022-04-19');
    expect(reads).toBe(1);
  });

  it.each(['2022-04-20', '2022-04-20T08:00:00', 'tomorrow', '2022-13-01T00:00:00Z'])('refuses %s, naming the setting', (value) => {
    expect(() => parseNow(value)).toThrow(NOW_SETTING);
  });
});

describe('which articles are published on a day', () => {
  const today = '2022-04-20';
  it.each<[{ date: string; draft?: boolean }, boolean]>([
    [{ date: '2022-04-19' }, true],
    [{ date: '2022-04-20' }, true],
    [{ date: '2022-04-21' }, false],
    [{ date: '2022-04-19', draft: true }, false],
    [{ date: '2022-04-20', draft: false }, true],
    [{ date: '2023-01-01', draft: true }, false],
  ])('%o: %s', (article, published) => {
    expect(isPublished(article, today)).toBe(published);
    expect(isPreparedAhead(article, today)).toBe(!article.draft && !published);
  });

  it('takes every article but a draft as published when no day is given', () => {
    expect(isPublished({ date: '9999-12-31' }, undefined)).toBe(true);
    expect(isPublished({ date: '2022-04-19', draft: true }, undefined)).toBe(false);
    expect(isPreparedAhead({ date: '9999-12-31' }, undefined)).toBe(false);
  });
});

describe('which dates an edition may have', () => {
  const today = '2026-12-06';
  it('from 1949-10-01 to the end of next year', () => {
    expect(FIRST_EDITION_DATE).toBe('1949-10-01');
    expect(lastEditionDate(today)).toBe('2027-12-31');
    expect(lastEditionDate('2026-01-01')).toBe('2027-12-31');
  });

  it.each([
    ['0000-01-01', '早于 1949-10-01'],
    ['1949-09-30', '早于 1949-10-01'],
    ['1949-10-01', undefined],
    ['2026-12-07', undefined],
    ['2027-12-31', undefined],
    ['2028-01-01', '晚于 2027-12-31'],
    ['9999-12-31', '晚于 2027-12-31'],
  ])('%s', (date, problem) => {
    const message = editionDateProblem(date, today);
    if (problem === undefined) expect(message).toBeUndefined();
    else expect(message).toContain(problem);
  });

  it('holds only the first day against a date when today is not given', () => {
    expect(editionDateProblem('9999-12-31')).toBeUndefined();
    expect(editionDateProblem('0000-01-01')).toContain('1949-10-01');
  });
});
