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

/** Slug of a person's name for /byline/<slug>/: `牛敏` → `niumin`. Homophones are told apart by the caller. */
export function nameSlug(name: string): string {
  return syllables(name).join('') || 'ming';
}

/**
 * Slugs for a set of names, unique among them: homophones (牛敏, 牛民) get -2, -3 … in code-point
 * order of the names, so the result depends only on the set of names, not on the order they were seen.
 */
export function nameSlugs(names: Iterable<string>): Map<string, string> {
  const result = new Map<string, string>();
  const used = new Map<string, number>();
  for (const name of [...new Set(names)].sort()) {
    const base = nameSlug(name);
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    result.set(name, count === 1 ? base : `${base}-${count}`);
  }
  return result;
}
