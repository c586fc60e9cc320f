// Reads a content folder's redirects.yaml (redirects.ts) from disk, through the content door: for
// astro.config.mjs, which declares each redirect as a page, and the CDN headers integration, which writes `_redirects`.
import { join } from 'node:path';
import { requireContentText } from '../content/read-fs.ts';
import { MAX_REDIRECTS_BYTES, parseRedirects, REDIRECTS_FILE, type Redirect } from './redirects.ts';

/**
 * The redirects of a content folder; none when it has no redirects.yaml. Throws on any problem in the file, and on
 * a redirects.yaml that is a link, a folder or a device: never followed, never read.
 */
export function readRedirects(root: string, contentDir: string): Redirect[] {
  const file = `${contentDir}/${REDIRECTS_FILE}`;
  const text = requireContentText(join(root, contentDir, REDIRECTS_FILE), file, MAX_REDIRECTS_BYTES);
  return text === undefined ? [] : parseRedirects(text, file);
}

/**
 * The redirects astro.config.mjs declares. A redirects.yaml with a problem gives none here: the build's content
 * check stops it with the located message (and the dev preview shows it), instead of Astro's stack trace while it
 * loads the configuration.
 */
export function configRedirects(root: string, contentDir: string): Redirect[] {
  try {
    return readRedirects(root, contentDir);
  } catch {
    return [];
  }
}
