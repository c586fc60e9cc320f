// A deterministic synthetic archive for benchmarks: daily editions of realistic Chinese legal news,
// generated from a vocabulary (word frequencies taken from real articles), the gazetteer and the
// category list. Same seed and vocabulary, same archive, byte for byte.
import { stringify } from 'yaml';
import { categories } from '../../src/lib/categories.ts';
import { canonicalCountyName, counties } from '../../src/lib/gazetteer.ts';
import { slugFromHeadline } from '../../src/lib/slug.ts';

/** mulberry32: a small, fast, seedable PRNG. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Word frequencies of a text, by the runtime's Chinese word segmenter (ICU, pinned with the project's Node). */
export function vocabulary(text: string): [string, number][] {
  const counts = new Map<string, number>();
  for (const s of new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)) {
    if (s.isWordLike && /^\p{Script=Han}+$/u.test(s.segment)) counts.set(s.segment, (counts.get(s.segment) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞辉建国海波宁新利斌宇浩凯健俊帆帅旭然欣怡佳琪雪梅丹亮成林松云峰振东';
const INSTITUTIONS = ['人民法院', '人民检察院', '公安局', '交警大队', '司法局', '派出所', '特巡警大队', '法律援助中心'];
const PAGE_NAMES = ['要闻', '政法动态', '法院', '检察', '公安', '交通', '法治社会', '综合'];

export interface SyntheticArticle {
  /** Path under the content folder, e.g. 2015/01/01/slug.md */
  path: string;
  source: string;
}

export interface SyntheticOptions {
  articles: number;
  seed?: number;
  /** First edition date. */
  start?: string;
  /** Average articles per daily edition. */
  perDay?: number;
  /**
   * Text that reads like the printed paper: body words drawn from a large word-frequency dictionary
   * (see dictionary-fs.ts), three in ten from `vocab` (the sample's own legal vocabulary), article
   * lengths as on printed pages (median about 600 characters, a tail past 3,000, a few long interviews
   * in 问/答 form), photo captions, 引题 and 副题. Without it, bodies are short and use `vocab` alone.
   */
  dictionary?: readonly [string, number][] | undefined;
  /** Correspondents who sign articles besides the 60 staff reporters (340 unless said). */
  correspondents?: number | undefined;
}

/** A word sampler over a frequency list. */
function wordSampler(list: readonly [string, number][], random: () => number): () => string {
  const cumulative: number[] = [];
  let total = 0;
  for (const [, count] of list) cumulative.push((total += count));
  return () => {
    const r = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return list[lo]![0];
  };
}

/**
 * "Now" for a benchmark of a synthetic archive (SITE_NOW, src/lib/clock.ts): after its last edition however long
 * it is (250,000 articles at 46 a day from 2015 run to 2029), so that every article is published and checked as
 * such, and a run measures the same site whenever it is made.
 */
export const SYNTHETIC_NOW = '2099-01-01T00:00:00+08:00';

/** Generates the archive's files (articles and edition.yaml files) in date order. */
export function* syntheticArchive(vocab: readonly [string, number][], options: SyntheticOptions): Generator<SyntheticArticle> {
  const random = createRandom(options.seed ?? 20220419);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const word = wordSampler(vocab, random);
  const dictionaryWord = options.dictionary ? wordSampler(options.dictionary, random) : word;
  const bodyWord = () => (random() < 0.3 ? word() : dictionaryWord());
  const sentence = (words: number, draw = word) => {
    let text = '';
    for (let i = 0; i < words; i++) text += draw() + (i > 0 && i < words - 1 && random() < 0.18 ? ',' : '');
    return `${text}。`;
  };
  /** Standard normal (Box-Muller). */
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  /** Body paragraphs of about `length` characters after the lead, in sentences of real words, with dates and figures. */
  const printedParagraphs = (length: number, interview: boolean): string[] => {
    const paragraphs: string[] = [];
    let size = 0;
    while (size < length) {
      const target = 60 + Math.floor(random() * 200);
      let paragraph = interview ? (paragraphs.length % 2 === 0 ? '**问**:' : '**答**:') : '';
      while (paragraph.length < target) {
        if (random() < 0.12) paragraph += `${1 + Math.floor(random() * 12)}月${1 + Math.floor(random() * 28)}日,`;
        if (random() < 0.08) paragraph += `共${2 + Math.floor(random() * 500)}${pick(['余人', '起', '件', '份', '万元', '余次'])},`;
        paragraph += sentence(4 + Math.floor(random() * 14), bodyWord);
      }
      paragraphs.push(paragraph);
      size += paragraph.length;
    }
    return paragraphs;
  };
  // A paper has a few hundred people who sign its articles: 60 staff reporters and 340 correspondents (or
  // `options.correspondents`, for the thousands a long-lived paper prints).
  const newName = () => pick([...SURNAMES]) + pick([...GIVEN]) + (random() < 0.6 ? pick([...GIVEN]) : '');
  const staff = [...new Set(Array.from({ length: 80 }, newName))].slice(0, 60);
  const wanted = options.correspondents ?? 340;
  // 400 names drawn for the default 340, as before: the default archive stays the one docs/performance.md measured.
  const drawn = options.correspondents === undefined ? 400 : Math.ceil(wanted * 1.2) + 60;
  const correspondents = [...new Set(Array.from({ length: drawn }, newName))].filter((n) => !staff.includes(n)).slice(0, wanted);
  const person = () => (random() < 0.4 ? `记者 ${pick(staff)}` : pick(correspondents));
  const perDay = options.perDay ?? 40;
  let day = new Date(`${options.start ?? '2015-01-01'}T00:00:00Z`);
  let made = 0;
  while (made < options.articles) {
    const date = day.toISOString().slice(0, 10);
    const folder = date.replaceAll('-', '/');
    const count = Math.min(options.articles - made, Math.max(1, Math.round(perDay * (0.75 + random() * 0.5))));
    const pageCount = Math.min(8, Math.max(1, Math.ceil(count / 6)));
    yield {
      path: `${folder}/edition.yaml`,
      source: stringify({ date, pages: PAGE_NAMES.slice(0, pageCount).map((name, i) => ({ number: i + 1, name })) }),
    };
    const slugs = new Set<string>();
    for (let i = 0; i < count; i++) {
      const county = pick(counties);
      const title = `${county.short}${word()}${word()}${random() < 0.4 ? ' ' : ''}${word()}${word()}`.slice(0, 30);
      let slug = slugFromHeadline(title, 40);
      for (let n = 2; slugs.has(slug); n++) slug = `${slugFromHeadline(title, 40)}-${n}`;
      slugs.add(slug);
      const lead = `近日,${county.prefecture ?? ''}${county.name}${pick(INSTITUTIONS)}${sentence(4 + Math.floor(random() * 8))}`;
      const paragraphs = [lead];
      const extras: Record<string, unknown> = {};
      if (options.dictionary) {
        // Printed lengths: a log-normal around 600 characters (a tail past 3,000), and one item in 40 a long interview.
        const interview = random() < 0.025;
        const length = interview ? 3000 + random() * 4000 : Math.min(6000, Math.max(150, 520 * Math.exp(0.55 * normal())));
        paragraphs.push(...printedParagraphs(length - lead.length, interview));
        if (random() < 0.1) extras['kicker'] = sentence(2 + Math.floor(random() * 4)).slice(0, -1);
        if (random() < 0.1) extras['subtitle'] = `——${sentence(3 + Math.floor(random() * 4)).slice(0, -1)}`;
        if (random() < 0.25) {
          const photographer = pick(correspondents);
          extras['images'] = [
            { caption: `图为${sentence(3 + Math.floor(random() * 6), bodyWord)}`, ...(random() < 0.5 ? { credit: [photographer] } : {}) },
          ];
        }
      } else {
        const paragraphCount = 2 + Math.floor(random() * 6);
        for (let p = 0; p < paragraphCount; p++) {
          let paragraph = '';
          const sentences = 1 + Math.floor(random() * 4);
          for (let s = 0; s < sentences; s++) paragraph += sentence(6 + Math.floor(random() * 14));
          paragraphs.push(paragraph);
        }
      }
      const byline = [...new Set(Array.from({ length: 1 + Math.floor(random() * 2) }, person))];
      const frontmatter = {
        ...(extras['kicker'] ? { kicker: extras['kicker'] } : {}),
        title,
        ...(extras['subtitle'] ? { subtitle: extras['subtitle'] } : {}),
        byline,
        date,
        county: canonicalCountyName(county),
        category: pick(categories).name,
        page: 1 + (i % pageCount),
        order: 1 + Math.floor(i / pageCount),
        ...(extras['images'] ? { images: extras['images'] } : {}),
      };
      yield { path: `${folder}/${slug}.md`, source: `---\n${stringify(frontmatter)}---\n\n${paragraphs.join('\n\n')}\n` };
      made++;
    }
    day = new Date(day.getTime() + 86_400_000);
  }
}
