// File-system helpers the benchmarks share: the size of a folder, and the day after an archive's last edition.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Bytes, files and HTML pages under `dir`. */
export function folderStats(dir: string): { bytes: number; files: number; pages: number } {
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

/** The date after the newest edition under a content folder (`YYYY/MM/DD/edition.yaml`): where a day's new edition goes. */
export function nextEditionDate(contentDir: string): string {
  const last = readdirSync(contentDir, { recursive: true })
    .map(String)
    .filter((p) => p.endsWith('edition.yaml'))
    .sort()
    .at(-1)!;
  return new Date(Date.parse(`${last.slice(0, 10).replaceAll('/', '-')}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
