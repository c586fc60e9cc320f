// What one `astro build` renders. A small archive is built whole (`npm run build`); a large one in parts
// (`npm run build:part -- <year>`, `npm run build:assemble`), each part one year of editions: its article and
// edition pages, search shards and downloads; the assembly everything that spans years (home, archive, listings,
// feeds, sitemaps, the search page, `_headers`), from the parts' catalogues (src/lib/parts/catalogue-fs.ts).
// The scope comes from the environment (`SITE_PART`), which the scripts set; readers' builds never set it.
import { settings } from '../settings.ts';

export type BuildScope = { kind: 'whole' } | { kind: 'part'; year: string } | { kind: 'assemble' };

/** Where the parts are built and kept, relative to the project root (`SITE_PARTS_DIR`). */
export const PARTS_DIR = settings.partsDir;

export function parseScope(value: string | undefined): BuildScope {
  if (value === undefined || value === '') return { kind: 'whole' };
  if (value === 'assemble') return { kind: 'assemble' };
  if (/^\d{4}$/.test(value)) return { kind: 'part', year: value };
  throw new Error(`SITE_PART must be a year (2022) or "assemble", not ${JSON.stringify(value)}`);
}

export const buildScope = (): BuildScope => parseScope(settings.part);

/** Does this build render the per-year pages (article and edition pages, search shards, zips) of `date`'s year? */
export function rendersYear(scope: BuildScope, date: string): boolean {
  return scope.kind === 'whole' || (scope.kind === 'part' && date.startsWith(scope.year));
}

/** Does this build render the pages that span years (listings, feeds, sitemaps)? */
export const rendersCrossYear = (scope: BuildScope): boolean => scope.kind !== 'part';

/**
 * The files of a part's output folder that the assembled site takes from it: the year's article and edition pages,
 * the year's pages of the listings split by year (`county/<slug>/2022/…`), its zips, its search shards (and the
 * newest month's `pagefind/`, held by the newest year), and the assets they use. Everything else a part build
 * writes (its copy of the home page, feeds, redirects) is the assembly's to make.
 */
export function isPartOutput(path: string, year: string): boolean {
  const [top = '', rest = ''] = path.split(/\/(.*)/s);
  if (top === year) return rest !== '';
  if (top === 'county' || top === 'category' || top === 'byline') return rest.split('/')[1] === year;
  if (top === 'downloads') return rest.startsWith(`${year}-`);
  if (top === 'pagefind') return true;
  if (top === '_astro') return true;
  return top === `pagefind-${year}` || top.startsWith(`pagefind-${year}-`);
}
