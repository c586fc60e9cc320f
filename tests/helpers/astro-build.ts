// Runs `astro build` of this project as a reader's build runs (production, not Vitest's `test` mode, no
// telemetry), with the test's own settings (content folder, cache, base path…) on top.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The environment of a build the test starts: the test's own, without what Vitest adds to it (Vite's
 * `import.meta.env` values such as DEV=1 and MODE=test, which a child process's Vite would take for its own),
 * as a production build with the test's settings on top.
 */
export function buildEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const own = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(DEV|PROD|SSR|MODE|BASE_URL|TEST|VITEST.*)$/.test(name)),
  );
  // NODE_ENV=production: Vitest sets it to `test`, which would make the build count as dev (drafts shown).
  return { ...own, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', ...env };
}

/** Builds into `outDir`; `ok` and the whole log (stdout, then stderr), for the test to assert on. `timeout`: ms before the build is killed. */
export function astroBuild(outDir: string, env: Record<string, string>, timeout?: number): { ok: boolean; log: string } {
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    cwd: root,
    encoding: 'utf8',
    env: buildEnv(env),
    ...(timeout === undefined ? {} : { timeout }),
  });
  return { ok: result.status === 0, log: `${result.stdout}\n${result.stderr}` };
}

/** Starts a build into `outDir` without waiting for it: its process, and `ok` and the whole log once it has ended. */
export function startAstroBuild(
  outDir: string,
  env: Record<string, string>,
): { child: ChildProcess; done: Promise<{ ok: boolean; log: string }> } {
  const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    cwd: root,
    env: buildEnv(env),
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ ok: boolean; log: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ ok: code === 0, log: `${stdout}\n${stderr}` }));
  });
  return { child, done };
}
