// Build benchmark: generates a deterministic synthetic archive of N articles (out of content/), builds it
// with the project and with the framework's floor (bare Astro, one page per article, then Pagefind),
// and reports per phase wall time, CPU time and peak memory, pages per second and output size.
// Results: bench/results/build.json (merged across runs) and bench/results/build.svg.
// Usage: npm run bench -- --articles 1000[,10000,…] [--seed N] [--no-floor] [--keep]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { syntheticArchive, vocabulary } from '../src/lib/bench/synthetic.ts';
import { sampleProcessTree, usageBetween } from '../src/lib/bench/process-tree.ts';
import { projectPhases, splitPhases, type LogLine, type PhaseMarker } from '../src/lib/bench/phases.ts';
import { benchmarkChart } from '../src/lib/bench/chart.ts';
import { readContent } from '../src/lib/content-files.ts';
import { markdownToText } from '../src/lib/search/records.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '20220419' },
    'no-floor': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const root = process.cwd();
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

/** Runs a command, timestamps its log lines, samples its process tree, and splits it into phases. */
function measure(label: string, command: string, args: string[], env: Record<string, string>, markers: PhaseMarker[]): Promise<Measured> {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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
      if (code !== 0) {
        reject(new Error(`${label} failed (exit ${code}):\n${lines.slice(-30).map((l) => l.text).join('\n')}`));
        return;
      }
      const phases = splitPhases(lines, markers, end).map((p) => {
        const u = usageBetween(usage.samples, p.start, p.end);
        return { name: p.name, wallSeconds: round((p.end - p.start) / 1000), cpuSeconds: u.cpuSeconds, peakMb: Math.round(u.peakRssBytes / MB) };
      });
      resolvePromise({ wallSeconds: round(end / 1000), cpuSeconds: round(usage.cpuSeconds), peakMb: Math.round(usage.peakRssBytes / MB), phases });
    });
  });
}

const round = (n: number) => Number(n.toFixed(2));

function folderStats(dir: string): { bytes: number; files: number; pages: number } {
  let bytes = 0;
  let files = 0;
  let pages = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    if (entry.name.endsWith('.html')) pages++;
  }
  return { bytes, files, pages };
}

const astro = join(root, 'node_modules/astro/bin/astro.mjs');
const pagefindBin = join(root, 'node_modules/.bin/pagefind');
const sample = readContent(root);
const vocab = vocabulary(sample.articles.map((a) => `${a.data.title}\n${markdownToText(a.body)}`).join('\n'));
const resultsFile = join(root, 'bench/results/build.json');
const results: Record<string, unknown>[] = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')).runs : [];

for (const articles of values.articles.split(',').map(Number)) {
  const dir = join(root, 'bench/.out', `archive-${articles}`);
  const contentDir = join(dir, 'content');
  const contentDirFromRoot = join('bench/.out', `archive-${articles}`, 'content');
  rmSync(dir, { recursive: true, force: true });
  progress(`generating ${articles} articles`);
  let made = 0;
  for (const file of syntheticArchive(vocab, { articles, seed: Number(values.seed) })) {
    const path = join(contentDir, file.path);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, file.source);
    if (file.path.endsWith('.md') && ++made % 5000 === 0) progress(`generated ${made} articles`);
  }
  const sourceBytes = folderStats(contentDir).bytes;

  progress(`building the project (${articles} articles)`);
  const projectOut = join(dir, 'dist');
  const project = await measure('project', process.execPath, [astro, 'build', '--outDir', projectOut], { CONTENT_DIR: contentDirFromRoot }, projectPhases);
  const projectStats = folderStats(projectOut);
  const rendering = project.phases.find((p) => p.name === 'page rendering');

  let floor: (Measured & { astro: Measured; pagefind: Measured; bytes: number }) | undefined;
  if (!values['no-floor']) {
    progress('building the floor: bare Astro');
    const floorOut = join(dir, 'floor-dist');
    const floorAstro = await measure('floor astro', process.execPath, [astro, 'build', '--root', 'bench/floor', '--outDir', floorOut], { CONTENT_DIR: contentDir }, [
      { name: 'content sync', pattern: /\[content\] (Syncing|Loading) content/ },
      { name: 'page rendering', pattern: /generating static routes/ },
    ]);
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

  const run = {
    articles,
    seed: Number(values.seed),
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    project: {
      ...project,
      pages: projectStats.pages,
      pagesPerSecond: rendering ? Math.round(projectStats.pages / rendering.wallSeconds) : undefined,
      outputMb: round(projectStats.bytes / MB),
      files: projectStats.files,
    },
    floor: floor && { wallSeconds: floor.wallSeconds, cpuSeconds: floor.cpuSeconds, peakMb: floor.peakMb, astro: floor.astro, pagefind: floor.pagefind, outputMb: round(floor.bytes / MB) },
    ratio: floor ? round(project.wallSeconds / floor.wallSeconds) : undefined,
    sourceMb: round(sourceBytes / MB),
  };
  const index = results.findIndex((r) => r['articles'] === articles);
  if (index >= 0) results[index] = run;
  else results.push(run);
  results.sort((a, b) => (a['articles'] as number) - (b['articles'] as number));
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify({ machine: '2 cores, 24 GB (see README)', runs: results }, null, 2)}\n`);
  writeFileSync(
    join(root, 'bench/results/build.svg'),
    benchmarkChart(
      results.map((r) => {
        const p = r['project'] as Measured;
        const f = r['floor'] as Measured | undefined;
        return { articles: r['articles'] as number, projectSeconds: p.wallSeconds, projectPeakMb: p.peakMb, floorSeconds: f?.wallSeconds, floorPeakMb: f?.peakMb };
      }),
    ),
  );
  progress(`done: project ${project.wallSeconds}s, ${project.peakMb} MB peak; floor ${floor?.wallSeconds ?? '–'}s, ${floor?.peakMb ?? '–'} MB; ratio ${run.ratio ?? '–'}`);
  console.log(JSON.stringify({ articles, project: { wallSeconds: project.wallSeconds, peakMb: project.peakMb, phases: project.phases }, floor: floor && { wallSeconds: floor.wallSeconds, peakMb: floor.peakMb }, ratio: run.ratio }, null, 2));
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
