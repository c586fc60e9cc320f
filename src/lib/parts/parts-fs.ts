// The build in parts on disk (src/lib/parts/scope.ts): where each part is built, what it records when it is
// done, and the plan that says which parts are out of date.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceVersion } from '../source-version-fs.ts';
import { readBylineRecord } from '../permanent-urls/published-bylines-fs.ts';
import { siteStructure } from '../site-structure.ts';
import { updateCatalogues, type Catalogue } from './catalogue-fs.ts';
import { partContext, partKey, type PartContext } from './plan.ts';
import { PARTS_DIR } from './scope.ts';
import { site } from '../site.ts';
import { settings } from '../settings.ts';

/** A part's built site, its Astro cache and its record, under parts/<year>/. */
export const partSiteDir = (root: string, year: string): string => join(root, PARTS_DIR, year, 'site');
export const partCacheDir = (root: string, year: string): string => join(root, PARTS_DIR, year, '.astro');
const recordFile = (root: string, year: string): string => join(root, PARTS_DIR, year, 'part.json');
const contextFile = (root: string, year: string): string => join(root, PARTS_DIR, year, 'context.json');

/** What a finished part build records: the key it was built for, and what it took. */
export interface PartRecord {
  key: string;
  articles: number;
  seconds: number;
}

export function readPartRecord(root: string, year: string): PartRecord | undefined {
  const file = recordFile(root, year);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PartRecord) : undefined;
}

export function writePartRecord(root: string, year: string, record: PartRecord): void {
  mkdirSync(join(root, PARTS_DIR, year), { recursive: true });
  writeFileSync(recordFile(root, year), `${JSON.stringify(record, null, 2)}\n`);
}

/**
 * What a part's pages take from the other years (plan.ts: PartContext), written by `build:part` for its Astro
 * build: with it, a part holds its own year's records only, whatever the archive's age.
 */
export function writePartContext(root: string, year: string, context: PartContext): void {
  mkdirSync(join(root, PARTS_DIR, year), { recursive: true });
  writeFileSync(contextFile(root, year), `${JSON.stringify(context)}\n`);
}

export function readPartContext(root: string, year: string): PartContext {
  const file = contextFile(root, year);
  if (!existsSync(file)) throw new Error(`${file} is missing: a part is built by npm run build:part -- ${year}, which writes it`);
  return JSON.parse(readFileSync(file, 'utf8')) as PartContext;
}

export interface PlannedPart {
  year: string;
  key: string;
  context: PartContext;
  articles: number;
  /** Its last build was for this key: nothing to do. */
  upToDate: boolean;
}

/** Everything a part's pages are built from besides content: the site's code, its dependencies, its settings. */
export const siteCode = (root: string): string => sourceVersion(root, ['src', 'astro.config.mjs', 'package-lock.json']);

/**
 * Brings the catalogues up to date and plans every year's part, oldest first. `today` (in China): the articles
 * published on it are the catalogues' (src/lib/content/edition-dates.ts); a part is out of date once an edition
 * of its year prepared ahead is due.
 */
export function planParts(
  root: string,
  today: string,
  onCatalogue?: (year: string, made: boolean, articles: number) => void,
): { catalogues: Catalogue[]; parts: PlannedPart[] } {
  const catalogues = updateCatalogues(root, today, onCatalogue);
  const structure = siteStructure(catalogues.flatMap((c) => c.articles), catalogues.flatMap((c) => c.editions), { bylineRecord: readBylineRecord(root) });
  const newestYear = structure.editions[0]?.date.slice(0, 4);
  const code = siteCode(root);
  const location = `${settings.siteUrl ?? ''}\0${settings.basePath ?? ''}`;
  const parts = catalogues.map((c) => {
    const context = partContext(structure, c.year, newestYear, site.listingSplitAt);
    const key = partKey(code, c.key, context, location);
    return { year: c.year, key, context, articles: c.articles.length, upToDate: readPartRecord(root, c.year)?.key === key };
  });
  return { catalogues, parts };
}
