// Runs `astro build` of this project as a reader's build runs (production, not Vitest's `test` mode, no
// telemetry), with the test's own settings (content folder, cache, base path…) on top.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Builds into `outDir`; `ok` and the whole log (stdout, then stderr), for the test to assert on. */
export function astroBuild(outDir: string, env: Record<string, string>): { ok: boolean; log: string } {
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    cwd: root,
    encoding: 'utf8',
    // NODE_ENV=production: Vitest sets it to `test`, which would make the build count as dev (drafts shown).
    env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  return { ok: result.status === 0, log: `${result.stdout}\n${result.stderr}` };
}
