// Builds, once per test run, the two sites the site tests read: the sample edition (tests/.tmp/sample)
// and a small multi-edition fixture deployed under a base path (tests/.tmp/fixture, base /paper/).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const root = fileURLToPath(new URL('../../', import.meta.url));

function build(outDir: string, env: Record<string, string>) {
  rmSync(outDir, { recursive: true, force: true });
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    // NODE_ENV=production: Vitest sets it to `test`, which would make the build count as dev (drafts shown).
    env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', SITE_URL: 'https://example.org', ...env },
  });
}

export default function setup(project: TestProject) {
  const sample = `${root}tests/.tmp/sample/`;
  const fixture = `${root}tests/.tmp/fixture/`;
  build(sample, { ASTRO_CACHE_DIR: `${root}tests/.tmp/cache-sample/` });
  build(fixture, { CONTENT_DIR: 'tests/fixtures/search-site', BASE_PATH: '/paper/', ASTRO_CACHE_DIR: `${root}tests/.tmp/cache-fixture/` });
  project.provide('sampleOut', sample);
  project.provide('fixtureOut', fixture);
}

declare module 'vitest' {
  export interface ProvidedContext {
    sampleOut: string;
    fixtureOut: string;
  }
}
