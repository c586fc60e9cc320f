// Builds the sample site once per test run (into tests/.tmp/sample) for every test that reads its HTML.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

export const SAMPLE_OUT = fileURLToPath(new URL('../.tmp/sample/', import.meta.url));

export default function setup(project: TestProject) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  rmSync(SAMPLE_OUT, { recursive: true, force: true });
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', SAMPLE_OUT], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SITE_URL: 'https://example.org' },
  });
  project.provide('sampleOut', SAMPLE_OUT);
}

declare module 'vitest' {
  export interface ProvidedContext {
    sampleOut: string;
  }
}
