// The one gazetteer of Hebei administrative divisions (GB/T 2260 codes). Content validation, county pages,
// the scaffolder and the print-page importer all import it. Pure: no Astro imports, no I/O.
// Data: src/data/hebei-divisions.json (see its "_source" field for provenance and slug rules).

import data from '../data/hebei-divisions.json' with { type: 'json' };
import { editDistance } from './util/edit-distance.ts';

export type DivisionLevel = 'province' | 'prefecture' | 'county' | 'scope';

export interface Division {
  /** GB/T 2260 six-digit code, e.g. '130705'. Scope pseudo-divisions: '130000' (河北省) and '000000' (全国, a sentinel, not a GB/T 2260 code). */
  readonly code: string;
  /** Official name, e.g. '宣化区', '丰宁满族自治县', '张家口市'. */
  readonly name: string;
  readonly level: DivisionLevel;
  /** Code of the parent: '130000' for prefectures, the (statistical) city for counties. */
  readonly parent?: string;
  /** Unique ASCII slug for URLs, e.g. 'xuanhua', 'shijiazhuang-qiaoxi'. Never change a published slug. */
  readonly slug: string;
  /** Name without the administrative suffix (宣化, 丰宁, 大厂, 张家口); one-character stems keep it (涉县). */
  readonly short: string;
  /** Name of the parent city, counties only ('张家口市'). */
  readonly prefecture?: string;
  /** Name with its city, 河北省 omitted: '张家口市宣化区' for counties, '张家口市' for cities. */
  readonly fullName: string;
  /** Remark from the data file (e.g. 省直管 county-level cities listed under their statistical city). */
  readonly note?: string;
}

/** `county` frontmatter value for a province-wide story with no single locality. */
export const SCOPE_PROVINCE = '河北省';
/** `county` frontmatter value for a national or non-Hebei story (e.g. a Xinhua item). */
export const SCOPE_NATIONAL = '全国';

// ---------------------------------------------------------------------------------------------------------------
// Loading

interface RawDivision {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly parent?: string;
  readonly slug: string;
  readonly short: string;
  readonly note?: string;
}

function isRealLevel(level: string): level is 'province' | 'prefecture' | 'county' {
  return level === 'province' || level === 'prefecture' || level === 'county';
}

const raw: readonly RawDivision[] = data.divisions;
const rawByCode = new Map(raw.map((r) => [r.code, r]));

function build(r: RawDivision): Division {
  if (!isRealLevel(r.level)) throw new Error(`hebei-divisions.json: bad level ${r.level} for ${r.code}`);
  const parentRaw = r.parent === undefined ? undefined : rawByCode.get(r.parent);
  const isCounty = r.level === 'county';
  if (isCounty && parentRaw === undefined) throw new Error(`hebei-divisions.json: county ${r.code} without parent`);
  return {
    code: r.code,
    name: r.name,
    level: r.level,
    ...(r.parent === undefined ? {} : { parent: r.parent }),
    slug: r.slug,
    short: r.short,
    ...(isCounty && parentRaw ? { prefecture: parentRaw.name } : {}),
    fullName: isCounty && parentRaw ? parentRaw.name + r.name : r.name,
    ...(r.note === undefined ? {} : { note: r.note }),
  };
}

/** Every real division: the province, its 11 prefecture-level cities and 167 county-level divisions, sorted by code. */
export const divisions: readonly Division[] = Object.freeze(raw.map(build));

/** The province itself (level 'province'). */
export const province: Division = divisions.find((d) => d.level === 'province') ?? fail('no province');
/** The 11 prefecture-level cities. */
export const prefectures: readonly Division[] = divisions.filter((d) => d.level === 'prefecture');
/** The county-level divisions (市辖区, 县, 县级市, 自治县). */
export const counties: readonly Division[] = divisions.filter((d) => d.level === 'county');

