// Where offline downloads live on the site, what they are called, and how their sizes reach the pages that link them.
// Pages are rendered before the zips exist, so a download link carries an empty size placeholder
// (`<span data-download-size="2022-04-19.zip"></span>`) that the downloads integration fills in once the zip is written.
// The span stays, so that the next build can bring the size up to date in a page it keeps without rendering it.

import { DOWNLOADS_DIR, downloadPath } from '../routing.ts';

/** Folder of the site that holds every download; where a download is, downloadPath (both from src/lib/routing.ts). */
export { DOWNLOADS_DIR, downloadPath };

/** `2022-04-19` → `2022-04-19.zip`; `2022-04` (a month's bundle) → `2022-04.zip`. */
export function archiveName(dateOrMonth: string): string {
  if (!/^\d{4}-\d{2}(-\d{2})?$/.test(dateOrMonth)) throw new Error(`not an edition date or month: ${dateOrMonth}`);
  return `${dateOrMonth}.zip`;
}

/** Bytes as readers expect them: `980 B`, `123 KB`, `4.5 MB` (1 KB = 1024 bytes). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const SIZE = /(<span data-download-size="([^"]*)"[^>]*>)[^<]*(<\/span>)/g;

/** The page as rendered, before any size was filled in: what the zips are made from does not change with the sizes. */
export function withoutDownloadSizes(html: string): string {
  return html.replace(SIZE, (_, open: string, _name: string, close: string) => `${open}${close}`);
}

const SIZE_MARK = '<span data-download-size="';

/**
 * Does the page link any download (whose size is to be filled in or brought up to date)? Takes the file's bytes,
 * so that the many pages that link none are never decoded.
 */
export function linksDownloads(page: Uint8Array): boolean {
  return Buffer.from(page.buffer, page.byteOffset, page.byteLength).includes(SIZE_MARK);
}

/**
 * Writes each linked download's size into its span as `，<size>` (so a link reads 下载本期（ZIP，123 KB）),
 * replacing any size written before. Throws when a page links a download that was not built.
 */
export function fillDownloadSizes(html: string, sizes: ReadonlyMap<string, number>): string {
  return html.replace(SIZE, (_, open: string, name: string, close: string) => {
    const size = sizes.get(name);
    if (size === undefined) throw new Error(`links the download ${name}, which was not built`);
    return `${open}\uFF0C${formatSize(size)}${close}`;
  });
}
