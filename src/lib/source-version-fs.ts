// A hash of the project's own code, for build caches whose outcome that code decides (the content check's clean
// folders, the search index's shards): a change to any of it drops what was cached, so a cached result can never
// be one that the current code would not produce.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** `paths`: files and folders relative to `root`, hashed with every file under them, in a stable order. */
export function sourceVersion(root: string, paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const path of paths) {
    const full = join(root, path);
    const files = statSync(full).isDirectory()
      ? readdirSync(full, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => join(e.parentPath, e.name))
          .sort()
      : [full];
    for (const file of files) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}
