// Reads the byline record (published-bylines.ts) from a content folder, through the content door: the one
// file-system step of byline slugs.
import { join } from 'node:path';
import { CONTENT_DIR } from '../content/content-files-fs.ts';
import { requireContentText } from '../content/read-fs.ts';
import { MAX_BYLINE_RECORD_BYTES, PUBLISHED_BYLINES_FILE, parseBylineRecord } from './published-bylines.ts';

/** Path of the record, relative to the project root: `content/published-bylines.txt`. */
export function bylineRecordFile(contentDir = CONTENT_DIR): string {
  return `${contentDir}/${PUBLISHED_BYLINES_FILE}`;
}

/**
 * Name → slug of every recorded byline; empty when the content folder has no record (a fixture, a new site).
 * Throws on a record that is a link, a folder or a device (never followed, never read), too large or not UTF-8.
 */
export function readBylineRecord(root: string, contentDir = CONTENT_DIR): Map<string, string> {
  const file = bylineRecordFile(contentDir);
  const text = requireContentText(join(root, contentDir, PUBLISHED_BYLINES_FILE), file, MAX_BYLINE_RECORD_BYTES);
  return text === undefined ? new Map() : parseBylineRecord(text, file);
}
