// Moving files and folders with Node's file system, also between file systems: a rename where it can be done
// (atomic, instant), and where the target is on another device (EXDEV: an output folder on another mount, a
// temporary folder on tmpfs) a recursive copy and then removal of the source.
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';

/**
 * Moves `from` (a file or a folder) to `to`. Like `renameSync`, except across file systems, where it copies and
 * then removes `from`; if the copy fails, `from` is left as it was
 * (and a partial copy removed, unless `to` was there before). `rename` is the
 * rename to try first (tests pass one that fails).
 */
export function moveSync(from: string, to: string, rename: (from: string, to: string) => void = renameSync): void {
  try {
    rename(from, to);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
  }
  const existed = existsSync(to);
  try {
    cpSync(from, to, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
  } catch (error) {
    if (!existed) rmSync(to, { recursive: true, force: true });
    throw error;
  }
  rmSync(from, { recursive: true, force: true });
}
