// Step 6 of the importer: one draft article made into a reviewed article: source line, byline, photos and
// credits out of the text, paragraphs rejoined, headline, county, category and the flags for the editor.
import type { CategoryName } from '../categories.ts';
import { isOwnSource, type BylineRole } from '../schema.ts';
import { parseSourceLine } from './attribution.ts';
import { proposeCategory } from './category.ts';
import { proposeCounty } from './county.ts';
import { buildHeadline, generateHeadline, type HeadlineStack } from './headline.ts';
import { bodyMarkdown } from './markdown.ts';
import { splitTrailingNames, type Name } from './names.ts';
import { punctuate } from './normalise.ts';
import { rejoinParagraphs } from './paragraphs.ts';
import type { DraftArticle } from './split.ts';
import { endsSentence } from './text.ts';

/** What an editor must look at. */
/** What an editor must check: `reprint` is an article of another outlet whose original author and title were proposed. */
export const FLAGS = ['untitled', 'truncated', 'no-county', 'no-category', 'low-confidence-split', 'reprint'] as const;
export type Flag = (typeof FLAGS)[number];

export interface ImportedImage {
  readonly caption: string;
  /** Photographers, as printed before 摄. */
  readonly credit: readonly string[];
}

/** An article as read from the page: what it printed, in the content model's terms, before it becomes a file. */
export interface ImportedArticle {
  /** 1-based position on the page. */
  readonly order: number;
  /** Line of the page the article starts on. */
  readonly line: number;
  readonly kicker?: string;
  readonly title: string;
  readonly subtitle?: string;
  /** The headline was made by the importer: the item was printed without one. */
  readonly editorHeadline: boolean;
  /** Names printed in the source line, on byline lines and after the last sentence; credits without a caption (摄影). */
  readonly byline: readonly Name[];
  readonly source?: string;
  readonly dateline?: string;
  /** For a reprint (a source line of another outlet): the original author and title proposed, flagged `reprint`. */
  readonly reprint?: { readonly author: string; readonly title: string };
  readonly images: readonly ImportedImage[];
  /** Plain paragraphs with Chinese punctuation. */
  readonly paragraphs: readonly string[];
  /** The Markdown body. */
  readonly body: string;
  readonly county: string;
  readonly category: CategoryName;
  readonly truncated: boolean;
  readonly flags: readonly Flag[];
  /** Print markers turned into structure rather than kept as text: role words (记者, 本报记者 …), the 摄 of credits. */
  readonly markers: readonly string[];
}

/** Builds the article at position `order` from its draft. */
export function buildArticle(draft: DraftArticle, order: number): ImportedArticle {
  const byline: Name[] = [];
  const markers: string[] = [];
  const images: { caption: string; credit: string[] }[] = [];
  const pieces: string[] = [];
  let source: string | undefined;
  let dateline: string | undefined;
  const orphanCredits: string[][] = [];

  const credit = (names: readonly Name[]): string[] => names.map((n) => n.name);
  for (const segment of draft.segments) {
    switch (segment.kind) {
      case 'text': {
        let text = segment.text;
        const sourceLine = pieces.length === 0 && source === undefined ? parseSourceLine(text) : undefined;
        if (sourceLine) {
          source = sourceLine.source;
          dateline = sourceLine.dateline;
          byline.push(...sourceLine.names);
          markers.push(...sourceLine.markers);
          text = sourceLine.rest;
        }
        if (text) pieces.push(text);
        break;
      }
      case 'names':
        byline.push(...segment.names.names);
        markers.push(...segment.names.markers);
        break;
      case 'caption': {
        const names = segment.credit ? credit(segment.credit.names) : (orphanCredits.shift() ?? []);
        if (segment.credit) markers.push(...segment.credit.markers);
        images.push({ caption: punctuate(segment.text), credit: names });
        break;
      }
      case 'credit': {
        markers.push(...segment.credit.markers);
        const uncredited = images.findLast((image) => image.credit.length === 0);
        if (uncredited) uncredited.credit = credit(segment.credit.names);
        else orphanCredits.push(credit(segment.credit.names));
        break;
      }
    }
  }
  // A credit with no caption left to take it still names the photographers: they go in the byline.
  for (const names of orphanCredits) for (const name of names) byline.push({ name, role: '摄影' satisfies BylineRole });

  const rejoined = rejoinParagraphs(pieces);
  const last = rejoined.at(-1);
  const tail = last === undefined ? undefined : splitTrailingNames(last);
  if (tail) {
    rejoined[rejoined.length - 1] = tail.before;
    byline.push(...tail.names.names);
    markers.push(...tail.names.markers);
  }
  const paragraphs = rejoined.map(punctuate).filter(Boolean);
  const lastParagraph = paragraphs.at(-1);
  const truncated = lastParagraph === undefined ? images.length === 0 : !endsSentence(lastParagraph);

  const editorHeadline = draft.headline.length === 0;
  const headline: HeadlineStack = editorHeadline
    ? {
        title: generateHeadline(
          paragraphs,
          images.map((i) => i.caption),
        ),
      }
    : buildHeadline(draft.headline.map(punctuate));
  const text = paragraphs.join('\n');
  const county = proposeCounty({ title: editorHeadline ? undefined : headline.title, text, dateline });
  const category = proposeCategory(editorHeadline ? '' : headline.title, paragraphs);

  const flags: Flag[] = [];
  if (editorHeadline) flags.push('untitled');
  if (truncated) flags.push('truncated');
  if (!county.found) flags.push('no-county');
  if (!category.found) flags.push('no-category');
  if (draft.lowConfidence) flags.push('low-confidence-split');
  // A reprint names its original author and title; the print shows neither, so the outlet's reporters and the
  // printed headline are proposed for the editor to check.
  const reprint = source !== undefined && !isOwnSource(source) ? { author: `${source}记者`, title: headline.title } : undefined;
  if (reprint) flags.push('reprint');

  return {
    order,
    line: draft.line,
    ...(headline.kicker === undefined ? {} : { kicker: headline.kicker }),
    title: headline.title,
    ...(headline.subtitle === undefined ? {} : { subtitle: headline.subtitle }),
    editorHeadline,
    byline,
    ...(source === undefined ? {} : { source }),
    ...(dateline === undefined ? {} : { dateline }),
    ...(reprint === undefined ? {} : { reprint }),
    images,
    paragraphs,
    body: bodyMarkdown(paragraphs),
    county: county.county,
    category: category.category,
    truncated,
    flags,
    markers,
  };
}
