// ASCII slugs for URLs: pinyin of a headline for article file names, of a name for byline pages.
import { pinyin } from 'pinyin-pro';

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** True for a valid article slug: lowercase ASCII letters and digits in hyphen-separated words. */
export function isValidSlug(slug: string): boolean {
  return SLUG_PATTERN.test(slug) && slug.length <= 80;
}

function syllables(text: string): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' })
    .flatMap((part) => part.toLowerCase().split(/[^a-z0-9]+/))
    .filter((part) => part.length > 0);
}

/**
 * Article slug from a headline: one pinyin syllable per character, hyphenated, Latin words and numbers kept,
 * cut at a word boundary to at most `maxLength` characters. `女子“抄近道”逆行` → `nv-zi-chao-jin-dao-ni-xing`.
 */
export function slugFromHeadline(title: string, maxLength = 48): string {
  let slug = '';
  for (const part of syllables(title)) {
    const next = slug ? `${slug}-${part}` : part;
    if (next.length > maxLength && slug) break;
    slug = next;
  }
  return slug || 'wu-biao-ti';
}

/**
 * Slug of a person's name for /byline/<slug>/: `牛敏` → `niumin`. Homophones are told apart by the caller. The schema
 * accepts only names with a slug of their own (hasNameSlug); `ming` stands in for any other.
 */
export function nameSlug(name: string): string {
  return syllables(name).join('') || 'ming';
}

/** Whether `name` gives a slug of its own: pinyin or Latin letters or digits, not only symbols, emoji or unknown characters. */
export function hasNameSlug(name: string): boolean {
  return syllables(name).length > 0;
}

/**
 * Slugs for a set of names, unique among them and among the recorded ones (`recorded`: name → slug of every
 * byline ever published, content/published-bylines.txt). A recorded name keeps its slug forever. A new name gets
 * its pinyin, or, when a recorded or an earlier new name holds it, the next free `-2`, `-3` …; new names are taken
 * in JavaScript's default string order (code points, for the BMP names a newspaper prints), so the result depends only on the set of names and the record, not on the order they were
 * seen, and a newcomer never takes over a published URL. Recorded slugs of names absent from `names` stay reserved.
 */
export function nameSlugs(names: Iterable<string>, recorded: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const taken = new Set<string>();
  for (const [name, slug] of recorded) {
    if (taken.has(slug)) throw new Error(`the byline record gives ${slug} to two names, one of them ${name}`);
    taken.add(slug);
  }
  const sorted = [...new Set(names)].sort();
  const fresh = new Map<string, string>();
  for (const name of sorted) {
    if (recorded.has(name)) continue;
    const base = nameSlug(name);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    fresh.set(name, slug);
  }
  return new Map(sorted.map((name) => [name, recorded.get(name) ?? fresh.get(name)!]));
}
