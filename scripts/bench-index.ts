// Search-index benchmark at archive scale: generates the realistic synthetic archive (see bench.ts), builds
// its search index exactly as `astro build` does (the search-index worker, shard by shard, cold cache) in a
// process of its own, sampling that process tree's peak memory; then adds one day's edition and re-indexes
// (warm cache: only changed shards are indexed again); then measures a reader's first search in Chromium on
// the real search page of a site built by `npm run bench -- --keep` (`--page-from`), given this archive's
// shard list: every request of one query, cold cache.
// Results: bench/results/search-index-<N>.json.
// Usage: npm run bench:index -- --articles 250000 [--seed N] [--text print|sample] [--reuse] [--page-from bench/.out/archive-10000/dist]
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SYNTHETIC_NOW, syntheticArchive } from '../tools/bench/synthetic.ts';
import { NOW_SETTING, siteToday } from '../src/lib/clock.ts';
import { archiveText, type ArchiveText } from '../tools/bench/dictionary-fs.ts';
import { sampleProcessTree } from '../tools/bench/process-tree-fs.ts';
import { firstSearches } from '../tools/bench/first-search-fs.ts';
import { folderStats, nextEditionDate } from '../tools/bench/archive-fs.ts';
import { shardPlan } from '../src/lib/search/index-records.ts';
import { runWorker } from '../src/integrations/worker.ts';
import type { SearchIndexJob, SearchIndexResult } from '../src/integrations/search-index-worker.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '250000' },
    seed: { type: 'string', default: '20220419' },
    text: { type: 'string', default: 'print' },
    reuse: { type: 'boolean', default: false },
    'page-from': { type: 'string' },
    // Internal: run one indexing job (JSON) in this process, for the parent to measure.
    job: { type: 'string' },
  },
});
const root = process.cwd();
// The synthetic archive runs past today: it is built as on a day after its last edition (SITE_NOW, inherited by the builds).
process.env[NOW_SETTING] ??= SYNTHETIC_NOW;

if (values.job) {
  const job: SearchIndexJob = { ...(JSON.parse(values.job) as Omit<SearchIndexJob, 'reads'>), reads: new Map() };
  const result = await runWorker<SearchIndexJob, SearchIndexResult>(join(root, 'src/integrations/search-index-worker.ts'), job);
  console.log(JSON.stringify(result));
  process.exit(0);
}

const articles = Number(values.articles);
const dir = join(root, 'bench/.out', `index-${articles}`);
const contentFromRoot = join('bench/.out', `index-${articles}`, 'content');
const started = performance.now();
const progress = (message: string) =>
  process.stderr.write(`[bench:index ${((performance.now() - started) / 1000).toFixed(0).padStart(5)}s] ${message}\n`);
const MB = 1024 * 1024;
const { vocab, dictionary } = archiveText(root, values.text as ArchiveText);

function write(files: Iterable<{ path: string; source: string }>): number {
  let made = 0;
  for (const file of files) {
    const path = join(dir, 'content', file.path);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, file.source);
    if (file.path.endsWith('.md') && ++made % 25_000 === 0) progress(`generated ${made} articles`);
  }
  return made;
}

if (!values.reuse || !existsSync(join(dir, 'content'))) {
  rmSync(dir, { recursive: true, force: true });
  progress(`generating ${articles} articles`);
  write(syntheticArchive(vocab, { articles, seed: Number(values.seed), dictionary }));
}
rmSync(join(dir, 'cache'), { recursive: true, force: true });

