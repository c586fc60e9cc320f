// The index of people (src/lib/people-index.ts): one page while it is short, split by the surname's initial past
// a page's worth, so that it stays small however many correspondents a paper prints over the years.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialOf, initialPath, peopleIndex, peopleIndexPaths, TOP_PEOPLE, type Person } from '../src/lib/people-index.ts';
import { nameSlugs } from '../src/lib/slug.ts';

const person = (name: string, count = 1, slug = name): Person => ({ name, slug, count });
/** A byline of the site structure with `count` articles. */
const byline = (name: string, count = 1, slug = name) => ({ name, slug, articles: Array.from({ length: count }, (_, i) => i) });

describe('initialOf', () => {
  it('files a name under its surname’s pinyin, a Latin name under its letter, the rest under other', () => {
    expect(['张伟', '曾敏', '单雄', '吕方', '欧阳娜', 'Anna', '李'].map(initialOf)).toEqual(['z', 'z', 's', 'l', 'o', 'a', 'l']);
    expect(['１２３', '—', ''].map(initialOf)).toEqual(['other', 'other', 'other']);
  });
});

describe('peopleIndex', () => {
  it('is one page in pinyin order while it holds at most a page of people', () => {
    const index = peopleIndex([byline('张伟'), byline('安然'), byline('李娜')], 3);
    expect(index).toEqual({ split: false, people: [person('安然'), person('李娜'), person('张伟')] });
    expect(peopleIndexPaths(index)).toEqual(['/byline/']);
  });

  it('past a page, is split by initial, a long letter in numbered pages, with the most published people first on the front', () => {
    const index = peopleIndex(
      [byline('张伟', 5), byline('赵敏', 2), byline('周杰', 9), byline('安然'), byline('Bob', 3), byline('１号')],
      2,
    );
    if (!index.split) throw new Error('not split');
    expect(index.initials.map((g) => [g.key, g.label, g.count, g.pages.map((p) => p.map((x) => x.name))])).toEqual([
      ['a', 'A', 1, [['安然']]],
      ['b', 'B', 1, [['Bob']]],
      ['z', 'Z', 3, [['张伟', '赵敏'], ['周杰']]],
      ['other', '其他', 1, [['１号']]],
    ]);
    expect(index.top.map((p) => p.name)).toEqual(['周杰', '张伟', 'Bob', '赵敏', '１号', '安然']); // ties in the collator's order: digits first
    expect(peopleIndexPaths(index)).toEqual([
      '/byline/',
      '/byline/initial-a/',
      '/byline/initial-b/',
      '/byline/initial-z/',
      '/byline/initial-z/2/',
      '/byline/initial-other/',
    ]);
  });

  it('shows at most TOP_PEOPLE on the front page', () => {
    const many = Array.from({ length: TOP_PEOPLE * 2 }, (_, i) => byline(`张${String.fromCodePoint(0x4e00 + i)}`, i));
    const index = peopleIndex(many, 10);
    expect(index.split && index.top.length).toBe(TOP_PEOPLE);
  });

  it('lists every person exactly once, on pages of at most perPage, and its pages never take a person’s address', () => {
    const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c));
    const name = fc.oneof(
      fc.array(han, { minLength: 1, maxLength: 3 }).map((cs) => cs.join('')),
      fc.constantFrom('Anna', 'Li Ming', '１号'),
    );
    fc.assert(
      fc.property(fc.uniqueArray(name, { maxLength: 60 }), fc.integer({ min: 1, max: 20 }), (names, perPage) => {
        const slugs = nameSlugs(names);
        const people = names.map((n) => byline(n, 1, slugs.get(n)!));
        const index = peopleIndex(people, perPage);
        const listed = index.split ? index.initials.flatMap((g) => g.pages.flat()) : index.people;
        expect(listed.map((p) => p.name).sort()).toEqual([...names].sort());
        if (index.split) for (const g of index.initials) for (const page of g.pages) expect(page.length).toBeLessThanOrEqual(perPage);
        const addresses = new Set(people.map((p) => `/byline/${p.slug}/`));
        for (const path of peopleIndexPaths(index).slice(1)) expect(addresses.has(path)).toBe(false);
        // Why no person can be at /byline/initial-z/: a person's slug is pinyin letters with at most a number after a hyphen.
        for (const p of people) expect(p.slug).toMatch(/^[a-z0-9]+(-\d+)?$/);
      }),
    );
    expect(initialPath('z', 3)).toBe('/byline/initial-z/3/');
  });
});