/** Pseudo-division for province-wide stories; same code as the province, level 'scope', slug 'hebei'. */
export const provinceScope: Division = {
  code: province.code,
  name: SCOPE_PROVINCE,
  level: 'scope',
  slug: 'hebei',
  short: '河北',
  fullName: SCOPE_PROVINCE,
};
/** Pseudo-division for national / non-Hebei stories; level 'scope', slug 'quanguo'; code '000000' is a sentinel. */
export const nationalScope: Division = {
  code: '000000',
  name: SCOPE_NATIONAL,
  level: 'scope',
  slug: 'quanguo',
  short: SCOPE_NATIONAL,
  fullName: SCOPE_NATIONAL,
};
/** The two scope pseudo-divisions, listable like counties. */
export const scopes: readonly Division[] = [provinceScope, nationalScope];

function fail(message: string): never {
  throw new Error(`gazetteer: ${message}`);
}

const byCode = new Map<string, Division>(divisions.map((d) => [d.code, d]));
byCode.set(nationalScope.code, nationalScope);
// A story's `county` resolves to the scope, never to the 'province' record, so slug 'hebei' is the scope's page.
const bySlug = new Map<string, Division>();
for (const d of [...scopes, ...divisions]) if (!bySlug.has(d.slug)) bySlug.set(d.slug, d);

/** Divisions by official name; several for shared names such as 桥西区 and 新华区. */
const byName = new Map<string, Division[]>();
const byFullName = new Map<string, Division>();
for (const d of divisions) {
  if (d.level === 'province') continue;
  const list = byName.get(d.name);
  if (list) list.push(d);
  else byName.set(d.name, [d]);
  byFullName.set(d.fullName, d);
}

export function getDivisionByCode(code: string): Division | undefined {
  return byCode.get(code.trim());
}

/** Slug → division; 'hebei' and 'quanguo' give the scope pseudo-divisions. */
export function getDivisionBySlug(slug: string): Division | undefined {
  return bySlug.get(slug.trim().toLowerCase());
}

/** County-level divisions of a prefecture-level city (by code), sorted by code. */
export function countiesOf(prefectureCode: string): readonly Division[] {
  return counties.filter((d) => d.parent === prefectureCode);
}

/** The city a county belongs to (the city itself for a prefecture); undefined for the province and scopes. */
export function prefectureOf(d: Division): Division | undefined {
  if (d.level === 'prefecture') return d;
  if (d.level === 'county' && d.parent !== undefined) return byCode.get(d.parent);
  return undefined;
}

export function isScope(d: Division): boolean {
  return d.level === 'scope';
}

/** The form an article should write in `county`: the plain name when unique across Hebei, else the full name. */
export function canonicalCountyName(d: Division): string {
  if (d.level === 'scope' || d.level === 'province') return d.name;
  return (byName.get(d.name)?.length ?? 0) > 1 ? d.fullName : d.name;
}

// ---------------------------------------------------------------------------------------------------------------
// resolveCounty: validate a frontmatter `county` value

export type ResolveResult =
  | { readonly ok: true; readonly division: Division }
  | { readonly ok: false; readonly reason: 'unknown'; readonly suggestions: string[] }
  | { readonly ok: false; readonly reason: 'ambiguous'; readonly candidates: string[] };

const SUFFIXES = ['满族蒙古族自治县', '满族自治县', '回族自治县', '自治县', '矿区', '区', '县', '市', '省'] as const;

function stemOf(name: string): string {
  for (const s of SUFFIXES) if (name.length > s.length && name.endsWith(s)) return name.slice(0, -s.length);
  return name;
}

/**
 * Former names abolished or renamed since 2012 (hints only: they never resolve). Value: current canonical names.
 */
