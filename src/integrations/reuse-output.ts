// Astro integration: lets a build keep the pages already in the output folder instead of copying every unchanged
// page back from Astro's incremental-build cache. Astro skips a page whose cache key is unchanged and whose file is
// still in place; with the output folder emptied first (Astro's default) it copies each one back instead, which was
// 6 s of a 20 s daily rebuild at 10,000 articles. So astro.config.mjs tells Astro not to empty it
// (vite.build.emptyOutDir: false), and this integration makes sure the folder ends up exactly as a clean build
// would leave it:
// - it is emptied first unless Astro finished writing the pages of the last build into it (and with them its
//   cache's record of them): a build that failed half-way may have left pages that the cache does not describe;
// - once Astro has written the pages, every file the build neither wrote nor kept as a page is deleted (pages of
//   removed articles, old stylesheets, zips and search shards), before the other integrations read the folder
//   and add their own files (so it must come first in the list of integrations).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Left alone, as Astro leaves it when it empties the folder itself (a deployment repository's history). */
const KEEP = '.git';

export default function reuseOutput(): AstroIntegration {
  let building = false;
  let outDir = '';
  let marker = '';
  let started = 0;
  return {
    name: 'reuse-output',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': ({ config, logger }) => {
        if (!building) return;
        outDir = fileURLToPath(config.outDir);
        const cacheDir = fileURLToPath(config.cacheDir);
        marker = join(cacheDir, 'output-complete');
        // The build's start by the file system's own clock: files it writes later are at least as new.
        const stamp = join(cacheDir, 'output-started');
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(stamp, '');
        started = statSync(stamp).mtimeMs;
        const complete = existsSync(marker) && readFileSync(marker, 'utf8') === outDir;
        rmSync(marker, { force: true });
        if (!complete && existsSync(outDir)) {
          logger.info('the last build into the output folder did not finish here: starting from an empty folder');
          for (const name of readdirSync(outDir)) if (name !== KEEP) rmSync(join(outDir, name), { recursive: true, force: true });
        }
      },
      'astro:build:done': ({ assets, logger }) => {
        const pages = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        let removed = 0;
        const prune = (dir: string): boolean => {
          let empty = true;
          for (const entry of readdirSync(dir, { withFileTypes: true })) {
            if (dir === outDir && entry.name === KEEP) continue;
            const path = join(dir, entry.name);
            if (entry.isDirectory() ? prune(path) : !pages.has(path) && statSync(path).mtimeMs < started) {
              rmSync(path, { recursive: true, force: true });
              removed++;
            } else empty = false;
          }
          return empty;
        };
        if (existsSync(outDir)) prune(outDir);
        if (removed > 0) logger.info(`removed ${removed} file(s) and folder(s) left from earlier builds`);
        // Astro has written every page and its cache's record of them by now: the next build can keep them.
        writeFileSync(marker, outDir);
      },
    },
  };
}