/** Indexes the archive in a child process as the build's worker does; wall time, peak memory of its tree, shards. */
function index(label: string): Promise<{ seconds: number; peakMb: number; cpuSeconds: number; shards: SearchIndexResult['shards'] }> {
  const staging = join(dir, 'staging');
  rmSync(staging, { recursive: true, force: true });
  // No content check ran before: the worker reads every file itself (a build hands it the check's reads).
  const job: Omit<SearchIndexJob, 'reads'> = {
    root,
    base: '/',
    today: siteToday(),
    stagingDir: staging,
    cacheDir: join(dir, 'cache'),
    scope: { kind: 'whole' },
    otherDates: [],
  };
  progress(`${label}: indexing`);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(root, 'scripts/bench-index.ts'), '--job', JSON.stringify(job)], {
      cwd: root,
      // As `npm run build` runs it (package.json), with the archive as the content folder.
      env: {
        ...process.env,
        CONTENT_DIR: contentFromRoot,
        _RJEM_MALLOC_CONF: 'dirty_decay_ms:0,muzzy_decay_ms:0',
        NODE_OPTIONS: '--max-semi-space-size=16',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const sampler = sampleProcessTree(child.pid!);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      const usage = sampler.stop();
      if (code !== 0) return reject(new Error(`${label} failed (exit ${code})`));
      const result = JSON.parse(out.trim().split('\n').at(-1)!) as SearchIndexResult;
      resolve({
        seconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
        peakMb: Math.round(usage.peakRssBytes / MB),
        cpuSeconds: Number(usage.cpuSeconds.toFixed(1)),
        shards: result.shards,
      });
    });
  });
}

const full = await index('clean index');
progress(`clean index: ${full.seconds} s, ${full.peakMb} MB peak, ${full.shards.length} shards`);

// One more day's edition, as a newsroom publishes it.
const next = nextEditionDate(join(dir, 'content'));
write(syntheticArchive(vocab, { articles: 50, seed: Number(values.seed) + 1, start: next, perDay: 50, dictionary }));
const daily = await index(`daily re-index (+1 edition, ${next})`);
const reindexed = daily.shards.filter((s) => !s.reused);
progress(`daily re-index: ${daily.seconds} s, re-indexed ${reindexed.map((s) => `${s.dir} (${s.pages} articles)`).join(', ')}`);

const indexMb = Number((folderStats(join(dir, 'staging')).bytes / MB).toFixed(1));

// A reader's first search on the real search page, given this archive's shards.
let firstSearch: Record<string, unknown> | undefined;
if (values['page-from']) {
  const from = join(root, values['page-from']);
  const site = join(dir, 'site');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(join(site, 'search'), { recursive: true });
  for (const name of readdirSync(join(dir, 'staging'))) cpSync(join(dir, 'staging', name), join(site, name), { recursive: true });
  cpSync(join(from, '_astro'), join(site, '_astro'), { recursive: true });
  const dates = readdirSync(join(dir, 'content'), { recursive: true })
    .map(String)
    .filter((p) => p.endsWith('edition.yaml'))
    .flatMap((p) => {
      const date = p.slice(0, 10).replaceAll('/', '-');
      const count = readdirSync(join(dir, 'content', p, '..')).filter((n) => n.endsWith('.md')).length;
      return Array<string>(count).fill(date);
    });
  // As src/pages/search.astro lists them.
  const shards = shardPlan(dates).map((s) => ({
    url: `/${s.dir}/`,
    year: `${s.year}年`,
    ...(s.months ? { months: s.months.map((m) => `${Number(m)}月`) } : {}),
  }));
  const page = readFileSync(join(from, 'search/index.html'), 'utf8').replace(
    /data-shards="[^"]*"/,
    `data-shards="${JSON.stringify(shards).replaceAll('"', '&quot;')}"`,
  );
  writeFileSync(join(site, 'search/index.html'), page);
  firstSearch = await firstSearches(site, progress);
}

const result = {
  articles,
  seed: Number(values.seed),
  text: values.text,
  date: new Date().toISOString().slice(0, 10),
  node: process.version,
  clean: { seconds: full.seconds, cpuSeconds: full.cpuSeconds, peakMb: full.peakMb, shards: full.shards.length },
  indexMb,
  daily: {
    seconds: daily.seconds,
    peakMb: daily.peakMb,
    reindexed: reindexed.map((s) => ({ dir: s.dir, articles: s.pages })),
    reused: daily.shards.length - reindexed.length,
  },
  firstSearch,
};
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, `bench/results/search-index-${articles}.json`), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
