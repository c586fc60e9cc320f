// Merges the parts' output into the assembly's (src/lib/parts/scope.ts: isPartOutput says which files are a
// part's). Files are hard-linked, not copied: a fifteen-year archive's parts hold some 600,000 files and many
// gigabytes, and the assembly must not double that. A file both have (the shared stylesheets and scripts, which
// every build of the same code writes byte for byte) is left as the assembly wrote it.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { isPartOutput } from './scope.ts';
import { toPosix } from '../util/posix-path.ts';

/** Links the part of `year` built in `partDir` into `outDir`; returns how many files it added. */
export function mergePart(partDir: string, outDir: string, year: string): number {
  if (!existsSync(partDir)) throw new Error(`the part ${year} has no built site (${partDir}): run npm run build:part -- ${year}`);
  let added = 0;
  const made = new Set<string>();
  for (const entry of readdirSync(partDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const from = join(entry.parentPath, entry.name);
    const path = toPosix(relative(partDir, from));
    if (!isPartOutput(path, year)) continue;
    const to = join(outDir, path);
    if (existsSync(to)) continue;
    const dir = dirname(to);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    try {
      linkSync(from, to);
    } catch (error) {
      // Another file system (or one without links): a copy.
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV' && (error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
      copyFileSync(from, to);
    }
    added++;
  }
  return added;
}
