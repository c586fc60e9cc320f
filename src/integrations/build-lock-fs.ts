// The lock file that lets one build at a time write an output folder (src/integrations/build-lock.ts): beside the
// folder (`dist` → `.dist.build-lock`), so builds into other folders (the parts of a build in parts) never wait on
// it, and it outlives the emptying of the folder. It holds the pid of the build that took it; a lock whose process
// is gone (killed, crashed) is stale and taken over.
import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The lock file of an output folder. */
export function lockFileOf(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.build-lock`);
}

/** Is process `pid` running? A process of another user counts (the signal is refused, not unanswered). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** The pid a lock file holds; undefined when there is no such file, 0 when it holds no pid (so is nobody's). */
function holderOf(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : 0;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Takes the lock `file` for process `pid`: undefined once it is ours (also when it was already ours), or the pid of
 * the running process that holds it. The file appears whole or not at all (a hard link of a file already written),
 * so a build never reads a half-written lock; a stale one is moved aside before it is replaced, and a live lock
 * that another build took over in the meantime is put back.
 */
export function takeLock(file: string, pid = process.pid, alive: (pid: number) => boolean = processAlive): { holder: number } | undefined {
  const mine = `${file}.${pid}`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(mine, `${pid}\n`);
  try {
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        linkSync(mine, file);
        return undefined;
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error;
      }
      const holder = holderOf(file);
      if (holder === undefined) continue;
      if (holder === pid) return undefined;
      if (holder !== 0 && alive(holder)) return { holder };
      const aside = `${file}.${pid}.stale`;
      try {
        renameSync(file, aside);
      } catch (error) {
        if (errorCode(error) === 'ENOENT') continue;
        throw error;
      }
      const moved = holderOf(aside);
      if (moved !== undefined && moved !== holder && moved !== 0 && alive(moved)) {
        // Another build replaced the stale lock between our reading it and moving it: that one is live, give it back.
        try {
          linkSync(aside, file);
        } catch (error) {
          if (errorCode(error) !== 'EEXIST') throw error;
        }
        rmSync(aside, { force: true });
        return { holder: moved };
      }
      rmSync(aside, { force: true });
    }
    throw new Error(`could not take the lock ${file}: it kept changing hands`);
  } finally {
    rmSync(mine, { force: true });
  }
}

/** Gives the lock `file` up if process `pid` holds it; a lock another build holds is left alone. */
export function releaseLock(file: string, pid = process.pid): void {
  if (holderOf(file) === pid) rmSync(file, { force: true });
}
