// Reads the byline record (published-bylines.ts) from a content folder: the one file-system step of byline slugs.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_DIR } from './content-files.ts';
import { PUBLISHED_BYLINES_FILE, parseBylineRecord } from './published-bylines.ts';

/** Path of the record, relative to the project root: `content/published-bylines.txt`. */
export function bylineRecordFile(contentDir = CONTENT_DIR): string {
  return `${contentDir}/${PUBLISHED_BYLINES_FILE}`;
}

/** Name → slug of every recorded byline; empty when the content folder has no record (a fixture, a new site). */
export function readBylineRecord(root: string, contentDir = CONTENT_DIR): Map<string, string> {
  const path = join(root, contentDir, PUBLISHED_BYLINES_FILE);
  return existsSync(path) ? parseBylineRecord(readFileSync(path, 'utf8'), bylineRecordFile(contentDir)) : new Map();
}
