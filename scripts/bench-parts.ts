// Benchmark of the build in parts (src/lib/parts/scope.ts) on the realistic synthetic archive (see bench.ts):
// every year built by `npm run build:part` one after another (as a CI matrix of one runner would), then
// `npm run build:assemble`, each in a process of its own whose tree's peak memory is sampled; the assembled
// site's size, its largest reader page of each kind, and a reader's first search in Chromium; then one more day's
// edition published as the archive workflow does it (plan, the current year's part, the assembly), with the
// files of dist/ that changed. Optionally (`--check`, or `--check-only` on the dist/ of an earlier run) the
// assembled site's links, feeds and sitemaps, with the tests' own checks.
// Results: bench/results/parts-<N>.json (parts-<N>-check.json for --check-only).
// Usage: npm run bench:parts -- --articles 250000 [--per-day 46] [--seed N] [--reuse] [--check] [--daily-only] [--check-only]
//        [--parts 2015,2029[,assemble]] (those parts only, and the assembly, built again on the archive of an earlier run)
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { SYNTHETIC_NOW, syntheticArchive } from '../tools/bench/synthetic.ts';
import { NOW_SETTING } from '../src/lib/clock.ts';
import { archiveText } from '../tools/bench/dictionary-fs.ts';
import { sampleProcessTree } from '../tools/bench/process-tree-fs.ts';
import { largestPages } from '../tools/bench/readers.ts';
import { firstSearches } from '../tools/bench/first-search-fs.ts';
import { folderStats, nextEditionDate } from '../tools/bench/archive-fs.ts';
import { isPartOutput } from '../src/lib/parts/scope.ts';
import { toPosix } from '../src/lib/util/posix-path.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '250000' },
    'per-day': { type: 'string', default: '46' },
    seed: { type: 'string', default: '20220419' },
    reuse: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    // With the parts and dist/ of an earlier run in place: only the largest pages and the daily publish.
    'daily-only': { type: 'boolean', default: false },
    // With dist/ of an earlier run in place: only the checks (bench/results/parts-<N>-check.json).
    'check-only': { type: 'boolean', default: false },
    // With the archive of an earlier run in place: only these years' parts, built again from nothing, and with
    // `assemble` in the list the assembly (parts-<N>-some.json).
    parts: { type: 'string' },
  },
});
const dailyOnly = values['daily-only'];
const checkOnly = values['check-only'];
const root = process.cwd();
// The synthetic archive runs past today: it is built as on a day after its last edition (SITE_NOW, inherited by the builds).
process.env[NOW_SETTING] ??= SYNTHETIC_NOW;
const articles = Number(values.articles);
const perDay = Number(values['per-day']);
const seed = Number(values.seed);
const dir = join(root, 'bench/.out', `parts-${articles}`);
const fromRoot = (path: string) => relative(root, path);
const content = join(dir, 'content');
const partsDir = join(dir, 'parts');
const dist = join(dir, 'dist');
const logs = join(dir, 'logs');
const started = performance.now();
const progress = (message: string) =>
  process.stderr.write(`[bench:parts ${((performance.now() - started) / 1000).toFixed(0).padStart(5)}s] ${message}\n`);
const MB = 1024 * 1024;
const { vocab, dictionary } = archiveText(root, 'print');

function write(files: Iterable<{ path: string; source: string }>): number {
  let made = 0;
  for (const file of files) {
    const path = join(content, file.path);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, file.source);
    if (file.path.endsWith('.md') && ++made % 25_000 === 0) progress(`generated ${made} articles`);
  }
  return made;
}

/** The tests' checks of links, feeds and sitemaps (tools/site-check/site-check-fs.ts), on the assembled site. */
async function siteChecks(): Promise<Record<string, unknown> & { passed: boolean }> {
  progress('checking links, feeds and sitemaps of the assembled site');
  const { checkSite } = await import('../tools/site-check/site-check-fs.ts');
  try {
    const result = checkSite({ out: dist, base: '/', origin: 'https://example.org' }, progress);
    progress(`checks ${result.passed ? 'passed' : 'FAILED'} in ${result.seconds} s`);
    return result;
  } catch (error) {
    // Recorded, so that the daily publish is still measured.
    progress(`the checks could not run: ${String(error)}`);
    return { error: String(error), passed: false };
  }
}

