// Step 3 of the importer: the page's segments grouped into articles. A headline is a short line without sentence
// punctuation, judged together with what ends the text before it and what starts the text after it.
import { headlineShape, isHeadlineLike, MAX_HEADLINE_LINE, openerStrength } from './classify.ts';
import { splitTrailingNames } from './names.ts';
import type { Segment } from './segments.ts';
import { endsSentence, hasComma, length } from './text.ts';

export interface DraftArticle {
  /** The printed headline, one entry per line; empty for an item printed without one. */
  readonly headline: readonly string[];
  /** Everything after the headline, in page order. */
  readonly segments: Segment[];
  /** Where it starts or ends was a judgement call. */
  lowConfidence: boolean;
  /** Line of the page the article starts on. */
  readonly line: number;
}

/**
 * How the text so far ends: `closed` after a byline line, `soft` after names glued to the last sentence or a
 * photo credit, `final` after a sentence end, `open` mid-sentence (a column break or the page ran out),
 * `headline` when the article has only its headline, `none` before the first article.
 */
type Ending = 'none' | 'headline' | 'closed' | 'soft' | 'final' | 'open';

function ending(article: DraftArticle | undefined): Ending {
  if (!article) return 'none';
  if (article.headline.length > 0 && !article.segments.some((s) => s.kind === 'text')) return 'headline';
  let photo = false;
  for (let i = article.segments.length - 1; i >= 0; i--) {
    const segment = article.segments[i]!;
    if (segment.kind === 'names') return 'closed';
    if (segment.kind === 'credit' || (segment.kind === 'caption' && segment.credit)) photo = true;
    if (segment.kind !== 'text') continue;
    // A photo and its credit after a finished text end a photo news item; after a cut sentence they sit inside it.
    if (endsSentence(segment.text)) return photo ? 'soft' : 'final';
    return splitTrailingNames(segment.text) ? 'soft' : 'open';
  }
  return 'none';
}

const ENDING_SCORE: Readonly<Record<Ending, number>> = { none: 2, closed: 2, soft: 2, headline: 0, final: 1, open: 0 };

/** A second or third headline line: headline-like without a comma or a time (近日…), or a subtitle led by a dash. */
function continuesHeadline(text: string): boolean {
  if (/^[—–]{1,2}\S/.test(text)) return isHeadlineLike(text.replace(/^[—–]+/, ''));
  return isHeadlineLike(text) && !hasComma(text) && openerStrength(text) < 2;
}

/**
 * Groups segments into articles. A run of up to three headline-like lines starts an article when the text before
 * it has ended (a byline, a sentence end) and the text after it opens like a story (a source line, a date, a
 * place); the score of that judgement decides, and a close call marks both articles `lowConfidence`. Text after a
 * byline line that has no headline starts an untitled item (a photo news item).
 */
export function splitArticles(segments: readonly Segment[]): DraftArticle[] {
  const articles: DraftArticle[] = [];
  let current: DraftArticle | undefined;
  let pending: Segment[] = [];

  const start = (headline: readonly string[], line: number, lowConfidence: boolean): DraftArticle => {
    if (current && lowConfidence) current.lowConfidence = true;
    current = { headline, segments: pending, lowConfidence, line };
    pending = [];
    articles.push(current);
    return current;
  };

  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.kind !== 'text') {
      (current ? current.segments : pending).push(segment);
      continue;
    }
    const state = ending(current);
    if (state === 'headline') {
      current!.segments.push(segment);
      continue;
    }
    if (isHeadlineLike(segment.text)) {
      const run = [segment.text];
      let j = i + 1;
      for (; j < segments.length && run.length < 3; j++) {
        const next = segments[j]!;
        if (next.kind !== 'text' || !continuesHeadline(next.text) || length(run.join(' ')) + 1 + length(next.text) > 2 * MAX_HEADLINE_LINE)
          break;
        run.push(next.text);
      }
      let k = j;
      let bylineFollows = false;
      for (; k < segments.length && segments[k]!.kind !== 'text'; k++) if (segments[k]!.kind === 'names') bylineFollows = true;
      const after = segments[k];
      const afterText = after?.kind === 'text' ? after.text : undefined;
      // Names followed by another headline-like line end the text before them: this line is that text's last.
      const bylineCloses = bylineFollows && afterText !== undefined && isHeadlineLike(afterText);
      const score =
        ENDING_SCORE[state] +
        openerStrength(afterText) +
        headlineShape(segment.text) +
        (run.length > 1 ? 1 : 0) +
        (bylineFollows ? (bylineCloses ? -3 : 1) : 0);
      if (score >= 2 || state === 'none' || state === 'closed') {
        start(run, segment.line, score < 3);
        i = j - 1;
        continue;
      }
      if (score === 1) current!.lowConfidence = true;
      current!.segments.push(segment);
      continue;
    }
    const opener = openerStrength(segment.text);
    if (!current) {
      start([], segment.line, false).segments.push(segment);
    } else if (state === 'closed') {
      const last = current.segments.findLast((s) => s.kind === 'names');
      if (last?.kind === 'names' && last.names.names.length === 1 && !last.names.names[0]!.role && opener <= 0) {
        // A single name on a line of its own followed by more of the story: the line was cut after a name.
        current.segments[current.segments.lastIndexOf(last)] = { kind: 'text', text: last.text, line: last.line };
        current.segments.push(segment);
        current.lowConfidence = true;
      } else {
        start([], segment.line, opener < 2 && !photoFollows(segments, i)).segments.push(segment);
      }
    } else if (state === 'soft' && opener >= 2) {
      start([], segment.line, !photoFollows(segments, i)).segments.push(segment);
    } else {
      current.segments.push(segment);
    }
  }
  if (pending.length > 0) {
    if (current) current.segments.push(...pending);
    else start([], pending[0]!.line, false);
  }
  return articles;
}

/** Whether a caption or credit comes right after segment `i`: the mark of a photo news item. */
function photoFollows(segments: readonly Segment[], i: number): boolean {
  return segments.slice(i + 1, i + 3).some((s) => s.kind === 'caption' || s.kind === 'credit');
}
