// Source lines and captions: `河北法制报讯 (徐洋 刘爱军)`, `新华社北京电`, `图为韩云鹏(左)正在营救落水者。`.
import { parseNames, type Name } from './names.ts';
import { FW, sentences } from './text.ts';

export interface SourceLine {
  /** 河北法制报讯, 本报讯, 新华社 … */
  readonly source: string;
  /** 北京电 for 新华社北京电. */
  readonly dateline?: string;
  /** Names in the brackets after the source. */
  readonly names: readonly Name[];
  readonly markers: readonly string[];
  /** The text after the source line: the start of the body. */
  readonly rest: string;
}

/** `河北法制报讯`, `本报讯`, `长城网讯`: a paper's own news, without a place. */
const NEWS_SOURCE = /^(本报讯|本台讯|\p{Script=Han}{2,10}?(?:报|网|台|社)讯)/u;
/** `新华社北京电`, `人民网石家庄4月18日电`, `新华社电`: an agency or another paper, and its dateline. */
const AGENCY_SOURCE = /^(\p{Script=Han}{2,6}?(?:社|报|网|台))((?:\p{Script=Han}{1,8}?)?(?:\d{1,2}月\d{1,2}日)?电)(?=[\s(\uFF08]|$)/u;
const BRACKET = new RegExp(`^\\s*[(${FW.open}]([^()${FW.open}${FW.close}]{1,60})[)${FW.close}]`);

/**
 * The source line an article's text opens with, or undefined. Names in brackets right after it are read as the
 * byline; brackets that hold something else (以下简称…) stay in the text.
 */
export function parseSourceLine(text: string): SourceLine | undefined {
  let source: string;
  let dateline: string | undefined;
  let end: number;
  const news = NEWS_SOURCE.exec(text);
  const agency = news ? null : AGENCY_SOURCE.exec(text);
  if (news) {
    source = news[1]!;
    end = news[0].length;
  } else if (agency) {
    source = agency[1]!;
    dateline = agency[2]!;
    end = agency[0].length;
  } else {
    return undefined;
  }
  let names: readonly Name[] = [];
  let markers: readonly string[] = [];
  const bracket = BRACKET.exec(text.slice(end));
  const parsed = bracket ? parseNames(bracket[1]!, 'bracket') : undefined;
  if (bracket && parsed) {
    names = parsed.names;
    markers = parsed.markers;
    end += bracket[0].length;
  }
  const rest = text.slice(end).trim();
  return { source, ...(dateline === undefined ? {} : { dateline }), names, markers, rest };
}

/** How a photo caption starts: 图为…, 图:…, 上图…, 图①… */
const CAPTION_START = new RegExp(`^(?:图为|图[:${FW.colon}]|[上下左右]图[为:${FW.colon}]|图[①-⑩0-9]|[▲△])`);

/** Whether a line (or the sentence it starts) is a photo caption. */
export function isCaption(text: string): boolean {
  return CAPTION_START.test(text.trim());
}

/**
 * Splits the caption out of a piece of text. A piece that starts with 图为… is a caption as a whole; otherwise the
 * first sentence starting with 图为… (after a sentence end) is the caption and the text around it stays text.
 */
export function splitCaption(text: string): { before: string; caption: string; after: string } | undefined {
  if (isCaption(text)) return { before: '', caption: text.trim(), after: '' };
  const parts = sentences(text);
  let offset = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i > 0 && isCaption(part)) {
      return { before: text.slice(0, offset).trim(), caption: part.trim(), after: text.slice(offset + part.length).trim() };
    }
    offset += part.length;
  }
  return undefined;
}
