// Step 5 of the importer: paragraphs as Markdown. Interview lines get a bold 问/答, numbered sub-headings are
// bold, and characters that Markdown would read as markup are escaped so the text renders as printed.
import { interviewMarker, isNumberedHeading } from './classify.ts';

/** Escapes what CommonMark/GFM would take for markup, inline and at the start of a paragraph. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** One paragraph of the body as Markdown. */
export function paragraphMarkdown(paragraph: string): string {
  const marker = interviewMarker(paragraph);
  if (marker) return `**${marker}**${escapeMarkdown(paragraph.slice(marker.length))}`;
  if (isNumberedHeading(paragraph)) return `**${escapeMarkdown(paragraph)}**`;
  return escapeMarkdown(paragraph);
}

/** The article body: its paragraphs as Markdown, separated by blank lines. */
export function bodyMarkdown(paragraphs: readonly string[]): string {
  return paragraphs.map(paragraphMarkdown).join('\n\n');
}
