// Astro integration: builds the Pagefind search index from the articles' content with Pagefind's Node API.
// `astro build` starts it in a worker thread as soon as its configuration is known, so it runs beside Astro's
// content sync (which keeps one core busy) and page rendering, and
// moves it into dist/ when the build is done (in shards, see shardPlan; unchanged shards are reused from
// Astro's cacheDir, search-index/), failing the build on any Pagefind error. `astro dev` builds one index in memory on first
// use, rebuilds it when content changes, and serves it at <base>pagefind/.
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { fileURLToPath } from 'node:url';
import { extname, join } from 'node:path';
import { mkdirSync, rmSync } from 'node:fs';
import { CONTENT_DIR, readContent } from '../lib/content/content-files-fs.ts';
import { indexRecords } from '../lib/search/index-records.ts';
import type { SearchIndexJob, SearchIndexResult } from './search-index-worker.ts';
import { runWorker } from './worker.ts';
import { offeredReads } from '../lib/content/shared-reads.ts';
import { moveSync } from './move-fs.ts';
import { buildScope } from '../lib/parts/scope.ts';
import { newestDateOutside } from '../lib/parts/catalogue-fs.ts';
import { siteToday } from '../lib/clock.ts';

type PagefindFiles = Map<string, Uint8Array>;

/** The whole index in memory, for the dev server. */
async function buildDevIndex(root: string, base: string, logger: AstroIntegrationLogger): Promise<PagefindFiles> {
  try {
    // Like the dev pages: a file with errors is left out (its address shows the checker's messages).
    const records = indexRecords(readContent(root, CONTENT_DIR, { leaveOutInvalid: true }), { base, preview: true, leaveOutBroken: true });
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    for (const record of records) {
      const added = await index.addHTMLFile({ url: record.url, content: record.html });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${record.url}: ${added.errors.join('; ')}`);
    }
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length > 0) throw new Error(fileErrors.join('; '));
    logger.info(`indexed ${records.length} articles`);
    return new Map(files.map((f) => [f.path.replaceAll('\\', '/'), f.content]));
  } finally {
    await pagefind.close();
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

export default function searchIndex(): AstroIntegration {
  let root = '';
  let base = '/';
  let outDir = '';
  let cacheDir = '';
  let building = false;
  let pending: Promise<SearchIndexResult & { seconds: string }> | undefined;
  const stagingDir = () => `${outDir.replace(/[\\/]+$/, '')}.search-index`;
  return {
    name: 'search-index',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': ({ config, logger }) => {
        root = fileURLToPath(config.root);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        outDir = fileURLToPath(config.outDir);
        cacheDir = join(fileURLToPath(config.cacheDir), 'search-index');
        if (!building) return;
        const scope = buildScope();
        // The assembly indexes nothing: the search shards are the parts' (src/lib/parts/scope.ts).
        if (scope.kind === 'assemble') return;
        logger.info('building the search index');
        const started = performance.now();
        rmSync(stagingDir(), { recursive: true, force: true });
        pending = runWorker<SearchIndexJob, SearchIndexResult>(join(root, 'src/integrations/search-index-worker.ts'), {
          root,
          base,
          today: siteToday(),
          stagingDir: stagingDir(),
          cacheDir,
          // Copied to the worker now, before the collection loaders take them.
          reads: offeredReads(),
          scope,
          otherDates: scope.kind === 'part' ? [newestDateOutside(root, scope.year)].filter((d) => d !== undefined) : [],
        }).then((result) => ({
          ...result,
          seconds: ((performance.now() - started) / 1000).toFixed(1),
        }));
        pending.catch(() => undefined); // reported in astro:build:done
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (buildScope().kind === 'assemble') return;
        if (!pending) throw new Error('the search index was not started');
        const { shards, seconds } = await pending;
        const target = fileURLToPath(dir);
        for (const shard of shards) {
          rmSync(join(target, shard.dir), { recursive: true, force: true });
          mkdirSync(target, { recursive: true });
          // The staging folder sits beside the output folder, which may be a mount of its own.
          moveSync(join(stagingDir(), shard.dir), join(target, shard.dir));
        }
        rmSync(stagingDir(), { recursive: true, force: true });
        const reused = shards.filter((s) => s.reused);
        logger.info(
          `indexed ${shards.reduce((n, s) => n + s.pages, 0)} articles in ${shards.length} shard(s), ${reused.length} reused unchanged, in ${seconds} s`,
        );
      },
      'astro:server:setup': ({ server, logger }) => {
        let files: Promise<PagefindFiles> | undefined;
        server.watcher.on('all', (_event, path) => {
          if (path.startsWith(join(root, CONTENT_DIR))) files = undefined;
        });
        const prefix = `${base}pagefind/`;
        server.middlewares.use((req, res, next) => {
          const path = req.url?.split('?')[0] ?? '';
          if (!path.startsWith(prefix)) return next();
          files ??= buildDevIndex(root, base, logger);
          files.then(
            (map) => {
              const file = map.get(path.slice(prefix.length));
              if (!file) return next();
              res.setHeader('content-type', CONTENT_TYPES[extname(path)] ?? 'application/octet-stream');
              res.end(file);
            },
            (error: unknown) => {
              files = undefined;
              logger.error(`search index: ${String(error)}`);
              res.statusCode = 500;
              res.end(String(error));
            },
          );
        });
      },
    },
  };
}
