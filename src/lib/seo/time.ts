// The paper's clock: edition dates are days in China Standard Time (Asia/Shanghai, UTC+08:00, no daylight
// saving). An edition is published at 00:00 on its date, the same instant the offline zips are dated with.

/** The paper's UTC offset, as written in ISO 8601 (`+08:00`) and in RFC 822 (`+0800`). */
export const PAPER_UTC_OFFSET = '+08:00';

/** `2022-04-19` → `2022-04-19T00:00:00+08:00`: the publication instant of an edition (ISO 8601 / RFC 3339). */
export function publicationTime(date: string): string {
  return `${date}T00:00:00${PAPER_UTC_OFFSET}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2022-04-19` → `Tue, 19 Apr 2022 00:00:00 +0800`: the same instant as RSS 2.0 writes dates (RFC 822). */
export function rfc822Time(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const dd = String(day.getUTCDate()).padStart(2, '0');
  return `${DAYS[day.getUTCDay()]}, ${dd} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()} 00:00:00 ${PAPER_UTC_OFFSET.replace(':', '')}`;
}

/** The day an article last changed: its latest correction, else its edition date. */
export function modifiedDate(data: { date: string; corrections: readonly { date: string }[] }): string {
  return data.corrections.reduce((latest, c) => (c.date > latest ? c.date : latest), data.date);
}

/** `2022-04-19`, n → the date n days later (negative: earlier), computed in UTC so the host's zone never matters. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
