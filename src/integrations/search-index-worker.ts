// Worker thread of the search-index integration: reads the content, builds the records and writes the
// Pagefind index shard by shard into a staging folder, while Astro renders pages on the main thread
// (Pagefind runs as its own process, so the two really run side by side on two cores). A shard whose
// sources are unchanged since the last build is copied from the cache instead of being indexed again.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import * as pagefind from 'pagefind';
import { CONTENT_DIR, readContent, requireData } from '../lib/content/content-files-fs.ts';
import { readArticle } from '../lib/content/read.ts';
import { readDigest, readFor, type SharedReads } from '../lib/content/shared-reads.ts';
import { walkScope } from '../lib/content/tree-fs.ts';
import type { BuildScope } from '../lib/parts/scope.ts';
import type { Article } from '../lib/schema.ts';
import { indexRecords, shardFiles, type IndexRecord } from '../lib/search/index-records.ts';
import { answer } from './worker.ts';
import { isPublished } from '../lib/content/edition-dates.ts';
import { sourceVersion } from '../lib/source-version-fs.ts';
import { toPosix } from '../lib/util/posix-path.ts';

export interface SearchIndexJob {
  root: string;
  base: string;
  /** Today's date in China: the index holds the articles published on it (src/lib/content/edition-dates.ts). */
  today: string;
  stagingDir: string;
  /** Where indexed shards are kept between builds, by content hash. */
  cacheDir: string;
  /** The content check's reads of this build (src/lib/content/shared-reads.ts). */
  reads: SharedReads;
  /**
   * A part indexes one year's folder (src/lib/parts/scope.ts). Of the other years' dates its shards depend only
   * on the newest (src/lib/search/index-records.ts: shardPlan gives the newest month its own shard).
   */
  scope: BuildScope;
  otherDates: string[];
}

export interface SearchIndexResult {
  shards: { dir: string; pages: number; reused: boolean }[];
}

/**
 * What a shard's index is made from: the code that makes records (and this worker), Pagefind's version and
 * the base path (`build`), and the shard's files. Keyed by its sources, a shard whose sources are unchanged is
 * reused without reading its articles again (a day's rebuild reads only the newest shard's).
 */
function shardKey(build: string, files: ReadonlySet<string>, digests: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256').update(build);
  for (const file of [...files].sort())
    hash
      .update('\0')
      .update(file)
      .update('\0')
      .update(digests.get(file) ?? 'missing');
  return hash.digest('hex').slice(0, 16);
}

/** Kept in the cache folder: each article's digest, date and draft flag, so that planning reads no unchanged file's frontmatter. */
const FACTS_FILE = 'article-facts.json';

type Facts = { digest: string; date: string; draft: boolean };

/**
 * Every article's date and draft flag (what the shard plan needs) and every article's and edition's digest
 * (what the shard keys need). An unchanged article's facts come from the last build's record, a changed one's
 * from the content check's read of it this build (`reads`), so a file is parsed at most once per build.
 */
function planFacts(job: SearchIndexJob, build: string): { articles: (Facts & { file: string })[]; digests: Map<string, string> } {
  const record = join(job.cacheDir, FACTS_FILE);
  const kept = existsSync(record) ? (JSON.parse(readFileSync(record, 'utf8')) as { build: string; facts: [string, Facts][] }) : undefined;
  const previous = new Map<string, Facts>(kept?.build === build ? kept.facts : []);
  const base = join(job.root, CONTENT_DIR);
  const articles: (Facts & { file: string })[] = [];
  const digests = new Map<string, string>();
  for (const { path, file: kind } of walkScope(base, job.scope)) {
    if (kind.kind !== 'article' && kind.kind !== 'edition') continue;
    const file = posix.join(toPosix(CONTENT_DIR), path);
    const bytes = readFileSync(join(base, path));
    const digest = readDigest(bytes);
    digests.set(file, digest);
    if (kind.kind !== 'article') continue;
    let facts = previous.get(file);
    if (facts?.digest !== digest) {
      const read = readFor(job.reads, file, bytes) ?? readArticle(file, bytes);
      requireData(read);
      const data = read.data as Article;
      facts = { digest, date: data.date, draft: data.draft };
    }
    articles.push({ file, ...facts });
  }
  writeFileSync(record, JSON.stringify({ build, facts: articles.map(({ file, ...facts }) => [file, facts]) }));
  return { articles, digests };
}

async function indexShard(records: readonly IndexRecord[], outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  for (const record of records) {
    const added = await index.addHTMLFile({ url: record.url, content: record.html });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${record.url}: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(written.errors.join('; '));
  // Pagefind's process ends with each shard: it kept some 350 MB from writing one for the rest of the build.
  await pagefind.close();
}

async function run(job: SearchIndexJob): Promise<SearchIndexResult> {
  mkdirSync(job.cacheDir, { recursive: true });
  const shards: SearchIndexResult['shards'] = [];
  const kept = new Set<string>();
  try {
    // The shards are planned from the articles' dates alone; each shard's files are then read when it is indexed.
    const pagefindVersion = (JSON.parse(readFileSync(join(job.root, 'node_modules/pagefind/package.json'), 'utf8')) as { version: string })
      .version;
    const code = sourceVersion(job.root, ['src/lib', 'src/data', 'src/integrations/search-index-worker.ts']);
    const build = `search-index v2\0${code}\0pagefind ${pagefindVersion}\0${job.base}`;
    const facts = planFacts(job, build);
    const articles = facts.articles.filter((a) => isPublished(a, job.today));
    for (const shard of shardFiles(articles, job.otherDates)) {
      const cached = join(job.cacheDir, `${shard.dir}-${shardKey(build, shard.files, facts.digests)}`);
      const reused = existsSync(join(cached, 'pagefind-entry.json'));
      if (!reused) {
        rmSync(cached, { recursive: true, force: true });
        const content = readContent(job.root, CONTENT_DIR, {
          only: (file) => shard.files.has(file),
          reads: job.reads,
          under: job.scope.kind === 'part' ? job.scope.year : undefined,
        });
        await indexShard(indexRecords(content, { base: job.base, preview: false, today: job.today }), cached);
      }
      cpSync(cached, join(job.stagingDir, shard.dir), { recursive: true });
      kept.add(cached.slice(job.cacheDir.length + 1));
      shards.push({ dir: shard.dir, pages: [...shard.files].filter((f) => f.endsWith('.md')).length, reused });
    }
  } finally {
    await pagefind.close();
  }
  // Keep only the shards of this build in the cache.
  for (const name of existsSync(job.cacheDir) ? readdirSync(job.cacheDir) : []) {
    if (!kept.has(name) && name !== FACTS_FILE) rmSync(join(job.cacheDir, name), { recursive: true, force: true });
  }
  return { shards };
}

answer(run);
