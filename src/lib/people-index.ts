// 作者: the index of people (/byline/), the one listing index that grows with the paper, a line a person. A paper
// that prints its correspondents (通讯员) meets thousands of names over fifteen years, so past `perPage` people
// the index is split by the pinyin initial of the surname: /byline/initial-z/, numbered on from there
// (/byline/initial-z/2/) when one letter holds more than `perPage`; the front page lists the letters and the
// people with the most articles. A person's slug is pinyin letters with at most a `-<digits>` suffix
// (src/lib/slug.ts), so `initial-z` is never a person's address. Pure.
import { pinyin } from 'pinyin-pro';
import { bylineIndexPath, bylinePath, initialPath, withBase } from './routing.ts';

export { initialPath };

export interface Person {
  name: string;
  slug: string;
  /** Articles under this byline. */
  count: number;
}

export interface InitialGroup {
  /** `a` … `z`, or `other` for a name that starts with neither a Han character nor a Latin letter. */
  key: string;
  /** What readers see: `A` … `Z`, or `其他`. */
  label: string;
  /** In pinyin order, cut into pages of at most `perPage`. */
  pages: Person[][];
  count: number;
}

export type PeopleIndex = { split: false; people: Person[] } | { split: true; initials: InitialGroup[]; top: Person[] };

/** How many of the most published people the front page of a split index shows. */
export const TOP_PEOPLE = 100;

const collator = new Intl.Collator('zh-CN-u-co-pinyin');
const byPinyin = (a: Person, b: Person) => collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

/** The initial a name is filed under: its surname's pinyin (`曾` is z, `单` s), a Latin name's first letter, else `other`. */
export function initialOf(name: string): string {
  const first = [...name][0] ?? '';
  if (/^[A-Za-z]$/.test(first)) return first.toLowerCase();
  const letter = /\p{Script=Han}/u.test(first)
    ? pinyin(name, { surname: 'head', pattern: 'first', toneType: 'none', type: 'array' })[0]
    : undefined;
  return letter && /^[a-z]$/.test(letter) ? letter : 'other';
}

/** The index of the people who sign `bylines` (the site structure's), `perPage` to a page. */
export function peopleIndex(
  bylines: readonly { name: string; slug: string; articles: readonly unknown[] }[],
  perPage: number,
): PeopleIndex {
  const sorted = bylines.map(({ name, slug, articles }) => ({ name, slug, count: articles.length })).sort(byPinyin);
  if (sorted.length <= perPage) return { split: false, people: sorted };
  const groups = new Map<string, Person[]>();
  for (const person of sorted) {
    const key = initialOf(person.name);
    const list = groups.get(key);
    if (list) list.push(person);
    else groups.set(key, [person]);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === 'other' ? 1 : b === 'other' ? -1 : a < b ? -1 : 1));
  const initials = keys.map((key) => {
    const list = groups.get(key)!;
    const pages = Array.from({ length: Math.ceil(list.length / perPage) }, (_, i) => list.slice(i * perPage, (i + 1) * perPage));
    return { key, label: key === 'other' ? '其他' : key.toUpperCase(), pages, count: list.length };
  });
  const top = [...sorted].sort((a, b) => b.count - a.count || byPinyin(a, b)).slice(0, TOP_PEOPLE);
  return { split: true, initials, top };
}

/** Every page of the index: `/byline/`, and the initials' pages when it is split. */
export function peopleIndexPaths(index: PeopleIndex): string[] {
  if (!index.split) return [bylineIndexPath];
  return [bylineIndexPath, ...index.initials.flatMap((g) => g.pages.map((_, i) => initialPath(g.key, i + 1)))];
}

/** The items of the index's pages (src/components/TermIndex.astro): people, with their articles, under `base`. */
export function personItems(people: readonly Person[], base: string): { label: string; href: string; count: number }[] {
  return people.map(({ name, slug, count }) => ({ label: name, href: withBase(bylinePath(slug), base), count }));
}

/** The letters of a split index, with their people, under `base`. */
export function letterItems(
  initials: readonly Pick<InitialGroup, 'key' | 'label' | 'count'>[],
  base: string,
): { label: string; href: string; count: number }[] {
  return initials.map(({ key, label, count }) => ({ label, href: withBase(initialPath(key), base), count }));
}