const FORMER_NAMES: ReadonlyMap<string, readonly string[]> = new Map([
  ['石家庄市桥东区', ['长安区', '石家庄市桥西区']],
  ['藁城市', ['藁城区']],
  ['鹿泉市', ['鹿泉区']],
  ['栾城县', ['栾城区']],
  ['唐海县', ['曹妃甸区']],
  ['滦县', ['滦州市']],
  ['抚宁县', ['抚宁区']],
  ['肥乡县', ['肥乡区']],
  ['永年县', ['永年区']],
  ['邯郸县', ['邯山区', '丛台区', '复兴区']],
  ['邢台市桥东区', ['襄都区']],
  ['邢台市桥西区', ['信都区']],
  ['邢台县', ['信都区', '襄都区']],
  ['任县', ['任泽区']],
  ['南和县', ['南和区']],
  ['新市区', ['竞秀区']],
  ['北市区', ['莲池区']],
  ['南市区', ['莲池区']],
  ['满城县', ['满城区']],
  ['清苑县', ['清苑区']],
  ['徐水县', ['徐水区']],
  ['宣化县', ['宣化区']],
  ['万全县', ['万全区']],
  ['崇礼县', ['崇礼区']],
  ['平泉县', ['平泉市']],
  ['冀州市', ['冀州区']],
]);

function suggest(value: string): string[] {
  const out: string[] = [];
  const add = (s: string): void => {
    if (!out.includes(s)) out.push(s);
  };
  for (const s of FORMER_NAMES.get(value) ?? FORMER_NAMES.get(value.replace(/^河北省?/, '')) ?? []) add(s);

  // Same stem, e.g. 曲周 → 曲周县, 宣化县 → 宣化区, 丰宁县 → 丰宁满族自治县, 张家口宣化 → 张家口市宣化区.
  const bare = value.replace(/^河北省?/, '');
  const stem = stemOf(bare);
  for (const d of divisions) {
    if (d.level === 'province') continue;
    const city = prefectureOf(d);
    if (d.short === stem || stemOf(d.name) === stem || (city && d.level === 'county' && stemOf(city.name) + d.short === stem))
      add(canonicalCountyName(d));
  }

  // Character edit distance against names and full names (张家囗市 → 张家口市), where the stems, too, are close
  // (宣化县 → 宣化区 but not 隆化县).
  const limit = Math.max(1, Math.floor([...bare].length / 3));
  const stemLimit = Math.floor([...stem].length / 3);
  const scored: { name: string; dist: number; code: string }[] = [];
  for (const d of [...divisions.filter((x) => x.level !== 'province'), ...scopes]) {
    let dist = Infinity;
    for (const s of [d.name, d.fullName]) {
      const dd = editDistance(bare, s);
      if (dd <= limit && editDistance(stem, stemOf(s)) <= stemLimit) dist = Math.min(dist, dd);
    }
    if (dist !== Infinity) scored.push({ name: canonicalCountyName(d), dist, code: d.code });
  }
  scored.sort((a, b) => a.dist - b.dist || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const s of scored) add(s.name);
  return out.slice(0, 3);
}

/**
 * Resolve a `county` frontmatter value: an exact name when unique (宣化区, 张家口市), a full name (张家口市宣化区,
 * also with a 河北省 prefix), or a scope value (河北省, 全国). Whitespace is ignored.
 */
export function resolveCounty(value: string): ResolveResult {
  const v = value.replace(/\s+/g, '');
  if (v === SCOPE_PROVINCE) return { ok: true, division: provinceScope };
  if (v === SCOPE_NATIONAL) return { ok: true, division: nationalScope };
  const bare = v.startsWith(SCOPE_PROVINCE) && v.length > SCOPE_PROVINCE.length ? v.slice(SCOPE_PROVINCE.length) : v;
  const full = byFullName.get(bare);
  if (full) return { ok: true, division: full };
  const named = byName.get(bare);
  if (named && named.length === 1 && named[0]) return { ok: true, division: named[0] };
  if (named && named.length > 1) return { ok: false, reason: 'ambiguous', candidates: named.map((d) => d.fullName) };
  return { ok: false, reason: 'unknown', suggestions: suggest(v) };
}

