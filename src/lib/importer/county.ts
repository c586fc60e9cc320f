// The county an article is filed under, from the project's gazetteer.
import { canonicalCountyName, detectCounty, SCOPE_NATIONAL, SCOPE_PROVINCE } from '../gazetteer.ts';

export interface CountyProposal {
  /** A valid `county` value: a gazetteer name, 河北省 or 全国. */
  readonly county: string;
  /** False when nothing in the text placed the story: the editor must choose (flag `no-county`). */
  readonly found: boolean;
}

const PROVINCE_WIDE = /河北|全省|我省|本省|省委|省政府|省人大|省政协|省公安厅|省高院|省高级人民法院|省检察院|省人民检察院|省司法厅|省法院/;

/**
 * The most specific Hebei division the story is about (the headline counts most, then the first paragraph); for
 * a story that names none, 河北省 when it is province-wide, 全国 for agency copy with a dateline (新华社北京电),
 * and otherwise 河北省 with `found: false`.
 */
export function proposeCounty(input: { title?: string | undefined; text: string; dateline?: string | undefined }): CountyProposal {
  const division = detectCounty(input.text, input.title);
  if (division) return { county: canonicalCountyName(division), found: true };
  if (PROVINCE_WIDE.test(`${input.title ?? ''}\n${input.text}`)) return { county: SCOPE_PROVINCE, found: true };
  if (input.dateline !== undefined) return { county: SCOPE_NATIONAL, found: true };
  return { county: SCOPE_PROVINCE, found: false };
}