if (checkOnly) {
  const checks = {
    articles,
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    site: folderStats(dist),
    ...(await siteChecks()),
  };
  writeFileSync(join(root, `bench/results/parts-${articles}-check.json`), `${JSON.stringify(checks, null, 2)}\n`);
  console.log(JSON.stringify(checks, null, 2));
  process.exit(checks.passed ? 0 : 1);
}

if (!dailyOnly && !values.parts && (!values.reuse || !existsSync(content))) {
  rmSync(dir, { recursive: true, force: true });
  progress(`generating ${articles} articles, ${perDay} a day`);
  write(syntheticArchive(vocab, { articles, seed, perDay, dictionary }));
}
if (!dailyOnly && !values.parts) {
  rmSync(partsDir, { recursive: true, force: true });
  rmSync(dist, { recursive: true, force: true });
}
mkdirSync(logs, { recursive: true });

interface Run {
  seconds: number;
  peakMb: number;
  cpuSeconds: number;
}

/** Runs an npm script's file in a process of its own, as `npm run` would, with the archive's settings. */
function run(label: string, script: string, args: string[]): Promise<Run & { log: string }> {
  progress(`${label}: started`);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(root, script), ...args], {
      cwd: root,
      env: {
        ...process.env,
        CONTENT_DIR: fromRoot(content),
        SITE_PARTS_DIR: fromRoot(partsDir),
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const sampler = sampleProcessTree(child.pid!);
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('exit', (code) => {
      const usage = sampler.stop();
      writeFileSync(join(logs, `${label.replaceAll(/[^\w-]+/g, '-')}.log`), log);
      if (code !== 0) return reject(new Error(`${label} failed (exit ${code}):\n${log.slice(-3000)}`));
      const result = {
        seconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
        peakMb: Math.round(usage.peakRssBytes / MB),
        cpuSeconds: Number(usage.cpuSeconds.toFixed(1)),
        log,
      };
      progress(`${label}: ${result.seconds} s, ${result.peakMb} MB peak`);
      resolve(result);
    });
  });
}

const years = readdirSync(content)
  .filter((n) => /^\d{4}$/.test(n))
  .sort();
const parts: (Run & { year: string; articles: number })[] = [];
const again = values.parts?.split(',');
for (const year of dailyOnly ? [] : (again?.filter((y) => y !== 'assemble') ?? years)) {
  // From nothing, as in a full run: no Astro cache, no catalogue.
  if (again) rmSync(join(partsDir, year), { recursive: true, force: true });
  const { log, ...measured } = await run(`part ${year}`, 'scripts/build-part.ts', [year]);
  parts.push({ year, articles: Number(/done: (\d+) articles/.exec(log)?.[1] ?? 0), ...measured });
}
if (again) {
  const { log: _log, ...assembly } = again.includes('assemble')
    ? await run('assembly', 'scripts/build-assemble.ts', [fromRoot(dist)])
    : { log: '' };
  const some = { articles, date: new Date().toISOString().slice(0, 10), node: process.version, parts, assembly };
  writeFileSync(join(root, `bench/results/parts-${articles}-some.json`), `${JSON.stringify(some, null, 2)}\n`);
  console.log(JSON.stringify(some, null, 2));
  process.exit(0);
}
const { log: _assemblyLog, ...assembly } = dailyOnly
  ? { log: '', seconds: 0, peakMb: 0, cpuSeconds: 0 }
  : await run('assembly', 'scripts/build-assemble.ts', [fromRoot(dist)]);
const site = folderStats(dist);
const partsOnDisk = folderStats(partsDir);

