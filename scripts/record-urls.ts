// `npm run urls:record`: adds the URL of every published article to content/published-urls.txt (never removes one),
// so tests/published-urls.test.ts can tell when a published URL disappears.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_DIR, readContent } from '../src/lib/content-files.ts';
import { articlePath } from '../src/lib/routing.ts';
import { PUBLISHED_URLS_FILE, parseUrlList, renderUrlList } from '../src/lib/published-urls.ts';

const root = process.cwd();
const file = join(root, CONTENT_DIR, PUBLISHED_URLS_FILE);
const listed = existsSync(file) ? parseUrlList(readFileSync(file, 'utf8')) : [];
const current = readContent(root).articles.filter((a) => !a.data.draft).map((a) => articlePath(a.id));
const added = current.filter((url) => !listed.includes(url));
writeFileSync(file, renderUrlList([...listed, ...current]));
console.log(`${CONTENT_DIR}/${PUBLISHED_URLS_FILE}: ${added.length} new URL(s), ${new Set([...listed, ...current]).size} in all`);
