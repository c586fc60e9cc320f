import { describe, expect, it } from 'vitest';
import { splitPhases, projectPhases } from '../tools/bench/phases.ts';
import { usageBetween } from '../tools/bench/process-tree-fs.ts';
import { benchmarkChart } from '../tools/bench/chart.ts';
import { buildCommand } from '../tools/bench/build-command.ts';
import { readFileSync } from 'node:fs';
import { createRandom, syntheticArchive } from '../tools/bench/synthetic.ts';
import { largestPages, pageKind } from '../tools/bench/readers.ts';
import { articleSchema, editionSchema } from '../src/lib/schema.ts';
import { parse } from 'yaml';

describe('benchmark phases', () => {
  it('splits a build log into phases in order, ignoring later patterns that match early lines', () => {
    const log = [
      '[content] Syncing content',
      '[build] ✓ Completed in 806ms.',
      '[build] Building static entrypoints...',
      ' generating static routes ',
      '✓ Completed in 306ms.',
      '[offline-downloads] 2 zip files',
      '[search-index] indexed 13 articles',
    ].map((text, i) => ({ at: (i + 1) * 1000, text }));
    expect(splitPhases(log, projectPhases, 8000).map((p) => [p.name, p.start, p.end])).toEqual([
      ['startup', 0, 1000],
      ['content sync', 1000, 3000],
      ['bundling', 3000, 4000],
      ['page rendering', 4000, 5000],
      ['downloads', 5000, 6000],
      ['search index (wait)', 6000, 7000],
      ['finishing', 7000, 8000],
    ]);
  });

  it('reports peak memory and CPU used within a phase', () => {
    const samples = [0, 100, 200, 300].map((at, i) => ({ at, rssBytes: [5, 9, 7, 3][i]!, cpuSeconds: i }));
    expect(usageBetween(samples, 100, 250)).toEqual({ peakRssBytes: 9, cpuSeconds: 2 });
  });
});

describe('synthetic archive', () => {
  const vocab: [string, number][] = [
    ['法院', 5],
    ['审理', 3],
    ['案件', 4],
    ['民警', 2],
  ];

  it('is deterministic and valid under the site schema', () => {
    const a = [...syntheticArchive(vocab, { articles: 50 })];
    const b = [...syntheticArchive(vocab, { articles: 50 })];
    expect(a).toEqual(b);
    const articles = a.filter((f) => f.path.endsWith('.md'));
    expect(articles).toHaveLength(50);
    for (const file of articles) articleSchema.parse(parse(file.source.split('---\n')[1]!));
    for (const file of a.filter((f) => f.path.endsWith('edition.yaml'))) editionSchema.parse(parse(file.source));
    expect(new Set(a.map((f) => f.path)).size).toBe(a.length);
  });

  it('draws bylines from a limited staff, as a real paper has', () => {
    const names = new Set(
      [...syntheticArchive(vocab, { articles: 2000 })]
        .filter((f) => f.path.endsWith('.md'))
        .flatMap((f) => (parse(f.source.split('---\n')[1]!) as { byline: string[] }).byline),
    );
    expect(names.size).toBeLessThanOrEqual(400);
  });

  it('writes bodies like printed pages when given a dictionary: real lengths, interviews, captions, valid under the schema', () => {
    const dictionary: [string, number][] = [
      ['的', 50],
      ['法律', 9],
      ['群众', 7],
      ['依法', 5],
      ['调解', 3],
      ['纠纷', 3],
      ['社区', 2],
      ['宣传', 2],
    ];
    const files = [...syntheticArchive(vocab, { articles: 400, dictionary })].filter((f) => f.path.endsWith('.md'));
    const data = files.map((f) => articleSchema.parse(parse(f.source.split('---\n')[1]!)));
    const lengths = files.map((f) => [...f.source.split('---\n')[2]!.replace(/\s/g, '')].length).sort((a, b) => a - b);
    const median = lengths[lengths.length >> 1]!;
    expect(median).toBeGreaterThan(450);
    expect(median).toBeLessThan(800);
    expect(lengths.at(-1)!).toBeGreaterThan(2500);
    expect(files.some((f) => f.source.includes('**问**:'))).toBe(true);
    expect(data.filter((d) => d.images.length > 0).length).toBeGreaterThan(40);
    expect(data.some((d) => d.kicker) && data.some((d) => d.subtitle)).toBe(true);
    // The same seed and dictionary, the same archive.
    expect([...syntheticArchive(vocab, { articles: 5, dictionary })]).toEqual([...syntheticArchive(vocab, { articles: 5, dictionary })]);
  });

  it('has a seedable random generator', () => {
    expect(createRandom(1)()).toBe(createRandom(1)());
    expect(createRandom(1)()).not.toBe(createRandom(2)());
  });
});

describe('benchmark chart', () => {
  it('draws both panels with a bar per measurement', () => {
    const svg = benchmarkChart([{ articles: 1000, projectSeconds: 40, floorSeconds: 16, projectPeakMb: 900, floorPeakMb: 600 }]);
    expect(svg).toMatch(/^<svg/);
    expect(svg.match(/<rect x=/g)?.length).toBeGreaterThanOrEqual(4);
    expect(svg).toContain('Full build time');
    expect(svg).toContain('Peak memory');
  });
});

describe('build command', () => {
  it('measures the build as package.json runs it, with its environment settings', () => {
    const script = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { build: string } }).scripts
      .build;
    const command = buildCommand(script);
    expect(command.args).toEqual(['build']);
    expect(command.env).toMatchObject({ MIMALLOC_ALLOW_THP: '0', NODE_OPTIONS: '--max-semi-space-size=16' });
    expect(buildCommand('astro build --silent')).toEqual({ env: {}, args: ['build', '--silent'] });
    expect(buildCommand('A=1 B= astro build')).toEqual({ env: { A: '1', B: '' }, args: ['build'] });
    expect(() => buildCommand('vite build')).toThrow(/astro/);
  });
});

describe('reader pages by kind', () => {
  it('tells each kind of page by its path', () => {
    const kinds = [
      'index.html',
      'archive/index.html',
      'archive/2022/index.html',
      'search/index.html',
      '2022/04/19/index.html',
      '2022/04/19/luo-shui/index.html',
      'county/index.html',
      'county/guantao/index.html',
      'byline/niumin/3/index.html',
      'byline/initial-z/index.html',
      'byline/initial-z/2/index.html',
      '404.html',
      'pagefind/pagefind.js',
    ].map(pageKind);
    expect(kinds).toEqual([
      'home',
      'archive',
      'archive year',
      'search',
      'edition',
      'article',
      'listing index',
      'listing',
      'listing',
      'people by initial',
      'people by initial',
      undefined,
      undefined,
    ]);
  });

  it('keeps the largest page of each kind', () => {
    const page = (path: string, size: number) => ({
      path,
      read: () =>
        new TextEncoder().encode(Array.from({ length: size }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 20000))).join('')),
    });
    const largest = largestPages([page('2022/04/19/a/index.html', 100), page('2022/04/19/b/index.html', 3000), page('index.html', 10)]);
    expect(Object.keys(largest).sort()).toEqual(['article', 'home']);
    expect(largest['article']!.path).toBe('2022/04/19/b/index.html');
    expect(largest['article']!.gzipKb).toBeGreaterThan(largest['home']!.gzipKb);
  });
});
