// What the e-paper reads off a printed page: its size, its lines of text with their positions, its pictures and
// its rules. Produced by pdf.ts from a page PDF, consumed by the locator (locate.ts) and the importer.
import type { Box } from './geometry.ts';

/** One line of printed text: characters on one baseline, split where a gap (a gutter between columns) opens. */
export interface PrintedLine {
  text: string;
  box: Box;
  /** The font size in points. */
  size: number;
}

export interface PageText {
  /** Page size in points. */
  width: number;
  height: number;
  lines: PrintedLine[];
  /** Pictures placed on the page (photos, headlines set as art, logos). */
  images: Box[];
  /** Vector drawings: rules between articles, boxes around advertisements. */
  vectors: Box[];
}