// ---------------------------------------------------------------------------------------------------------------
// detectCounty: the most specific Hebei division a news story is about

/**
 * Short names that are also common words or names elsewhere: they count only when followed by an institution or
 * context word (大厂公安, 曲周民警), or when written with their city (张家口桥西). Full names (大厂回族自治县) always count.
 */
const GUARDED_SHORTS: ReadonlySet<string> = new Set([
  '长安',
  '桥西',
  '桥东',
  '新华',
  '无极',
  '平山',
  '元氏',
  '新乐',
  '路南',
  '路北',
  '开平',
  '丰润',
  '玉田',
  '迁西',
  '迁安',
  '海港',
  '青龙',
  '复兴',
  '永年',
  '成安',
  '大名',
  '武安',
  '信都',
  '南和',
  '临城',
  '新河',
  '清河',
  '临西',
  '南宫',
  '沙河',
  '莲池',
  '满城',
  '定兴',
  '高阳',
  '安新',
  '顺平',
  '安国',
  '下花园',
  '万全',
  '尚义',
  '怀安',
  '赤城',
  '双桥',
  '兴隆',
  '围场',
  '运河',
  '东光',
  '海兴',
  '河间',
  '安次',
  '广阳',
  '固安',
  '永清',
  '大城',
  '文安',
  '大厂',
  '三河',
  '武强',
  '安平',
  '故城',
  '广平',
]);

/** Words after a guarded short name that show it is the place: 大厂公安, 曲周大队, 安新县城, 广阳警方 … */
const CONTEXT_WORDS: readonly string[] = [
  '法院',
  '检察',
  '公安',
  '警方',
  '交警',
  '交巡警',
  '巡警',
  '特警',
  '民警',
  '辅警',
  '派出所',
  '大队',
  '中队',
  '支队',
  '分局',
  '看守所',
  '法庭',
  '法官',
  '司法',
  '政法',
  '纪委',
  '监委',
  '县委',
  '区委',
  '市委',
  '政府',
  '人大',
  '政协',
  '消防',
  '城管',
  '市场监管',
  '税务',
  '应急',
  '禁毒',
  '融媒',
  '籍',
  '境内',
  '辖区',
  '县城',
  '城区',
  '一名',
  '一男子',
  '一女子',
  '男子',
  '女子',
  '村民',
  '居民',
  '群众',
  '警察',
];

/** Compounds that contain a place name but are not about it; they are skipped whole. */
const STOP_WORDS: readonly string[] = [
  '新华社',
  '新华网',
  '新华书店',
  '新华街',
  '新华路',
  '新华每日',
  '新华日报',
  '新华视点',
  '确保定',
  '担保定',
  '环保定',
  '医保定',
  '社保定',
  '参保定',
  '投保定',
  '传承德',
  '继承德',
  '大城市',
  '兵临城下',
  '万全之策',
  '万全之计',
  '生意兴隆',
  '平安新',
  '大运河',
  '长安街',
  '长安大街',
  '长安汽车',
  '民族复兴',
  '伟大复兴',
  '乡村复兴',
  '复兴号',
  '贡献县',
  '奉献县',
  '英雄县',
  '容易县',
  '权威县',
  '交易县',
  '巩固安',
  '稳固安',
  '牢固安',
  '楼下花园',
  '满城风雨',
  '满城尽',
  '大名鼎鼎',
  '互联网大厂',
  '诚信都',
  '公安次',
  '搬迁安',
  '拆迁安',
  '搬迁西',
];

/** Text before a county-level name that reads as a city of its own ('西安市长安区'), unless it is one of these. */
const NEUTRAL_BEFORE_CITY: readonly string[] = [
  '全市',
  '本市',
  '我市',
  '该市',
  '各市',
  '城市',
  '超市',
  '夜市',
  '集市',
  '门市',
  '全省',
  '本省',
  '我省',
  '该省',
  '各省',
  '河北省',
];

