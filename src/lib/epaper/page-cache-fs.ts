// Page PDFs read and rendered once: the text (pdf.ts) and a large PNG of each page are kept in a cache folder under
// the SHA-256 of the PDF's bytes, so a daily build renders only that day's pages, and a clean build of a year
// reuses what an earlier build (or CI's cache) made. Writes are atomic (a temporary name, then rename), so two
// builds sharing the cache never read half a file.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPageText, renderPage } from './pdf.ts';
import { writeAtomic } from '../util/write-atomic-fs.ts';
import type { PageText } from './page-text.ts';

/** The width in pixels pages are rendered at; every image the site serves is made from this one. */
export const RENDER_WIDTH = 1800;
/** Bumped whenever what is cached changes meaning (the reader or the renderer), so old entries are not reused. */
const CACHE_VERSION = 1;
/** What a rendering depends on besides the PDF: part of the cache keys of the pictures made from it. */
export const RENDERING = `v${CACHE_VERSION}@${RENDER_WIDTH}`;

export interface CachedPage {
  /** SHA-256 of the PDF, hex. */
  hash: string;
  /** The PDF's size in bytes. */
  bytes: number;
  text: PageText;
  /** Path of the rendered PNG, RENDER_WIDTH pixels wide. */
  png: string;
  pngWidth: number;
  pngHeight: number;
}

const inProcess = new Map<string, Promise<CachedPage>>();

/** The page PDF at `pdfPath`, read and rendered (from the cache in `cacheDir` when it holds it). */
export function cachedPage(pdfPath: string, cacheDir: string): Promise<CachedPage> {
  const pdf = readFileSync(pdfPath);
  const hash = createHash('sha256').update(pdf).digest('hex');
  const key = `${cacheDir}\0${hash}`;
  let page = inProcess.get(key);
  if (!page) {
    page = load(pdf, hash, cacheDir);
    inProcess.set(key, page);
  }
  return page;
}

async function load(pdf: Buffer, hash: string, cacheDir: string): Promise<CachedPage> {
  const dir = join(cacheDir, `v${CACHE_VERSION}`, hash.slice(0, 2), hash);
  const meta = join(dir, 'page.json');
  const png = join(dir, `page-${RENDER_WIDTH}.png`);
  if (existsSync(meta) && existsSync(png)) {
    const saved = JSON.parse(readFileSync(meta, 'utf8')) as Omit<CachedPage, 'png'>;
    return { ...saved, png };
  }
  const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const text = await readPageText(bytes);
  const rendered = await renderPage(bytes, RENDER_WIDTH);
  writeAtomic(png, rendered.png);
  const saved = { hash, bytes: pdf.byteLength, text, pngWidth: rendered.width, pngHeight: rendered.height };
  writeAtomic(meta, JSON.stringify(saved));
  return { ...saved, png };
}
