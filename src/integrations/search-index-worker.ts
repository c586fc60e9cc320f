// Worker thread of the search-index integration: reads the content, builds the records and writes one
// Pagefind index per year into a staging folder, while Astro renders pages on the main thread (Pagefind
// itself runs as a separate process, so the two really run side by side on two cores).
import { parentPort, workerData } from 'node:worker_threads';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { readContent } from '../lib/content-files.ts';
import { indexRecords, shardRecords } from '../lib/search/index-records.ts';

export interface SearchIndexJob {
  root: string;
  base: string;
  includeDrafts: boolean;
  stagingDir: string;
}

export interface SearchIndexResult {
  shards: { year: string; dir: string; pages: number }[];
}

async function run(job: SearchIndexJob): Promise<SearchIndexResult> {
  const records = indexRecords(readContent(job.root), { base: job.base, includeDrafts: job.includeDrafts });
  const shards: SearchIndexResult['shards'] = [];
  try {
    for (const shard of shardRecords(records)) {
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      for (const record of shard.records) {
        const added = await index.addHTMLFile({ url: record.url, content: record.html });
        if (added.errors.length > 0) throw new Error(`Pagefind could not index ${record.url}: ${added.errors.join('; ')}`);
      }
      const written = await index.writeFiles({ outputPath: join(job.stagingDir, shard.dir) });
      if (written.errors.length > 0) throw new Error(written.errors.join('; '));
      await index.deleteIndex(); // one shard in memory at a time
      shards.push({ year: shard.year, dir: shard.dir, pages: shard.records.length });
    }
  } finally {
    await pagefind.close();
  }
  return { shards };
}

run(workerData as SearchIndexJob).then(
  (result) => parentPort!.postMessage({ ok: true, result }),
  (error: unknown) => parentPort!.postMessage({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
