// Build benchmark: generates a deterministic synthetic archive of N articles (out of content/), builds it
// with the project and with the framework's floor (bare Astro, one page per article, then Pagefind),
// and reports per phase wall time, CPU time and peak memory, pages per second and output size.
// Results: bench/results/build.json (merged across runs) and bench/results/build.svg.
// With --daily it then adds one day's edition of 30 articles and rebuilds (incremental), and checks the
// result is byte-identical to a clean build of the same content. With --deploy as well, it publishes the first
// build and then the daily rebuild with `npm run deploy` to an S3-compatible server on loopback (s3rver), and
// reports what the day's publish uploads.
// The archive's text reads like the printed paper (`--text print`, the default: see syntheticArchive's
// `dictionary`); `--text sample` gives the earlier archive of short bodies in the sample's vocabulary.
// `--correspondents N` signs the articles with N correspondents besides the 60 staff reporters (340 unless said).
// `--page-pdfs DAYS` gives the newest DAYS editions (and the daily one) a page PDF per 版 (tools/bench/page-pdf.ts),
// so the build makes their page views, and reports what a page costs to read, render and locate.
// Usage: npm run bench -- --articles 1000[,10000,…] [--seed N] [--text print|sample] [--correspondents N] [--page-pdfs DAYS] [--no-floor] [--daily [--deploy]] [--keep]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SYNTHETIC_NOW, syntheticArchive } from '../tools/bench/synthetic.ts';
import { NOW_SETTING } from '../src/lib/clock.ts';
import { archiveText, type ArchiveText } from '../tools/bench/dictionary-fs.ts';
import { sampleProcessTree, usageBetween } from '../tools/bench/process-tree-fs.ts';
import { projectPhases, splitPhases, type LogLine, type PhaseMarker } from '../tools/bench/phases.ts';
import { benchmarkChart } from '../tools/bench/chart.ts';
import { buildCommand } from '../tools/bench/build-command.ts';
import { largestPages, measureTransfer } from '../tools/bench/readers.ts';
import { folderStats, nextEditionDate } from '../tools/bench/archive-fs.ts';
import { launchChromium } from '../tools/browser.ts';
import { addPagePdfs, summarisePageCosts } from '../tools/bench/page-pdfs-fs.ts';
import { serveStatic } from '../tools/static-server-fs.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '20220419' },
    'no-floor': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    daily: { type: 'boolean', default: false },
    deploy: { type: 'boolean', default: false },
    text: { type: 'string', default: 'print' },
    correspondents: { type: 'string' },
    'page-pdfs': { type: 'string', default: '0' },
  },
});
const root = process.cwd();
// The synthetic archive runs past today: it is built as on a day after its last edition (SITE_NOW, inherited by the builds).
process.env[NOW_SETTING] ??= SYNTHETIC_NOW;
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)}s`.padStart(5);
const progress = (message: string) => process.stderr.write(`[bench ${elapsed()}] ${message}\n`);
const MB = 1024 * 1024;

interface Measured {
  wallSeconds: number;
  cpuSeconds: number;
  peakMb: number;
  phases: { name: string; wallSeconds: number; cpuSeconds: number; peakMb: number }[];
}

/** Build logs of the last run, by label: written next to the archive with --keep, for a closer look. */
const logs = new Map<string, string>();

/** Runs a command, timestamps its log lines, samples its process tree, and splits it into phases. */
function measure(label: string, command: string, args: string[], env: Record<string, string>, markers: PhaseMarker[]): Promise<Measured> {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const sampler = sampleProcessTree(child.pid!);
    const lines: LogLine[] = [];
    let tail = '';
    let next = 0;
    const onData = (chunk: Buffer) => {
      const text = tail + chunk.toString();
      const parts = text.split('\n');
      tail = parts.pop() ?? '';
      for (const line of parts) {
        lines.push({ at: performance.now() - t0, text: line });
        if (next < markers.length && markers[next]!.pattern.test(line)) progress(`${label}: ${markers[next++]!.name}`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code) => {
      const usage = sampler.stop();
      const end = performance.now() - t0;
      logs.set(label, lines.map((l) => `${(l.at / 1000).toFixed(2).padStart(8)} ${l.text}`).join('\n'));
      if (code !== 0) {
        reject(
          new Error(
            `${label} failed (exit ${code}):\n${lines
              .slice(-30)
              .map((l) => l.text)
              .join('\n')}`,
          ),
        );
        return;
      }
      const phases = splitPhases(lines, markers, end).map((p) => {
        const u = usageBetween(usage.samples, p.start, p.end);
        return {
          name: p.name,
          wallSeconds: round((p.end - p.start) / 1000),
          cpuSeconds: u.cpuSeconds,
          peakMb: Math.round(u.peakRssBytes / MB),
        };
      });
      resolvePromise({
        wallSeconds: round(end / 1000),
        cpuSeconds: round(usage.cpuSeconds),
        peakMb: Math.round(usage.peakRssBytes / MB),
        phases,
      });
    });
  });
}

const round = (n: number) => Number(n.toFixed(2));

/** The search index's own report in a build log: its worker's time (it runs beside the rest of the build) and shards. */
function searchIndexLine(log: string): { seconds: number; shards: number; reused: number } | undefined {
  const m = /indexed \d+ articles in (\d+) shard\(s\), (\d+) reused unchanged, in ([\d.]+) s/.exec(log);
  return m ? { seconds: Number(m[3]), shards: Number(m[1]), reused: Number(m[2]) } : undefined;
}

/** Files that differ between two output folders (missing on either side, or different bytes). */
function compareTrees(a: string, b: string): string[] {
  const list = (dir: string) =>
    new Set(
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(dir.length + 1)),
    );
  const left = list(a);
  const right = list(b);
  const differing = [...new Set([...left, ...right])].filter(
    (p) => !left.has(p) || !right.has(p) || !readFileSync(join(a, p)).equals(readFileSync(join(b, p))),
  );
  return differing.sort();
}

/** Publishes `dir` with scripts/deploy.ts to the loopback bucket; its summary line parsed. */
async function publish(
  dir: string,
  endpoint: string,
): Promise<{ uploaded: number; uploadedMb: number; skipped: number; deleted: number; seconds: number }> {
  const child = spawn(process.execPath, [join(root, 'scripts/deploy.ts'), 's3://bench', '--dir', dir], {
    cwd: root,
    env: {
      ...process.env,
      AWS_ENDPOINT_URL_S3: endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      BASE_PATH: '/',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const m = /: (\d+) uploaded \(([\d.]+) MB\), (\d+) skipped, (\d+) deleted, in ([\d.]+) s/.exec(log);
  if (code !== 0 || !m) throw new Error(`deploy failed:\n${log}`);
  return { uploaded: Number(m[1]), uploadedMb: Number(m[2]), skipped: Number(m[3]), deleted: Number(m[4]), seconds: Number(m[5]) };
}

const astro = join(root, 'node_modules/astro/bin/astro.mjs');
// The project is built as `npm run build` builds it (its environment settings included); the floor with Astro's defaults.
const build = buildCommand(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.build);
const pagefindBin = join(root, 'node_modules/.bin/pagefind');
const { vocab, dictionary } = archiveText(root, values.text as ArchiveText);
// With --correspondents N (thousands of people, as a long-lived paper prints) the run is written beside the main table's.
const correspondents = values.correspondents === undefined ? undefined : Number(values.correspondents);
const resultsFile = join(
  root,
  correspondents === undefined ? 'bench/results/build.json' : `bench/results/build-correspondents-${correspondents}.json`,
);
const results: Record<string, unknown>[] = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')).runs : [];

for (const articles of values.articles.split(',').map(Number)) {
  const dir = join(root, 'bench/.out', `archive-${articles}`);
  const contentDir = join(dir, 'content');
  const contentDirFromRoot = join('bench/.out', `archive-${articles}`, 'content');
  rmSync(dir, { recursive: true, force: true });
  progress(`generating ${articles} articles`);
  let made = 0;
  for (const file of syntheticArchive(vocab, { articles, seed: Number(values.seed), dictionary, correspondents })) {
    const path = join(contentDir, file.path);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, file.source);
    if (file.path.endsWith('.md') && ++made % 5000 === 0) progress(`generated ${made} articles`);
  }
  const pageDays = Number(values['page-pdfs']);
  let pagePdfs: ReturnType<typeof summarisePageCosts> | undefined;
  if (pageDays > 0) {
    progress(`page PDFs for the newest ${pageDays} editions`);
    pagePdfs = summarisePageCosts(await addPagePdfs(contentDir, pageDays));
    progress(`page PDFs: ${JSON.stringify(pagePdfs)}`);
  }
  const sourceBytes = folderStats(contentDir).bytes;

  progress(`building the project (${articles} articles)`);
  const projectOut = join(dir, 'dist');
  const projectEnv = { ...build.env, CONTENT_DIR: contentDirFromRoot, ASTRO_CACHE_DIR: join(dir, 'cache') };
  const project = await measure('project', process.execPath, [astro, ...build.args, '--outDir', projectOut], projectEnv, projectPhases);
  const projectStats = folderStats(projectOut);
  const searchIndex = searchIndexLine(logs.get('project') ?? '');
  const rendering = project.phases.find((p) => p.name === 'page rendering');

  progress('measuring what readers download');
  const readers = await (async () => {
    const server = await serveStatic(projectOut);
    const browser = await launchChromium();
    try {
      const firstArticle = readdirSync(
        join(
          projectOut,
          readdirSync(projectOut)
            .filter((n) => /^\d{4}$/.test(n))
            .sort()
            .at(-1)!,
        ),
        { recursive: true },
      )
        .map(String)
        .filter((p) => /^\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(p))
        .sort()[0]!;
      const year = readdirSync(projectOut)
        .filter((n) => /^\d{4}$/.test(n))
        .sort()
        .at(-1)!;
      const article = await measureTransfer(browser, `${server.url}${year}/${firstArticle.replace(/index\.html$/, '')}`);
      // A first search in a fresh browser: for a word in a third of all articles, and for a rarer one.
      const common = await measureTransfer(browser, `${server.url}search/?q=${encodeURIComponent('交警')}`, '.search-result');
      const rarer = await measureTransfer(browser, `${server.url}search/?q=${encodeURIComponent('落水')}`, '.search-result');
      return {
        largestPages: largestPages(
          readdirSync(projectOut, { recursive: true })
            .map(String)
            .filter((p) => p.endsWith('index.html'))
            .map((path) => ({ path, read: () => readFileSync(join(projectOut, path)) })),
        ),
        articlePageKb: round(article.gzipBytes / 1024),
        articlePageScripts: article.scripts,
        firstSearchKb: { common: round(common.gzipBytes / 1024), rarer: round(rarer.gzipBytes / 1024) },
        firstSearchRequests: { common: common.requests, rarer: rarer.requests },
      };
    } finally {
      await browser.close();
      await server.close();
    }
  })();

  let floor: (Measured & { astro: Measured; pagefind: Measured; bytes: number }) | undefined;
  if (!values['no-floor']) {
    progress('building the floor: bare Astro');
    const floorOut = join(dir, 'floor-dist');
    const floorAstro = await measure(
      'floor astro',
      process.execPath,
      [astro, 'build', '--root', 'bench/floor', '--outDir', floorOut],
      { CONTENT_DIR: contentDir },
      [
        { name: 'content sync', pattern: /\[content\] (Syncing|Loading) content/ },
        { name: 'page rendering', pattern: /generating static routes/ },
      ],
    );
    progress('building the floor: Pagefind');
    const floorPagefind = await measure('floor pagefind', pagefindBin, ['--site', floorOut], {}, []);
    floor = {
      astro: floorAstro,
      pagefind: floorPagefind,
      wallSeconds: round(floorAstro.wallSeconds + floorPagefind.wallSeconds),
      cpuSeconds: round(floorAstro.cpuSeconds + floorPagefind.cpuSeconds),
      peakMb: Math.max(floorAstro.peakMb, floorPagefind.peakMb),
      phases: [],
      bytes: folderStats(floorOut).bytes,
    };
  }

  let daily: Record<string, unknown> | undefined;
  let bucket: { close(): Promise<void> } | undefined;
  let endpoint = '';
  let firstPublish: Awaited<ReturnType<typeof publish>> | undefined;
  if (values.daily && values.deploy) {
    const { default: S3rver } = await import('s3rver');
    const server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: join(dir, 's3'),
      configureBuckets: [{ name: 'bench', configs: [] }],
    });
    endpoint = `http://127.0.0.1:${(await server.run()).port}`;
    bucket = server;
    progress('publishing the build to a loopback S3 server');
    firstPublish = await publish(projectOut, endpoint);
  }
  if (values.daily) {
    const next = nextEditionDate(contentDir);
    for (const file of syntheticArchive(vocab, {
      articles: 30,
      seed: Number(values.seed) + 1,
      start: next,
      perDay: 60,
      dictionary,
      correspondents,
    })) {
      const path = join(contentDir, file.path);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, file.source);
    }
    const dailyPages = pageDays > 0 ? summarisePageCosts(await addPagePdfs(contentDir, 1)) : undefined;
    progress(`daily rebuild: one more edition (${next}, 30 articles)`);
    const rebuild = await measure(
      'daily rebuild',
      process.execPath,
      [astro, ...build.args, '--outDir', projectOut],
      projectEnv,
      projectPhases,
    );
    const rebuildIndex = searchIndexLine(logs.get('daily rebuild') ?? '');
    progress('daily rebuild: clean build of the same content, to compare');
    const cleanOut = join(dir, 'dist-clean');
    await measure(
      'clean build',
      process.execPath,
      [astro, ...build.args, '--outDir', cleanOut],
      { ...projectEnv, ASTRO_CACHE_DIR: join(dir, 'cache-clean') },
      projectPhases,
    );
    const differing = compareTrees(projectOut, cleanOut);
    let deploy: Record<string, unknown> | undefined;
    if (bucket) {
      progress('publishing the daily rebuild');
      deploy = { first: firstPublish, daily: await publish(projectOut, endpoint) };
      await bucket.close();
      progress(`daily publish: ${JSON.stringify(deploy['daily'])}`);
    }
    daily = {
      articlesAdded: 30,
      pagePdfs: dailyPages,
      deploy,
      ...rebuild,
      searchIndex: rebuildIndex,
      shareOfFullBuild: round(rebuild.wallSeconds / project.wallSeconds),
      identicalToCleanBuild: differing.length === 0,
      differingFiles: differing.slice(0, 20),
    };
    progress(
      `daily rebuild: ${rebuild.wallSeconds}s (${Math.round((rebuild.wallSeconds / project.wallSeconds) * 100)}% of the full build), ${differing.length === 0 ? 'identical to a clean build' : `${differing.length} files differ from a clean build`}`,
    );
  }

  const run = {
    articles,
    seed: Number(values.seed),
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    project: {
      ...project,
      pages: projectStats.pages,
      searchIndex,
      pagesPerSecond: rendering ? Math.round(projectStats.pages / rendering.wallSeconds) : undefined,
      outputMb: round(projectStats.bytes / MB),
      files: projectStats.files,
      readers,
    },
    floor: floor && {
      wallSeconds: floor.wallSeconds,
      cpuSeconds: floor.cpuSeconds,
      peakMb: floor.peakMb,
      astro: floor.astro,
      pagefind: floor.pagefind,
      outputMb: round(floor.bytes / MB),
    },
    ratio: floor ? round(project.wallSeconds / floor.wallSeconds) : undefined,
    daily,
    pagePdfs,
    sourceMb: round(sourceBytes / MB),
  };
  const index = results.findIndex((r) => r['articles'] === articles);
  if (index >= 0) results[index] = run;
  else results.push(run);
  results.sort((a, b) => (a['articles'] as number) - (b['articles'] as number));
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify({ machine: '2 cores, 24 GB (see docs/performance.md)', runs: results }, null, 2)}\n`);
  if (correspondents === undefined) {
    writeFileSync(
      join(root, 'bench/results/build.svg'),
      benchmarkChart(
        results.map((r) => {
          const p = r['project'] as Measured;
          const f = r['floor'] as Measured | undefined;
          return {
            articles: r['articles'] as number,
            projectSeconds: p.wallSeconds,
            projectPeakMb: p.peakMb,
            floorSeconds: f?.wallSeconds,
            floorPeakMb: f?.peakMb,
          };
        }),
      ),
    );
  }
  progress(
    `done: project ${project.wallSeconds}s, ${project.peakMb} MB peak; floor ${floor?.wallSeconds ?? '–'}s, ${floor?.peakMb ?? '–'} MB; ratio ${run.ratio ?? '–'}`,
  );
  console.log(
    JSON.stringify(
      {
        articles,
        project: { wallSeconds: project.wallSeconds, peakMb: project.peakMb, phases: project.phases },
        floor: floor && { wallSeconds: floor.wallSeconds, peakMb: floor.peakMb },
        ratio: run.ratio,
      },
      null,
      2,
    ),
  );
  if (values.keep) for (const [label, log] of logs) writeFileSync(join(dir, `${label.replaceAll(' ', '-')}.log`), `${log}\n`);
  else rmSync(dir, { recursive: true, force: true });
}
