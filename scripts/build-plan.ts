// `npm run build:plan`: the parts of a build in parts (src/lib/parts/scope.ts), each year with its articles, its
// key and whether its last build is still good. Brings the catalogues up to date on the way. With `--github`
// (the archive workflow) it also writes the years to build, and every year, as JSON to $GITHUB_OUTPUT.
import { appendFileSync } from 'node:fs';
import { planParts } from '../src/lib/parts/parts-fs.ts';
import { siteToday } from '../src/lib/clock.ts';

const root = process.cwd();
const started = performance.now();
const { parts } = planParts(root, siteToday());
for (const p of parts)
  console.log(`${p.year}  ${String(p.articles).padStart(6)} articles  ${p.key}  ${p.upToDate ? 'up to date' : 'to build'}`);
const stale = parts.filter((p) => !p.upToDate).map((p) => p.year);
console.log(`${parts.length} part(s), ${stale.length} to build, planned in ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (process.argv.includes('--github')) {
  const output = process.env['GITHUB_OUTPUT'];
  if (!output) throw new Error('--github: GITHUB_OUTPUT is not set (run it in a GitHub Actions step)');
  appendFileSync(
    output,
    `stale=${JSON.stringify(stale)}\nyears=${JSON.stringify(parts.map((p) => p.year))}\nkeys=${JSON.stringify(Object.fromEntries(parts.map((p) => [p.year, p.key])))}\n`,
  );
}
