// `npm run build:assemble`: builds what spans years (home, archive, listings, feeds, sitemaps, the search page,
// `_headers`) from the parts' catalogues, and merges every year's part into dist/ (src/lib/parts/scope.ts).
// Every part must be up to date: an out-of-date one is named with the command that builds it.
import { join } from 'node:path';
import { planInChild } from '../tools/parts/plan-child-fs.ts';
import { progress, runAstroBuild } from '../tools/parts/astro-run-fs.ts';
import { PARTS_DIR } from '../src/lib/parts/scope.ts';

const root = process.cwd();
const outDir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'dist';
const started = Date.now();
const log = progress('assemble', started);

log('catalogues');
const parts = await planInChild(root, 'assemble', started);
const stale = parts.filter((p) => !p.upToDate);
if (stale.length > 0) {
  for (const p of stale) console.error(`part ${p.year} is out of date: npm run build:part -- ${p.year}`);
  process.exit(1);
}
const total = parts.reduce((n, p) => n + p.articles, 0);
log(`assembling ${parts.length} part(s), ${total} articles, into ${outDir}`);
const code = await runAstroBuild(
  root,
  join(root, outDir),
  { SITE_PART: 'assemble', ASTRO_CACHE_DIR: join(root, PARTS_DIR, '.assemble') },
  log,
);
log(code === 0 ? `done in ${Math.round((Date.now() - started) / 1000)} s` : 'failed');
process.exit(code);
