// Astro integration: after the build, writes an offline zip of every edition (downloads/2022-04-19.zip) and a bundle
// of every month (downloads/2022-04.zip), then fills in the sizes on the pages that link them. The archives are made
// by src/lib/offline from the built pages and the Markdown sources, in two worker threads (a month at a time, months
// whose inputs are unchanged come from the cache). Any problem fails the build, naming its cause.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CONTENT_DIR } from '../lib/content/content-files-fs.ts';
import { DOWNLOADS_DIR, fillDownloadSizes, formatSize, linksDownloads } from '../lib/offline/downloads.ts';
import { buildScope, isPartOutput } from '../lib/parts/scope.ts';
import { editionsInBuild } from '../lib/offline/edition.ts';
import { makeMonths, reader, type MonthsJob, type MonthsResult } from './downloads-months.ts';
import { publishedYamls } from '../lib/content/shared-reads.ts';
import { runWorker } from './worker.ts';
import { toPosix } from '../lib/util/posix-path.ts';

/** Paths of the HTML files under `dir`, slash-separated and relative to it. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => toPosix(relative(dir, join(e.parentPath, e.name))));
}

/** The size of every zip in `dir`, by file name. */
function zipSizes(dir: string): [string, number][] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.zip'))
        .map((name) => [name, statSync(join(dir, name)).size])
    : [];
}

/** Splits months into `n` groups of about the same number of articles. */
function balance<T extends [string, { slugs: string[] }[]]>(months: readonly T[], n: number): T[][] {
  const groups = Array.from({ length: n }, () => ({ size: 0, months: [] as T[] }));
  const weight = (m: T) => m[1].reduce((sum, e) => sum + e.slugs.length + 1, 0);
  for (const month of [...months].sort((a, b) => weight(b) - weight(a))) {
    const lightest = groups.reduce((a, b) => (b.size < a.size ? b : a));
    lightest.months.push(month);
    lightest.size += weight(month);
  }
  return groups.map((g) => g.months).filter((g) => g.length > 0);
}

export default function offlineDownloads(): AstroIntegration {
  let root = '';
  let cacheRoot = '';
  let site: string | undefined;
  let base = '/';
  return {
    name: 'offline-downloads',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheRoot = join(fileURLToPath(config.cacheDir), 'downloads');
        site = config.site;
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        try {
          if (!site) throw new Error('the site URL (`site` in astro.config.mjs, or SITE_URL) is needed for links to the live site');
          // A build in parts (src/lib/parts/scope.ts): a part zips its year's editions and fills in the sizes on its
          // own pages; the assembly zips nothing and fills in the sizes on the pages it made (home, archive) from
          // the parts' zips, which are merged into the output folder by now.
          const scope = buildScope();
          const pages = htmlFiles(outDir).filter((page) =>
            scope.kind === 'part' ? isPartOutput(page, scope.year) : scope.kind === 'assemble' ? !/^\d{4}\//.test(page) : true,
          );
          const months =
            scope.kind === 'assemble' ? [] : [...Map.groupBy(editionsInBuild(pages, reader(outDir)), (e) => e.date.slice(0, 7))];
          const job = (group: MonthsJob['months']): MonthsJob => ({
            root,
            outDir,
            contentDir: resolve(root, CONTENT_DIR),
            cacheRoot,
            site: site!,
            base,
            months: group,
            publishedYamls: publishedYamls(),
          });
          // One month is done in-process; more in two workers, one per core.
          const results =
            months.length < 2
              ? [makeMonths(job(months))]
              : await Promise.all(
                  balance(months, 2).map((group) =>
                    runWorker<MonthsJob, MonthsResult>(join(root, 'src/integrations/downloads-worker.ts'), job(group)),
                  ),
                );
          const sizes = new Map(results.flatMap((r) => r.sizes));
          if (scope.kind === 'assemble') for (const [name, size] of zipSizes(join(outDir, DOWNLOADS_DIR))) sizes.set(name, size);
          for (const warning of results.flatMap((r) => r.warnings)) logger.warn(warning);

          for (const page of pages) {
            const file = join(outDir, page);
            const bytes = readFileSync(file);
            if (!linksDownloads(bytes)) continue;
            const html = bytes.toString('utf8');
            try {
              const filled = fillDownloadSizes(html, sizes);
              if (filled !== html) writeFileSync(file, filled);
            } catch (error) {
              throw new Error(`${page}: ${(error as Error).message}`, { cause: error });
            }
          }

          const total = [...sizes.values()].reduce((a, b) => a + b, 0);
          const reused = results.reduce((n, r) => n + r.reused, 0);
          const ms = Math.round(performance.now() - started);
          if (scope.kind === 'assemble')
            logger.info(`filled in the sizes of the parts' ${sizes.size} zip files (${formatSize(total)}) in ${ms} ms`);
          else
            logger.info(
              `${sizes.size} zip files (${months.length} monthly bundles, ${reused} months reused unchanged), ${formatSize(total)}, in ${ms} ms`,
            );
        } catch (error) {
          throw new Error(`Offline downloads failed: ${(error as Error).message}`, { cause: error });
        }
      },
    },
  };
}
