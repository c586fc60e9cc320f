// One `astro build` at a time per output folder (src/integrations/build-lock.ts): a second build into the folder a
// build is writing stops at once, naming the other, and leaves the first's output whole; builds into other
// folders (the parts of a build in parts) do not wait on each other; a lock whose build is gone is taken over.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterAll, describe, expect, it } from 'vitest';
import buildLock from '../src/integrations/build-lock.ts';
import { lockFileOf, processAlive, releaseLock, takeLock } from '../src/integrations/build-lock-fs.ts';
import { startAstroBuild } from './helpers/astro-build.ts';

const work = mkdtempSync(join(tmpdir(), 'build-lock-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The pid of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('the lock of an output folder', () => {
  const alive = new Set([1001, 1002]);
  const isAlive = (pid: number) => alive.has(pid);

  it('is taken by one build; another build into the same folder is told which holds it, until it is given up', () => {
    const lock = lockFileOf(join(work, 'a', 'dist'));
    expect(lock).toBe(join(work, 'a', '.dist.build-lock'));
    expect(takeLock(lock, 1001, isAlive)).toBeUndefined();
    expect(readFileSync(lock, 'utf8').trim()).toBe('1001');
    expect(takeLock(lock, 1002, isAlive)).toEqual({ holder: 1001 });
    // Only its holder gives it up; taking it again is no conflict with itself.
    releaseLock(lock, 1002);
    expect(takeLock(lock, 1001, isAlive)).toBeUndefined();
    releaseLock(lock, 1001);
    expect(existsSync(lock)).toBe(false);
    expect(takeLock(lock, 1002, isAlive)).toBeUndefined();
    releaseLock(lock, 1002);
    // No temporary or stale files are left beside it.
    expect(readdirSync(join(work, 'a'))).toEqual([]);
  });

  it('is one per folder: the parts of a build in parts take theirs side by side', () => {
    const locks = ['2021', '2022'].map((year) => lockFileOf(join(work, 'parts', year, 'site')));
    expect(new Set(locks).size).toBe(2);
    expect(takeLock(locks[0]!, 1001, isAlive)).toBeUndefined();
    expect(takeLock(locks[1]!, 1002, isAlive)).toBeUndefined();
    expect(lockFileOf(join(work, 'dist'))).not.toBe(lockFileOf(join(work, 'dist2')));
  });

  it('is taken over when the build holding it is gone, or it holds no pid', () => {
    const lock = lockFileOf(join(work, 'b', 'dist'));
    takeLock(lock, 1003, isAlive);
    expect(takeLock(lock, 1001, isAlive)).toBeUndefined();
    expect(readFileSync(lock, 'utf8').trim()).toBe('1001');
    writeFileSync(lock, 'garbage');
    expect(takeLock(lock, 1002, isAlive)).toBeUndefined();
    expect(readFileSync(lock, 'utf8').trim()).toBe('1002');
    expect(readdirSync(join(work, 'b'))).toEqual(['.dist.build-lock']);
  });

  it('tells a running process from one that has ended', () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(deadPid())).toBe(false);
  });
});

describe('the build-lock integration', () => {
  /** Runs its configuration hooks as Astro would for `command`; the integrations it added. */
  function configure(integration: AstroIntegration, command: 'build' | 'dev', outDir: string): AstroIntegration[] {
    const added: AstroIntegration[] = [];
    const hooks = integration.hooks as Record<string, (params: unknown) => void>;
    hooks['astro:config:setup']!({
      command,
      updateConfig: (c: { integrations?: AstroIntegration[] }) => added.push(...(c.integrations ?? [])),
    });
    hooks['astro:config:done']!({ config: { outDir: pathToFileURL(`${outDir}/`) } });
    return added;
  }

  it('holds the folder from its configuration until the build of the last integration is done', () => {
    const outDir = join(work, 'c', 'dist');
    const added = configure(buildLock(), 'build', outDir);
    const lock = lockFileOf(outDir);
    expect(readFileSync(lock, 'utf8').trim()).toBe(String(process.pid));
    // Given up by the integration it appended to the end of the list, after every other one's build:done.
    expect(added).toHaveLength(1);
    const doneHook = added[0]!.hooks['astro:build:done'] as unknown as () => void;
    expect(() => configure(buildLock(), 'build', outDir)).not.toThrow(); // the same process: no conflict with itself
    doneHook();
    expect(existsSync(lock)).toBe(false);
  });

  it('stops a build into a folder another build holds, naming it', () => {
    const outDir = join(work, 'd', 'dist');
    const lock = lockFileOf(outDir);
    expect(takeLock(lock, process.ppid)).toBeUndefined();
    expect(() => configure(buildLock(), 'build', outDir)).toThrow(`另一个构建正在这个文件夹里运行（pid ${process.ppid}）：${outDir}`);
    expect(readFileSync(lock, 'utf8').trim()).toBe(String(process.ppid));
  });

  it('takes no lock for the dev server', () => {
    const outDir = join(work, 'e', 'dist');
    expect(configure(buildLock(), 'dev', outDir)).toEqual([]);
    expect(existsSync(lockFileOf(outDir))).toBe(false);
  });
});

describe('two astro builds into one folder', () => {
  it('the second stops at once naming the first, and the first leaves its folder whole', async () => {
    const out = join(work, 'site', 'dist');
    const lock = lockFileOf(out);
    // What a build killed earlier leaves: a lock no running process holds, which the first build takes over.
    mkdirSync(join(work, 'site'));
    writeFileSync(lock, `${deadPid()}\n`);
    const env = {
      CONTENT_DIR: 'tests/fixtures/check/good/content',
      ASTRO_CACHE_DIR: join(work, 'site', 'cache'),
      NO_COLOR: '1',
      FORCE_COLOR: '0',
    };
    const first = startAstroBuild(out, env);
    // Once the first holds the folder, it is paused while the second runs: the two overlap however fast the first is.
    while (!(existsSync(lock) && readFileSync(lock, 'utf8').trim() === String(first.child.pid))) {
      if (first.child.exitCode !== null) throw new Error(`the first build ended before it took the lock:\n${(await first.done).log}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    first.child.kill('SIGSTOP');
    let second;
    try {
      second = await startAstroBuild(out, env).done;
    } finally {
      first.child.kill('SIGCONT');
    }
    expect(second.ok).toBe(false);
    expect(second.log).toContain(`另一个构建正在这个文件夹里运行（pid ${first.child.pid}）：${out}`);
    expect(second.log).toContain(`删除 ${lock} 后再试`);
    expect(second.log).not.toMatch(/ENOENT|^\s+at /m);
    const { ok, log } = await first.done;
    expect(ok, log).toBe(true);
    // The first's output is whole: the search index _headers names is there, with its entry file.
    const headers = readFileSync(join(out, '_headers'), 'utf8');
    expect(headers).toContain('/pagefind/');
    expect(existsSync(join(out, 'pagefind', 'pagefind-entry.json'))).toBe(true);
    expect(existsSync(join(out, '2022/04/19/fa-yuan-lf/index.html'))).toBe(true);
    // Given up when the build ended.
    expect(existsSync(lock)).toBe(false);
  }, 240_000);
});