interface Pattern {
  readonly text: string;
  /** Candidates the text may mean (several for 桥西区, 新华区, 桥西 …). Empty for stop words. */
  readonly targets: readonly Division[];
  /** Needs a context word after it. */
  readonly guarded: boolean;
  /** Starts with the county's own city, so needs no check of what precedes it. */
  readonly withCity: boolean;
}

const patternMap = new Map<string, { targets: Division[]; guarded: boolean; withCity: boolean }>();

function addPattern(text: string, d: Division | undefined, guarded: boolean, withCity: boolean): void {
  if ([...text].length < 2) return;
  const p = patternMap.get(text);
  if (!p) {
    patternMap.set(text, { targets: d ? [d] : [], guarded, withCity });
    return;
  }
  if (d && !p.targets.includes(d)) p.targets.push(d);
  p.guarded = p.guarded && guarded; // a safe reading of the same text wins
  p.withCity = p.withCity && withCity;
}

// A short shared by a city and its county (承德) means the city; shared by two counties of one city (井陉县,
// 井陉矿区) it means the one whose name is short + 县.
function detectionShort(d: Division): string | undefined {
  if (d.short === d.name) return undefined;
  const sharers = divisions.filter((o) => o !== d && o.level !== 'province' && o.short === d.short);
  if (sharers.some((o) => o.level === 'prefecture')) return d.level === 'prefecture' ? d.short : undefined;
  const sameCity = sharers.filter((o) => o.parent === d.parent);
  if (sameCity.length > 0) return d.name === d.short + '县' ? d.short : undefined;
  return d.short;
}

for (const d of divisions) {
  if (d.level === 'province') continue;
  const short = detectionShort(d);
  const guarded = short !== undefined && GUARDED_SHORTS.has(short);
  addPattern(d.name, d, false, false);
  addPattern(SCOPE_PROVINCE + d.fullName, d, false, true);
  addPattern('河北' + d.fullName, d, false, true);
  if (short !== undefined) addPattern(short, d, guarded, false);
  if (d.level === 'county') {
    const city = prefectureOf(d);
    if (!city) continue;
    for (const c of [city.name, city.short]) {
      addPattern(c + d.name, d, false, true);
      if (short !== undefined && short !== city.short) addPattern(c + short, d, false, true);
    }
  }
}
for (const w of STOP_WORDS) if (!patternMap.has(w)) patternMap.set(w, { targets: [], guarded: false, withCity: false });

/** Patterns grouped by first character, longest first. */
const patternsByFirst = new Map<string, Pattern[]>();
for (const [text, p] of patternMap) {
  const first = text[0] ?? '';
  const list = patternsByFirst.get(first) ?? [];
  list.push({ text, targets: p.targets, guarded: p.guarded, withCity: p.withCity });
  patternsByFirst.set(first, list);
}
for (const list of patternsByFirst.values()) list.sort((a, b) => b.text.length - a.text.length || (a.text < b.text ? -1 : 1));

interface Mention {
  readonly targets: readonly Division[];
  readonly weight: number;
  /** Global order of the mention (headline first), for tie-breaking. */
  readonly order: number;
}

function precededByOtherCity(text: string, index: number, d: Division): boolean {
  const before = text.slice(Math.max(0, index - 8), index);
  if (!before.endsWith('市') && !before.endsWith('省')) return false;
  if (NEUTRAL_BEFORE_CITY.some((w) => before.endsWith(w))) return false;
  const city = prefectureOf(d);
  if (city && (before.endsWith(city.name) || before.endsWith(city.short + '市'))) return false;
  return d.level === 'county';
}

