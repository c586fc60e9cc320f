// Makes the offline zips of a set of months (each edition's zip and the month's bundle), reusing a month's
// zips from the cache when its inputs are unchanged. Runs in the downloads integration's worker threads.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { archiveName, DOWNLOADS_DIR, linksDownloads, withoutDownloadSizes } from '../lib/offline/downloads.ts';
import { publishedSource } from '../lib/content/published-source.ts';
import { readArticle, readEdition } from '../lib/content/read.ts';
import { publishedYamlFor, type PublishedYamls } from '../lib/content/shared-reads.ts';
import {
  buildEditionArchive,
  zipEdition,
  zipMonth,
  type BuiltEdition,
  type BuiltSite,
  type EditionArchive,
  type ZippedArchive,
} from '../lib/offline/edition.ts';
import { toPosix } from '../lib/util/posix-path.ts';
import { EPAPER_IMAGE_WIDTHS, EPAPER_THUMB_WIDTH, epaperImagePath, epaperPagePath } from '../lib/routing.ts';

const decoder = new TextDecoder();

export interface MonthsJob {
  root: string;
  outDir: string;
  contentDir: string;
  cacheRoot: string;
  site: string;
  base: string;
  months: [month: string, editions: BuiltEdition[]][];
  /** The published YAML of the files read earlier in the build (src/lib/content/shared-reads.ts). */
  publishedYamls: PublishedYamls;
}

export interface MonthsResult {
  sizes: [name: string, bytes: number][];
  warnings: string[];
  reused: number;
}

/** A file under `dir` by its slash-separated relative path, if it is a file there. */
export function reader(dir: string): (path: string) => Uint8Array | undefined {
  return (path) => {
    const full = join(dir, ...path.split('/'));
    if (relative(dir, full).startsWith('..') || !existsSync(full) || !statSync(full).isFile()) return undefined;
    return readFileSync(full);
  };
}

/**
 * What a month's zips are made from: its editions' built pages and sources, the files in public/ (copied
 * into zips under fixed names), the code that makes the zips, and where the site lives. Same key, same zips.
 * The sources as written: their published copies follow from them and the code (so a reused month parses nothing).
 */
function monthKey(
  root: string,
  built: BuiltSite,
  readSource: (path: string) => Uint8Array | undefined,
  editions: readonly BuiltEdition[],
): string {
  const hash = createHash('sha256').update(`${built.site}\0${built.base}\0`);
  const code = [
    join(root, 'src/integrations/downloads-months.ts'),
    ...['src/lib/offline', 'src/lib/content'].flatMap((dir) =>
      readdirSync(join(root, dir))
        .sort()
        .map((f) => join(root, dir, f)),
    ),
  ];
  const publicDir = join(root, 'public');
  const inputs = [
    ...code,
    ...(existsSync(publicDir)
      ? readdirSync(publicDir, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => join(e.parentPath, e.name))
          .sort()
      : []),
  ];
  for (const file of inputs) hash.update(file).update('\0').update(readFileSync(file));
  for (const { date, slugs, pages: views } of editions) {
    const dir = `${date.replaceAll('-', '/')}/`;
    // A page kept from the last build has its download sizes filled in; the zips do not depend on them.
    const page = (path: string) => {
      const bytes = built.readBuild(path);
      return bytes && linksDownloads(bytes) ? withoutDownloadSizes(decoder.decode(bytes)) : bytes;
    };
    // A page view's pictures are made from its PDF, which its page does not show: they are hashed as well.
    const pages = [
      `${dir}index.html`,
      ...slugs.map((slug) => `${dir}${slug}/index.html`),
      ...views.flatMap((n) => [
        `${epaperPagePath(date, n).slice(1)}index.html`,
        ...[EPAPER_THUMB_WIDTH, ...EPAPER_IMAGE_WIDTHS].map((w) => epaperImagePath(date, n, w).slice(1)),
      ]),
    ].map((p) => [p, page(p)] as const);
    const sources = [`${dir}edition.yaml`, ...slugs.map((slug) => `${dir}${slug}.md`)].map((p) => [p, readSource(p)] as const);
    for (const [path, bytes] of [...pages, ...sources])
      hash
        .update(path)
        .update('\0')
        .update(bytes ?? '')
        .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Sources as readers get them: without the newsroom's comments and notes (src/lib/content/published-source.ts), from
 * the build's earlier read of the file, or from one made now when the build had no reason to read it before (its
 * edition unchanged since the last build, another one of its month changed).
 */
function published(job: MonthsJob, read: (path: string) => Uint8Array | undefined): (path: string) => Uint8Array | undefined {
  return (path) => {
    const bytes = read(path);
    if (!bytes) return undefined;
    // The file as the check and the loaders name it: relative to the project root.
    const file = toPosix(relative(job.root, join(job.contentDir, path)));
    const readNow = () => (path.endsWith('.md') ? readArticle(file, bytes) : readEdition(file, bytes)).publishedYaml;
    return publishedSource(path, bytes, () => publishedYamlFor(job.publishedYamls, file, bytes) ?? readNow());
  };
}

export function makeMonths(job: MonthsJob): MonthsResult {
  const sources = reader(job.contentDir);
  const built: BuiltSite = { site: job.site, base: job.base, readBuild: reader(job.outDir), readSource: published(job, sources) };
  const downloadsDir = join(job.outDir, DOWNLOADS_DIR);
  mkdirSync(downloadsDir, { recursive: true });
  const result: MonthsResult = { sizes: [], warnings: [], reused: 0 };
  const write = (zipped: ZippedArchive) => {
    writeFileSync(join(downloadsDir, zipped.name), zipped.zip);
    result.sizes.push([zipped.name, zipped.zip.length]);
  };
  for (const [month, editions] of job.months) {
    // A month whose inputs are unchanged since the last build gets its zips back from the cache.
    const cached = join(job.cacheRoot, `${month}-${monthKey(job.root, built, sources, editions)}`);
    if (existsSync(join(cached, 'complete'))) {
      for (const name of readdirSync(cached).filter((n) => n.endsWith('.zip'))) {
        copyFileSync(join(cached, name), join(downloadsDir, name));
        result.sizes.push([name, statSync(join(cached, name)).size]);
      }
      result.reused++;
      continue;
    }
    const made: { archive: EditionArchive; zipped: ZippedArchive }[] = [];
    for (const { date, slugs, pages } of editions) {
      const archive = buildEditionArchive(date, slugs, built, pages);
      result.warnings.push(...archive.warnings);
      const zipped = zipEdition(archive);
      write(zipped);
      made.push({ archive, zipped });
    }
    write(zipMonth(month, made, built));
    for (const old of existsSync(job.cacheRoot) ? readdirSync(job.cacheRoot).filter((n) => n.startsWith(`${month}-`)) : []) {
      rmSync(join(job.cacheRoot, old), { recursive: true, force: true });
    }
    mkdirSync(cached, { recursive: true });
    for (const name of [...editions.map((e) => archiveName(e.date)), archiveName(month)])
      copyFileSync(join(downloadsDir, name), join(cached, name));
    writeFileSync(join(cached, 'complete'), '');
  }
  return result;
}
