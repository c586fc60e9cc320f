// Astro integration: after the build, writes an offline zip of every edition (downloads/2022-04-19.zip) and a bundle
// of every month (downloads/2022-04.zip), then fills in the sizes on the pages that link them. The archives are made
// by src/lib/offline from the built pages and the Markdown sources. Any problem fails the build, naming its cause.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CONTENT_DIR } from '../lib/content-files.ts';
import { archiveName, DOWNLOADS_DIR, fillDownloadSizes, formatSize, hasSizePlaceholder } from '../lib/offline/downloads.ts';
import { buildEditionArchive, editionsInBuild, zipEdition, zipMonth, type BuiltSite, type EditionArchive, type ZippedArchive } from '../lib/offline/edition.ts';

/** A file under `dir` by its slash-separated relative path, if it is a file there. */
function reader(dir: string): (path: string) => Uint8Array | undefined {
  return (path) => {
    const full = join(dir, ...path.split('/'));
    if (relative(dir, full).startsWith('..') || !existsSync(full) || !statSync(full).isFile()) return undefined;
    return readFileSync(full);
  };
}

/** Paths of the HTML files under `dir`, slash-separated and relative to it. */
function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

/**
 * What a month's zips are made from: its editions' built pages and sources, the files in public/ (copied
 * into zips under fixed names), the code that makes the zips, and where the site lives. Same key, same zips.
 */
function monthKey(root: string, built: BuiltSite, editions: readonly { date: string; slugs: string[] }[]): string {
  const hash = createHash('sha256').update(`${built.site}\0${built.base}\0`);
  const code = [join(root, 'src/integrations/downloads.ts'), ...readdirSync(join(root, 'src/lib/offline')).sort().map((f) => join(root, 'src/lib/offline', f))];
  const publicDir = join(root, 'public');
  const inputs = [...code, ...(existsSync(publicDir) ? readdirSync(publicDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort() : [])];
  for (const file of inputs) hash.update(file).update('\0').update(readFileSync(file));
  for (const { date, slugs } of editions) {
    const dir = `${date.replaceAll('-', '/')}/`;
    const pages = [`${dir}index.html`, ...slugs.map((slug) => `${dir}${slug}/index.html`)].map((p) => [p, built.readBuild(p)] as const);
    const sources = [`${dir}edition.yaml`, ...slugs.map((slug) => `${dir}${slug}.md`)].map((p) => [p, built.readSource(p)] as const);
    for (const [path, bytes] of [...pages, ...sources]) hash.update(path).update('\0').update(bytes ?? '').update('\0');
  }
  return hash.digest('hex').slice(0, 16);
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
          const pages = htmlFiles(outDir);
          const byMonth = Map.groupBy(editionsInBuild(pages, built.readBuild), (e) => e.date.slice(0, 7));
          let reused = 0;
          for (const [month, editions] of byMonth) {
            // A month whose inputs are unchanged since the last build gets its zips back from the cache.
            const cached = join(cacheRoot, `${month}-${monthKey(root, built, editions)}`);
            if (existsSync(join(cached, 'complete'))) {
              for (const name of readdirSync(cached).filter((n) => n.endsWith('.zip'))) {
                copyFileSync(join(cached, name), join(downloadsDir, name));
                sizes.set(name, statSync(join(cached, name)).size);
              }
              reused++;
              continue;
            }
            const made: { archive: EditionArchive; zipped: ZippedArchive }[] = [];
            for (const { date, slugs } of editions) {
              const archive = buildEditionArchive(date, slugs, built);
              for (const warning of archive.warnings) logger.warn(warning);
              const zipped = zipEdition(archive);
              write(zipped);
              made.push({ archive, zipped });
            }
            write(zipMonth(month, made, built));
            for (const old of existsSync(cacheRoot) ? readdirSync(cacheRoot).filter((n) => n.startsWith(`${month}-`)) : []) {
              rmSync(join(cacheRoot, old), { recursive: true, force: true });
            }
            mkdirSync(cached, { recursive: true });
            for (const name of [...editions.map((e) => archiveName(e.date)), archiveName(month)]) copyFileSync(join(downloadsDir, name), join(cached, name));
            writeFileSync(join(cached, 'complete'), '');
          }

          for (const page of pages) {
            const file = join(outDir, page);
            const html = readFileSync(file, 'utf8');
            if (!hasSizePlaceholder(html)) continue;
            try {
              writeFileSync(file, fillDownloadSizes(html, sizes));
            } catch (error) {
              throw new Error(`${page}: ${(error as Error).message}`);
            }
          }

          const total = [...sizes.values()].reduce((a, b) => a + b, 0);
          const ms = Math.round(performance.now() - started);
          logger.info(`${sizes.size} zip files (${byMonth.size} monthly bundles, ${reused} months reused unchanged), ${formatSize(total)}, in ${ms} ms`);
        } catch (error) {
          throw new Error(`Offline downloads failed: ${(error as Error).message}`, { cause: error });
        }
      },
    },
  };
}