function scan(text: string, weight: number, orderBase: number, out: Mention[]): void {
  let i = 0;
  while (i < text.length) {
    const list = patternsByFirst.get(text[i] ?? '');
    let advanced = false;
    if (list) {
      for (const p of list) {
        if (!text.startsWith(p.text, i)) continue;
        const end = i + p.text.length;
        if (p.targets.length === 0) {
          i = end; // stop word: skip it whole
          advanced = true;
          break;
        }
        if (p.guarded && !CONTEXT_WORDS.some((w) => text.startsWith(w, end))) continue;
        const targets = p.withCity ? p.targets : p.targets.filter((d) => !precededByOtherCity(text, i, d));
        if (targets.length === 0) continue;
        out.push({ targets, weight, order: orderBase + i });
        i = end;
        advanced = true;
        break;
      }
    }
    if (!advanced) i++;
  }
}

const HEADLINE_WEIGHT = 3;
const LEAD_WEIGHT = 2;
const BODY_WEIGHT = 1;

/**
 * The most specific Hebei division a news story is about, or undefined when it names none (a national story).
 * `text` is the story (headline and/or body; its first paragraph counts double); pass `headline` separately to
 * have it count triple. Picks the city with the most weighted mentions (its counties' mentions included), then
 * the county of that city mentioned most (earlier wins ties); the city itself when none of its counties is named;
 * undefined when three or more cities tie for the lead (a province-wide round-up).
 */
export function detectCounty(text: string, headline?: string): Division | undefined {
  const mentions: Mention[] = [];
  let offset = 0;
  if (headline !== undefined) {
    scan(headline, HEADLINE_WEIGHT, 0, mentions);
    offset = headline.length + 1;
  }
  const paragraphs = text.split(/\r?\n/);
  let leadSeen = false;
  for (const para of paragraphs) {
    const isLead = !leadSeen && para.trim() !== '';
    if (isLead) leadSeen = true;
    scan(para, isLead ? LEAD_WEIGHT : BODY_WEIGHT, offset, mentions);
    offset += para.length + 1;
  }
  if (mentions.length === 0) return undefined;

  // Mentions that could mean several divisions (桥西区) count only if exactly one candidate's city is named.
  const namedCities = new Set<string>();
  for (const m of mentions) {
    if (m.targets.length !== 1 || !m.targets[0]) continue;
    const c = prefectureOf(m.targets[0]);
    if (c) namedCities.add(c.code);
  }
  const scores = new Map<string, { division: Division; score: number; first: number }>();
  for (const m of mentions) {
    let target = m.targets.length === 1 ? m.targets[0] : undefined;
    if (m.targets.length > 1) {
      const inNamed = m.targets.filter((d) => {
        const c = prefectureOf(d);
        return c !== undefined && namedCities.has(c.code);
      });
      if (inNamed.length === 1) target = inNamed[0];
    }
    if (!target) continue;
    const s = scores.get(target.code);
    if (s) s.score += m.weight;
    else scores.set(target.code, { division: target, score: m.weight, first: m.order });
  }
  if (scores.size === 0) return undefined;

  const cityScores = new Map<string, { city: Division; score: number; first: number }>();
  for (const s of scores.values()) {
    const city = prefectureOf(s.division);
    if (!city) continue;
    const c = cityScores.get(city.code);
    if (c) {
      c.score += s.score;
      c.first = Math.min(c.first, s.first);
    } else cityScores.set(city.code, { city, score: s.score, first: s.first });
  }
  const best = <T extends { score: number; first: number }>(xs: Iterable<T>): T | undefined => {
    let b: T | undefined;
    for (const x of xs) if (!b || x.score > b.score || (x.score === b.score && x.first < b.first)) b = x;
    return b;
  };
  const city = best(cityScores.values());
  if (!city) return undefined;
  // A round-up naming three or more cities equally (石家庄、唐山、保定等地) is about no single place.
  const tied = [...cityScores.values()].filter((c) => c.score === city.score).length;
  if (tied >= 3) return undefined;
  const county = best([...scores.values()].filter((s) => s.division.level === 'county' && s.division.parent === city.city.code));
  return county ? county.division : city.city;
}
