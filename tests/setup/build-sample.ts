// Builds, once per test run, the sites the site tests read: the sample edition (tests/.tmp/sample, from
// tests/fixtures/sample, a frozen copy of the April 2022 sample, so that what content/ holds never matters), a small
// multi-edition fixture deployed under a base path (tests/.tmp/fixture, base /paper/), and the content door's
// fixture of files readers must never get (tests/.tmp/door), and the e-paper fixture (tests/.tmp/epaper, from
// tests/fixtures/epaper/content: one edition whose 版 have page PDFs, built on its edition's day).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { writeDoorFixture } from '../helpers/door-fixture.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The e-paper fixture's "now": the day of its one edition (tests/fixtures/epaper/content/2022/04/19). */
export const EPAPER_NOW = '2022-04-19T09:00:00+08:00';

function build(outDir: string, env: Record<string, string>) {
  rmSync(outDir, { recursive: true, force: true });
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    // NODE_ENV=production: Vitest sets it to `test`, which would make the build count as dev (drafts shown).
    env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', SITE_URL: 'https://example.org', ...env },
  });
}

export default async function setup(project: TestProject) {
  const sample = `${root}tests/.tmp/sample/`;
  const fixture = `${root}tests/.tmp/fixture/`;
  const door = `${root}tests/.tmp/door/`;
  const epaper = `${root}tests/.tmp/epaper/`;
  build(sample, { CONTENT_DIR: 'tests/fixtures/sample', ASTRO_CACHE_DIR: `${root}tests/.tmp/cache-sample/` });
  build(fixture, { CONTENT_DIR: 'tests/fixtures/search-site', BASE_PATH: '/paper/', ASTRO_CACHE_DIR: `${root}tests/.tmp/cache-fixture/` });
  await writeDoorFixture(`${root}tests/.tmp/door-content/`, `${root}tests/fixtures/`);
  build(door, { CONTENT_DIR: 'tests/.tmp/door-content/content', ASTRO_CACHE_DIR: `${root}tests/.tmp/cache-door/` });
  // The page cache beside Astro's, as by default; a folder of its own, so another build's cache never answers.
  // Built on its edition's day (SITE_NOW), so that its home page is 今日报纸 where the sample's is 最新一期.
  build(epaper, {
    CONTENT_DIR: 'tests/fixtures/epaper/content',
    SITE_NOW: EPAPER_NOW,
    ASTRO_CACHE_DIR: `${root}tests/.tmp/cache-epaper/`,
    EPAPER_CACHE_DIR: `${root}tests/.tmp/cache-epaper/epaper/`,
  });
  project.provide('sampleOut', sample);
  project.provide('epaperOut', epaper);
  project.provide('fixtureOut', fixture);
  project.provide('doorOut', door);
}

declare module 'vitest' {
  export interface ProvidedContext {
    sampleOut: string;
    fixtureOut: string;
    /** The build of the content door's fixture (tests/helpers/door-fixture.ts). */
    doorOut: string;
    /** The build of the e-paper fixture (tests/fixtures/epaper/content). */
    epaperOut: string;
  }
}