progress('largest reader pages');
const pages = (readdirSync(dist, { recursive: true }) as string[]).filter((p) => p.endsWith('index.html')).map((p) => toPosix(p));
const largest = largestPages(pages.map((path) => ({ path, read: () => readFileSync(join(dist, path)) })));

const firstSearch = dailyOnly ? {} : await firstSearches(dist, progress);

let checks: Record<string, unknown> | undefined;
if (values.check && !dailyOnly) checks = await siteChecks();

// One more day's edition, published as the archive workflow does it: plan, the parts out of date, the assembly.
const next = nextEditionDate(content);
const current = next.slice(0, 4);
/** Each file's identity (inode, size, time) and, for those a day's publish may touch, its content hash. */
const fileStates = (hashAll: boolean) => {
  const states = new Map<string, { id: string; hash?: string }>();
  for (const entry of readdirSync(dist, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const path = toPosix(relative(dist, file));
    const stat = statSync(file);
    const id = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    const untouchedPart = years.some(
      (y) => y !== current && isPartOutput(path, y) && !path.startsWith('_astro/') && !path.startsWith('pagefind/'),
    );
    states.set(path, { id, ...(hashAll || !untouchedPart ? { hash: createHash('sha1').update(readFileSync(file)).digest('hex') } : {}) });
  }
  return states;
};
progress('hashing dist/ before the daily publish');
const before = fileStates(false);
write(syntheticArchive(vocab, { articles: perDay, seed: seed + 1, start: next, perDay, dictionary }));
const { log: planLog, ...plan } = await run('daily plan', 'scripts/build-plan.ts', []);
const stale = [...planLog.matchAll(/^(\d{4}) .* to build$/gm)].map((m) => m[1]!);
const dailyParts: (Run & { year: string })[] = [];
for (const year of stale) {
  const { log: _log, ...measured } = await run(`daily part ${year}`, 'scripts/build-part.ts', [year]);
  dailyParts.push({ year, ...measured });
}
const { log: _dailyAssemblyLog, ...dailyAssembly } = await run('daily assembly', 'scripts/build-assemble.ts', [fromRoot(dist)]);
const after = new Map<string, string>();
let changed = 0;
let added = 0;
for (const entry of readdirSync(dist, { withFileTypes: true, recursive: true })) {
  if (!entry.isFile()) continue;
  const file = join(entry.parentPath, entry.name);
  const path = toPosix(relative(dist, file));
  const stat = statSync(file);
  const old = before.get(path);
  after.set(path, '');
  if (!old) added++;
  else if (
    old.id !== `${stat.ino}:${stat.size}:${stat.mtimeMs}` &&
    (old.hash === undefined || old.hash !== createHash('sha1').update(readFileSync(file)).digest('hex'))
  )
    changed++;
}
const removed = [...before.keys()].filter((p) => !after.has(p)).length;
progress(`daily publish: parts ${stale.join(', ') || 'none'} rebuilt; ${added} files added, ${changed} changed, ${removed} removed`);

const result = {
  articles,
  perDay,
  seed,
  date: new Date().toISOString().slice(0, 10),
  node: process.version,
  parts,
  partsTotal: {
    seconds: Number(parts.reduce((n, p) => n + p.seconds, 0).toFixed(1)),
    maxPeakMb: Math.max(0, ...parts.map((p) => p.peakMb)),
  },
  assembly,
  site: { files: site.files, pages: site.pages, gb: Number((site.bytes / 1024 ** 3).toFixed(2)) },
  partsOnDisk: { files: partsOnDisk.files, gb: Number((partsOnDisk.bytes / 1024 ** 3).toFixed(2)) },
  largestPages: largest,
  firstSearch,
  checks,
  daily: {
    edition: next,
    plan,
    parts: dailyParts,
    assembly: dailyAssembly,
    seconds: Number((plan.seconds + dailyParts.reduce((n, p) => n + p.seconds, 0) + dailyAssembly.seconds).toFixed(1)),
    files: { added, changed, removed },
  },
};
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, `bench/results/parts-${articles}${dailyOnly ? '-daily' : ''}.json`), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
