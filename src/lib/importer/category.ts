// The category (栏目) proposed for an article, from the institutions and topics its text names.
import type { CategoryName } from '../categories.ts';
import { interviewMarker } from './classify.ts';

export interface CategoryProposal {
  readonly category: CategoryName;
  /** False when nothing in the text pointed to a category (flag `no-category`). */
  readonly found: boolean;
}

/** Words naming each institution; the most specific first (交巡警 before 巡警). */
const INSTITUTIONS: ReadonlyArray<readonly [Exclude<CategoryName, '交通'> | '交警', readonly string[]]> = [
  ['法院', ['法院', '法官', '法庭', '审判', '执行局', '执行干警', '判决', '庭审']],
  ['检察', ['检察']],
  ['交警', ['交警', '交巡警', '交通警察', '交管']],
  ['公安', ['公安', '警方', '派出所', '特巡警', '刑警', '治安', '看守所', '特警', '巡警']],
  ['司法行政', ['司法局', '司法所', '司法厅', '律师', '公证', '人民调解', '法律援助', '社区矫正']],
];
/** Police officers of any branch: they count for the police but do not say which branch. */
const OFFICERS = ['民警', '辅警', '民辅警', '警察', '警车'];
/** What a traffic story is about: a story about traffic police is filed under 交通 only when it is about traffic. */
const TRAFFIC_TOPICS = [
  '交通',
  '驾驶',
  '电动车',
  '电动自行车',
  '机动车',
  '车辆',
  '车流',
  '事故',
  '路口',
  '头盔',
  '上牌',
  '逆行',
  '绿色通道',
  '酒驾',
  '醉驾',
  '超载',
  '违停',
  '车道',
];
const COMMENTARY = /评论|时评|短评|评论员|社评|观察者说/;
const INTERPRETATION = /解读|答记者问|专访|权威发布|政策问答/;

function count(text: string, words: readonly string[]): number {
  let n = 0;
  for (const word of words) n += text.split(word).length - 1;
  return n;
}

/**
 * Proposes a category: 政策解读 for interpretations and interviews (解读 in the headline, 问/答 paragraphs),
 * 评论 for commentary, otherwise the institution named most (headline ×3, first paragraph ×2, rest ×1; the
 * earliest named wins a tie). Police stories go to 交通 when traffic police lead and the story is about traffic,
 * to 公安 otherwise. With nothing to go by: 政法综合, not found.
 */
export function proposeCategory(title: string, paragraphs: readonly string[]): CategoryProposal {
  if (COMMENTARY.test(title)) return { category: '评论', found: true };
  if (INTERPRETATION.test(title) || paragraphs.filter((p) => interviewMarker(p)).length >= 2) return { category: '政策解读', found: true };

  const weighted: Array<readonly [string, number]> = [[title, 3], ...paragraphs.map((p, i) => [p, i === 0 ? 2 : 1] as const)];
  const scores = new Map<string, { score: number; first: number }>();
  let officers = 0;
  let topics = 0;
  weighted.forEach(([text, weight], position) => {
    let rest = text;
    for (const [name, words] of INSTITUTIONS) {
      const n = count(rest, words);
      for (const w of words) rest = rest.replaceAll(w, ' ');
      if (n === 0) continue;
      const entry = scores.get(name) ?? { score: 0, first: position * 10_000 + text.indexOf(words.find((w) => text.includes(w)) ?? '') };
      entry.score += n * weight;
      scores.set(name, entry);
    }
    officers += count(rest, OFFICERS) * weight;
    topics += count(text, TRAFFIC_TOPICS);
  });

  const police = (scores.get('公安')?.score ?? 0) + (scores.get('交警')?.score ?? 0) + officers;
  const candidates = [...scores].filter(([name]) => name !== '公安' && name !== '交警');
  if (police > 0)
    candidates.push([
      '公安',
      { score: police, first: Math.min(scores.get('公安')?.first ?? Infinity, scores.get('交警')?.first ?? Infinity) },
    ]);
  candidates.sort(([, a], [, b]) => b.score - a.score || a.first - b.first);
  const best = candidates[0];
  if (!best) return topics > 0 ? { category: '交通', found: true } : { category: '政法综合', found: false };
  if (best[0] !== '公安') return { category: best[0] as CategoryName, found: true };
  const traffic = scores.get('交警')?.score ?? 0;
  const otherPolice = scores.get('公安')?.score ?? 0;
  return { category: traffic > 0 && traffic >= otherPolice && topics > 0 ? '交通' : '公安', found: true };
}
