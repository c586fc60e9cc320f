// `npm run build:part -- <year>`: builds one year of the archive into parts/<year>/ (src/lib/parts/scope.ts):
// its article and edition pages, search shards and zips in parts/<year>/site/, its catalogue, and a record of
// the key it was built for. The catalogues of every year are brought up to date first (the part's pages link
// person pages numbered across the whole archive): what the part takes from them is its context, written to
// parts/<year>/context.json for its Astro build. `--if-needed` skips a part whose key is unchanged.
import { partCacheDir, partSiteDir, writePartContext, writePartRecord } from '../src/lib/parts/parts-fs.ts';
import { planInChild } from '../tools/parts/plan-child-fs.ts';
import { progress, runAstroBuild } from '../tools/parts/astro-run-fs.ts';
import { PARTS_DIR } from '../src/lib/parts/scope.ts';

const root = process.cwd();
const args = process.argv.slice(2);
const ifNeeded = args.includes('--if-needed');
const years = args.filter((a) => !a.startsWith('--'));
if (years.length !== 1 || !/^\d{4}$/.test(years[0]!)) {
  console.error('usage: npm run build:part -- <year> [--if-needed]   (e.g. npm run build:part -- 2022)');
  process.exit(2);
}
const year = years[0]!;
const started = Date.now();
const label = `part ${year}`;
const log = progress(label, started);

log('catalogues: reading every year’s frontmatter (years unchanged since the last build are kept)');
const parts = await planInChild(root, label, started);
const part = parts.find((p) => p.year === year);
if (!part) {
  console.error(`content has no folder ${year}/: years are ${parts.map((p) => p.year).join(', ') || 'none'}`);
  process.exit(2);
}
if (ifNeeded && part.upToDate) {
  log(`up to date (key ${part.key}): nothing to build`);
  process.exit(0);
}
log(`building ${part.articles} articles into ${PARTS_DIR}/${year}/site`);
writePartContext(root, year, part.context);
const code = await runAstroBuild(root, partSiteDir(root, year), { SITE_PART: year, ASTRO_CACHE_DIR: partCacheDir(root, year) }, log);
if (code !== 0) {
  log('failed');
  process.exit(code);
}
const seconds = Math.round((Date.now() - started) / 100) / 10;
writePartRecord(root, year, { key: part.key, articles: part.articles, seconds });
log(`done: ${part.articles} articles in ${seconds} s`);
