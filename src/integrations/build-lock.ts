// Astro integration: one `astro build` at a time per output folder. Two builds into one folder remove and write
// each other's files (reuse-output empties and prunes it, the search index replaces pagefind/): one fails with
// ENOENT and the folder is left without pagefind/ while _headers still names it. So a build takes a lock on its
// output folder (src/integrations/build-lock-fs.ts) before anything touches it, and a second build into the same
// folder stops at once, naming the one that holds it; builds into other folders (the parts of a build in parts,
// src/lib/parts/) go on side by side. `astro dev` takes no lock.
// It must come first in the list of integrations: the lock is taken in its astro:config:done, before
// reuse-output's empties the folder. It is given up after the last integration's astro:build:done (those write
// the search index, the downloads and the headers), by a second integration this one appends to the end of the list,
// or when the process ends (a build that failed).
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lockFileOf, releaseLock, takeLock } from './build-lock-fs.ts';

/** What a build stops with when another build holds its output folder. */
export function busyError(outDir: string, holder: number, lockFile: string): AstroError {
  const error = new AstroError(
    `另一个构建正在这个文件夹里运行（pid ${holder}）：${outDir}\n两个构建同时写一个文件夹，会互相删掉对方的文件（例如搜索索引 pagefind/），这次构建没有动它。`,
    `等 pid ${holder} 的构建结束后再运行。若 pid ${holder} 已经不是构建（进程号被别的程序重用），删除 ${lockFile} 后再试。`,
  );
  // Not a bug of the site: no stack trace.
  error.stack = '';
  return error;
}

export default function buildLock(): AstroIntegration {
  let building = false;
  let lockFile: string | undefined;
  const release = () => {
    process.off('exit', release);
    if (lockFile === undefined) return;
    releaseLock(lockFile);
    lockFile = undefined;
  };
  return {
    name: 'build-lock',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        building = command === 'build';
        if (building) updateConfig({ integrations: [{ name: 'build-lock-release', hooks: { 'astro:build:done': release } }] });
      },
      // Taken once the configuration is final (the output folder another integration may have changed).
      'astro:config:done': ({ config }) => {
        if (!building) return;
        const outDir = resolve(fileURLToPath(config.outDir));
        const file = lockFileOf(outDir);
        const busy = takeLock(file);
        if (busy) throw busyError(outDir, busy.holder, file);
        lockFile = file;
        process.on('exit', release);
      },
    },
  };
}
