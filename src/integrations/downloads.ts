// Astro integration: after the build, writes an offline zip of every edition (downloads/2022-04-19.zip) and a bundle
// of every month (downloads/2022-04.zip), then fills in the sizes on the pages that link them. The archives are made
// by src/lib/offline from the built pages and the Markdown sources. Any problem fails the build, naming its cause.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CONTENT_DIR } from '../lib/content-files.ts';
import { DOWNLOADS_DIR, fillDownloadSizes, formatSize, hasSizePlaceholder } from '../lib/offline/downloads.ts';
import { buildEditionArchive, zipEdition, zipMonth, type BuiltSite, type EditionArchive, type ZippedArchive } from '../lib/offline/edition.ts';

/** A file under `dir` by its slash-separated relative path, if it is a file there. */
function reader(dir: string): (path: string) => Uint8Array | undefined {
  return (path) => {
    const full = join(dir, ...path.split('/'));
    if (relative(dir, full).startsWith('..') || !existsSync(full) || !statSync(full).isFile()) return undefined;
    return readFileSync(full);
  };
}

const subdirs = (dir: string, pattern: RegExp) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && pattern.test(e.name))
    .map((e) => e.name)
    .sort();

/** Editions in the build: `YYYY/MM/DD/index.html`, each with its article pages `YYYY/MM/DD/<slug>/index.html`. */
function builtEditions(outDir: string): { date: string; slugs: string[] }[] {
  const editions: { date: string; slugs: string[] }[] = [];
  for (const year of subdirs(outDir, /^\d{4}$/)) {
    for (const month of subdirs(join(outDir, year), /^\d{2}$/)) {
      for (const day of subdirs(join(outDir, year, month), /^\d{2}$/)) {
        const dir = join(outDir, year, month, day);
        if (!existsSync(join(dir, 'index.html'))) continue;
        const slugs = subdirs(dir, /./).filter((slug) => existsSync(join(dir, slug, 'index.html')));
        editions.push({ date: `${year}-${month}-${day}`, slugs });
      }
    }
  }
  return editions;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}

export default function offlineDownloads(): AstroIntegration {
  let root = '';
  let site: string | undefined;
  let base = '/';
  return {
    name: 'offline-downloads',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        site = config.site;
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        try {
          if (!site) throw new Error('the site URL (`site` in astro.config.mjs, or SITE_URL) is needed for links to the live site');
          const built: BuiltSite = { site, base, readBuild: reader(outDir), readSource: reader(resolve(root, CONTENT_DIR)) };
          const downloadsDir = join(outDir, DOWNLOADS_DIR);
          mkdirSync(downloadsDir, { recursive: true });

          const sizes = new Map<string, number>();
          const write = (zipped: ZippedArchive) => {
            writeFileSync(join(downloadsDir, zipped.name), zipped.zip);
            sizes.set(zipped.name, zipped.zip.length);
          };
          const byMonth = Map.groupBy(builtEditions(outDir), (e) => e.date.slice(0, 7));
          for (const [month, editions] of byMonth) {
            const made: { archive: EditionArchive; zipped: ZippedArchive }[] = [];
            for (const { date, slugs } of editions) {
              const archive = buildEditionArchive(date, slugs, built);
              for (const warning of archive.warnings) logger.warn(warning);
              const zipped = zipEdition(archive);
              write(zipped);
              made.push({ archive, zipped });
            }
            write(zipMonth(month, made, built));
          }

          for (const file of htmlFiles(outDir)) {
            const html = readFileSync(file, 'utf8');
            if (!hasSizePlaceholder(html)) continue;
            try {
              writeFileSync(file, fillDownloadSizes(html, sizes));
            } catch (error) {
              throw new Error(`${relative(outDir, file).split(sep).join('/')}: ${(error as Error).message}`);
            }
          }

          const total = [...sizes.values()].reduce((a, b) => a + b, 0);
          const ms = Math.round(performance.now() - started);
          logger.info(`${sizes.size} zip files (${byMonth.size} monthly bundles), ${formatSize(total)}, in ${ms} ms`);
        } catch (error) {
          throw new Error(`Offline downloads failed: ${(error as Error).message}`, { cause: error });
        }
      },
    },
  };
}
