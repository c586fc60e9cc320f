// `npm run urls:record`: adds the URL of every published article to content/published-urls.txt, and the byline
// page of every name they carry to content/published-bylines.txt (never removes or changes a line), so
// tests/published-urls.test.ts can tell when a published URL disappears and no byline URL changes owner.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_DIR, readContent } from '../src/lib/content/content-files-fs.ts';
import { articlePath } from '../src/lib/routing.ts';
import { MAX_PUBLISHED_URLS_BYTES, PUBLISHED_URLS_FILE, parseUrlList, renderUrlList } from '../src/lib/permanent-urls/published-urls.ts';
import { requireContentText } from '../src/lib/content/read-fs.ts';
import { addToBylineRecord, renderBylineRecord } from '../src/lib/permanent-urls/published-bylines.ts';
import { bylineRecordFile, readBylineRecord } from '../src/lib/permanent-urls/published-bylines-fs.ts';
import { nameSlugs } from '../src/lib/slug.ts';
import { isPublished } from '../src/lib/content/edition-dates.ts';
import { siteToday } from '../src/lib/clock.ts';

const root = process.cwd();
const file = join(root, CONTENT_DIR, PUBLISHED_URLS_FILE);
// Through the content door (a regular file, strict UTF-8, bounded), like every other reader of the list.
const listed = new Set(parseUrlList(requireContentText(file, `${CONTENT_DIR}/${PUBLISHED_URLS_FILE}`, MAX_PUBLISHED_URLS_BYTES) ?? ''));
// Published today (in China): drafts never are, an edition prepared ahead is from its date on (as the build has it).
const today = siteToday();
const published = readContent(root).articles.filter((a) => isPublished(a.data, today));
const current = published.map((a) => articlePath(a.id));
const added = current.filter((url) => !listed.has(url));
writeFileSync(file, renderUrlList([...listed, ...current]));
console.log(`${CONTENT_DIR}/${PUBLISHED_URLS_FILE}: ${added.length} new URL(s), ${new Set([...listed, ...current]).size} in all`);

// The slugs the site gives the names now (src/utils/site-data.ts computes them the same way), recorded for good.
const recorded = readBylineRecord(root);
const names = published.flatMap((a) => a.data.byline.map((b) => b.name));
const record = addToBylineRecord(recorded, nameSlugs(names, recorded));
writeFileSync(join(root, bylineRecordFile()), renderBylineRecord(record));
console.log(`${bylineRecordFile()}: ${record.size - recorded.size} new name(s), ${record.size} in all`);
