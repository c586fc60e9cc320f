// What a piece of text looks like on its own: a headline, a numbered point, a question or answer of an
// interview, and how strongly it reads as the first paragraph of a news story.
import { detectCounty } from '../gazetteer.ts';
import { parseSourceLine } from './attribution.ts';
import { endsSentence, endsWithPause, FW, hasComma, hasSentenceEnd, isBalanced, length } from './text.ts';

/** Longest line taken for (one line of) a headline. */
export const MAX_HEADLINE_LINE = 40;

const NUMBERED = new RegExp(
  `^(?:第[一二三四五六七八九十]+[是,${FW.comma}、]|[一二三四五六七八九十]+[是、]|[(${FW.open}][一二三四五六七八九十0-9]+[)${FW.close}]|[0-9]{1,2}[.、${FW.stop}](?![0-9])|[①-⑳])`,
);
const QA = new RegExp(`^(问|答)[:${FW.colon}]`);

/** A numbered point: 第一，… 一是… 一、… (一)… 1.… ①… */
export function isNumbered(text: string): boolean {
  return NUMBERED.test(text);
}

/** The interview marker a paragraph starts with (问 or 答), or undefined. */
export function interviewMarker(text: string): '问' | '答' | undefined {
  return (QA.exec(text)?.[1] as '问' | '答' | undefined) ?? undefined;
}

/** A numbered sub-heading inside an article: `一、总体要求`, short, without a sentence end. */
export function isNumberedHeading(text: string): boolean {
  return isNumbered(text) && length(text) <= MAX_HEADLINE_LINE && !endsSentence(text) && !endsWithPause(text) && !hasComma(text);
}

/** Exclamation and question marks, which a headline may have (点赞！…) but which count against it. */
const EXCLAMATION = new RegExp(`[!?${FW.bang}${FW.question}]`);

/**
 * Whether a line could be (a line of) a headline: short, some letters, no full stop or ellipsis (! and ? may be),
 * at most one comma, balanced quotes and brackets, not a numbered point, an interview line or a source line.
 */
export function isHeadlineLike(text: string): boolean {
  const n = length(text);
  if (n < 2 || n > MAX_HEADLINE_LINE) return false;
  if ((text.match(/\p{L}/gu) ?? []).length < 2) return false;
  if (hasSentenceEnd(text.replace(new RegExp(EXCLAMATION, 'g'), '')) || endsWithPause(text) || !isBalanced(text)) return false;
  if ((text.match(new RegExp(`[,${FW.comma}](?![0-9])`, 'g')) ?? []).length > 1) return false;
  if (/^[—–-]/.test(text) || isNumbered(text) || interviewMarker(text) || parseSourceLine(text)) return false;
  return true;
}

/** How much a headline line looks like one: two parts separated by a space (+1), a comma (-1), a ! or ? (-1). */
export function headlineShape(text: string): number {
  return (/\p{Script=Han}{2,} \S{2,}/u.test(text) ? 1 : 0) - (hasComma(text) ? 1 : 0) - (EXCLAMATION.test(text) ? 1 : 0);
}

const TIME_OPENER =
  /^(?:近日|日前|近期|近来|连日来|近年来|今年以来|年初以来|今年|去年|本月|上月|昨天|昨日|今天|今日|\d{4}年|\d{1,2}月(?:\d{1,2}日)?|\d{1,2}时|\d{1,2}日(?:上午|下午|晚|晚上|凌晨|中午|早晨|清晨)|记者.{0,16}?(?:获悉|了解到|从))/u;
const INSTITUTION_OPENER = /^(?:省|市|县|区)?\p{Script=Han}{0,8}?(?:法院|检察院|公安|司法|政法委|交警|交巡警|派出所|监狱|律师|纪委|监委)/u;
const OPENING_MARK = new RegExp(`^["“‘'《(${FW.open}「【]`);
const CONTINUATION_OPENER =
  /^(?:该|这|此|其|他|她|它|随后|同时|此外|另外|然而|但|而|并|且|因此|所以|于是|之后|然后|最终|最后|据了解|目前|当天|当日|当时|经|对此)/u;

/**
 * How strongly a paragraph reads as the start of a news story: 3 for a source line (河北法制报讯, 新华社北京电),
 * 2 for a time (近日, 4月12日, 记者…获悉), 1 for a place or an institution (定兴县公安局…), -1 for words that
 * continue a story (该局…, 随后…) or a leading comma or full stop, 0 otherwise.
 */
export function openerStrength(text: string | undefined): number {
  if (text === undefined) return 0;
  if (parseSourceLine(text)) return 3;
  if (TIME_OPENER.test(text)) return 2;
  if (CONTINUATION_OPENER.test(text) || (/^[\p{P}\p{S}]/u.test(text) && !OPENING_MARK.test(text))) return -1;
  const start = text.slice(0, 12);
  if (INSTITUTION_OPENER.test(start) || detectCounty(start) !== undefined) return 1;
  return 0;
}
