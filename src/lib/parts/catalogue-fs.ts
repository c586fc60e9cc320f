// A part's catalogue (parts/<year>/catalogue.json): every article of the year published today as a record
// (src/lib/content/record.ts: frontmatter and lead paragraph, no body) and every edition.yaml. The parts read
// each other's catalogues for what their pages need from other years (person URLs, the newest edition), and the
// assembly builds every page that spans years from them. A catalogue is made by the content door, outside
// Astro, and kept while its year's files and the code that reads them are unchanged.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_DIR, contentFiles } from '../content/content-files-fs.ts';
import { walkContent } from '../content/tree-fs.ts';
import { articleRecord, leadOfBody, type ArticleRecord, type EditionRecord } from '../content/record.ts';
import { sourceVersion } from '../source-version-fs.ts';
import { PARTS_DIR } from './scope.ts';
import { isPublished } from '../content/edition-dates.ts';
import { writeAtomic } from '../util/write-atomic-fs.ts';

export interface Catalogue {
  year: string;
  /** The year's content and the code that reads it (contentKey). */
  key: string;
  articles: ArticleRecord[];
  editions: EditionRecord[];
}

export const CATALOGUE_FILE = 'catalogue.json';

/** The years of the content folder: its four-digit folders, oldest first. */
export function contentYears(root: string, contentDir = CONTENT_DIR): string[] {
  const base = join(root, contentDir);
  if (!existsSync(base)) return [];
  return readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{4}$/.test(d.name))
    .map((d) => d.name)
    .sort();
}

/** The code a catalogue is made by. */
export const catalogueCode = (root: string): string => sourceVersion(root, ['src/lib', 'src/data']);

/**
 * A hash of one year's files as the content door sees them (names, kinds, bytes), of `code`, and of which of its
 * editions are still ahead of `today` (src/lib/content/edition-dates.ts): a catalogue made before an edition
 * prepared ahead was due is made again on its date, not kept.
 */
export function contentKey(root: string, year: string, code: string, today: string, contentDir = CONTENT_DIR): string {
  const hash = createHash('sha256').update(code).update('\0').update(year);
  for (const { path, file } of walkContent(join(root, contentDir), year)) {
    hash.update('\0').update(path).update('\0').update(file.kind);
    if (file.kind !== 'refused' && file.kind !== 'ignored') hash.update('\0').update(readFileSync(join(root, contentDir, path)));
    if (file.kind === 'edition' && file.date > today) hash.update('\0ahead');
  }
  return hash.digest('hex').slice(0, 32);
}

export const catalogueFile = (root: string, year: string): string => join(root, PARTS_DIR, year, CATALOGUE_FILE);

/**
 * Reads the year's files through the content door: its articles published `today`, its editions. Throws the
 * checker's located message for an invalid file.
 */
export function makeCatalogue(root: string, year: string, key: string, today: string, contentDir = CONTENT_DIR): Catalogue {
  const articles: ArticleRecord[] = [];
  const editions: EditionRecord[] = [];
  for (const entry of contentFiles(root, contentDir, { under: year })) {
    if (!('body' in entry)) editions.push({ id: entry.id, filePath: entry.file, data: entry.data });
    else if (isPublished(entry.data, today)) articles.push(articleRecord(entry.id, entry.file, entry.data, leadOfBody(entry.body)));
  }
  return { year, key, articles, editions };
}

export function readCatalogue(root: string, year: string): Catalogue | undefined {
  const file = catalogueFile(root, year);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Catalogue) : undefined;
}

function writeCatalogue(root: string, catalogue: Catalogue): void {
  writeAtomic(catalogueFile(root, catalogue.year), JSON.stringify(catalogue));
}

/**
 * Brings every year's catalogue up to date (one whose key is unchanged is kept) and returns them, oldest year
 * first. `onYear` hears of each year as it is done.
 */
export function updateCatalogues(root: string, today: string, onYear: (year: string, made: boolean, articles: number) => void = () => {}): Catalogue[] {
  const code = catalogueCode(root);
  return contentYears(root).map((year) => {
    const key = contentKey(root, year, code, today);
    const kept = readCatalogue(root, year);
    if (kept?.key === key) {
      onYear(year, false, kept.articles.length);
      return kept;
    }
    const made = makeCatalogue(root, year, key, today);
    writeCatalogue(root, made);
    onYear(year, true, made.articles.length);
    return made;
  });
}

/** The newest edition date of a published article in any year but `year` (a part's search shards depend on it). */
export function newestDateOutside(root: string, year: string): string | undefined {
  for (const other of contentYears(root).reverse()) {
    if (other === year) continue;
    const dates = readCatalogues(root, [other])[0]!.articles.map((a) => a.data.date);
    if (dates.length > 0) return dates.reduce((a, b) => (a > b ? a : b));
  }
  return undefined;
}

/** The catalogues the build in parts left, oldest year first (for the builds themselves, which never make them). */
export function readCatalogues(root: string, years = contentYears(root)): Catalogue[] {
  return years.map((year) => {
    const catalogue = readCatalogue(root, year);
    if (!catalogue) throw new Error(`${PARTS_DIR}/${year}/${CATALOGUE_FILE} is missing: run npm run build:part (or build:catalogue) first`);
    return catalogue;
  });
}
