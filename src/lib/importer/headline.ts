// Headlines: the printed headline stack from its lines, and a short headline made from the first sentence for an
// item printed without one (a photo news item).
import { detectCounty, prefectureOf, resolveCounty } from '../gazetteer.ts';
import { FW, length, sentences } from './text.ts';

export interface HeadlineStack {
  readonly kicker?: string;
  readonly title: string;
  readonly subtitle?: string;
}

/** Longest generated headline, in characters. */
const MAX_GENERATED = 30;
const MAX_TITLE = 80;

/**
 * The headline stack from its printed lines. Lines are joined with a space (a headline set on two lines reads as
 * one with a space, like 丰宁交警及时护送 晕厥学生就医); a line led by a dash (——副题) starts the subtitle; of two
 * lines where only the second names a place, the first is the kicker (坚持人民至上 守护一方平安 /
 * 秦皇岛海港警方破获系列盗窃案).
 */
export function buildHeadline(lines: readonly string[]): HeadlineStack {
  const main: string[] = [];
  const sub: string[] = [];
  for (const line of lines) {
    if (main.length > 0 && /^[—–]/.test(line)) sub.push(line.replace(/^[—–]+/, '').trim());
    else if (sub.length > 0) sub.push(line);
    else main.push(line);
  }
  let kicker: string | undefined;
  if (main.length === 2 && !detectCounty(main[0]!) && detectCounty(main[1]!)) kicker = main.shift();
  let title = main.join(' ');
  if (length(title) > MAX_TITLE) {
    sub.unshift(...main.slice(1));
    title = main[0]!;
  }
  const subtitle = sub.join(' ');
  return { ...(kicker === undefined ? {} : { kicker }), title, ...(subtitle ? { subtitle } : {}) };
}

/** A time phrase opening a sentence (近日，4月16日晚，…): a headline leaves it out. */
const LEADING_TIME =
  /^(?:近日|日前|近期|近来|连日来|今年以来|\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚|凌晨|中午|早晨)?|\d{1,2}日(?:上午|下午|晚上|晚|凌晨|中午|早晨)?)[,\uFF0C]?/u;

/** Institutions and how a headline names them after the place: 新乐市人民法院 → 新乐法院. */
const INSTITUTIONS = new Map([
  ['人民法院', '法院'],
  ['人民检察院', '检察院'],
  ['公安交警大队', '交警大队'],
  ['公安局', '公安局'],
  ['司法局', '司法局'],
]);
const INSTITUTION = new RegExp([...INSTITUTIONS.keys()].join('|'), 'g');

/** `新乐市人民法院` → `新乐法院`, `石家庄市裕华区人民检察院` → `裕华检察院`: institutions as headlines name them. */
export function shortenInstitutions(text: string): string {
  let out = '';
  let cursor = 0;
  for (const match of text.matchAll(INSTITUTION)) {
    const place = placeBefore(text, match.index, cursor);
    if (!place) continue;
    out += text.slice(cursor, place.start) + place.short + INSTITUTIONS.get(match[0])!;
    cursor = match.index + match[0].length;
  }
  return out + text.slice(cursor);
}

/** The division named right before `at` (not before `from`), with its city in front, which a headline drops. */
function placeBefore(text: string, at: number, from: number): { start: number; short: string } | undefined {
  for (let size = Math.min(8, at - from); size >= 2; size--) {
    const resolved = resolveCounty(text.slice(at - size, at));
    if (!resolved.ok || resolved.division.level === 'scope') continue;
    const division = resolved.division;
    let start = at - size;
    const city = prefectureOf(division);
    if (city && city !== division) {
      const cityName = [city.name, city.short].find((name) => text.slice(from, start).endsWith(name));
      if (cityName) start -= cityName.length;
    }
    return { start, short: division.short };
  }
  return undefined;
}

/**
 * A short headline from the first sentence of an item printed without one: the time phrase dropped, the first
 * clause (two when the first is very short), institutions shortened, at most 30 characters. Falls back to the
 * caption, then to 图片新闻.
 */
export function generateHeadline(paragraphs: readonly string[], captions: readonly string[]): string {
  for (const source of [paragraphs[0], captions[0]?.replace(/^(?:图为|图[:\uFF1A]|[上下左右]图[为:\uFF1A]?)/, '')]) {
    if (!source) continue;
    const sentence = (sentences(source)[0] ?? '').replace(LEADING_TIME, '');
    const clauses = sentence.split(new RegExp(`[,;${FW.comma}${FW.semicolon}。${FW.bang}${FW.question}!?…]`)).filter((c) => c.trim());
    let headline = clauses[0] ?? '';
    if (length(headline) < 8 && clauses[1]) headline += FW.comma + clauses[1];
    headline = shortenInstitutions(headline.trim()).replace(/组织开展/g, '开展');
    headline = [...headline].slice(0, MAX_GENERATED).join('').trim();
    if ((headline.match(/\p{L}/gu) ?? []).length >= 2) return headline;
  }
  return '图片新闻';
}
