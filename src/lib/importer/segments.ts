// Step 2 of the importer: each line of the page cut into segments of one kind: running text, a photo caption
// (with its credit), a photo credit alone, or a line of names (a byline).
import { isCaption, splitCaption } from './attribution.ts';
import { parseCredit, parseNames, splitTrailingCredit, type Names } from './names.ts';
import type { Line } from './normalise.ts';

export type Segment =
  | { readonly kind: 'text'; readonly text: string; readonly line: number }
  | { readonly kind: 'caption'; readonly text: string; readonly credit?: Names; readonly line: number }
  | { readonly kind: 'credit'; readonly credit: Names; readonly line: number }
  | { readonly kind: 'names'; readonly names: Names; readonly text: string; readonly line: number };

/**
 * Cuts the page's lines into segments. A line of names alone is a byline; `… 摄` at the end of a line is a
 * credit (of the caption before it, when there is one); a sentence starting with 图为 is a caption.
 */
export function pageSegments(lines: readonly Line[]): Segment[] {
  const out: Segment[] = [];
  for (const { text, line } of lines) {
    const names = parseNames(text, 'line');
    if (names) {
      out.push({ kind: 'names', names, text, line });
      continue;
    }
    const credit = parseCredit(text);
    if (credit) {
      out.push({ kind: 'credit', credit, line });
      continue;
    }
    const trailing = splitTrailingCredit(text);
    const rest = trailing ? trailing.before : text;
    const parts = splitText(rest, line);
    const last = parts.at(-1);
    if (trailing && last?.kind === 'caption' && !last.credit) parts[parts.length - 1] = { ...last, credit: trailing.credit };
    else if (trailing) parts.push({ kind: 'credit', credit: trailing.credit, line });
    out.push(...parts);
  }
  return out;
}

function splitText(text: string, line: number): Segment[] {
  if (!text) return [];
  if (isCaption(text)) return [{ kind: 'caption', text, line }];
  const split = splitCaption(text);
  if (!split) return [{ kind: 'text', text, line }];
  return [
    ...(split.before ? [{ kind: 'text', text: split.before, line } as const] : []),
    { kind: 'caption', text: split.caption, line },
    ...splitText(split.after, line),
  ];
}
