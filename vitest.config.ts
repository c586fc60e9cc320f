// Vitest, in projects by what a test costs (`npx vitest run --project <name>`; `npm test` runs them all):
//
// - unit: tests/*.test.ts that start no child process, no build, no server and no browser: src/lib, the Markdown
//   plugins, the loaders and checkers on in-memory or temporary files. Seconds; the fast loop is `npm run test:unit`.
// - integration: tests/*.test.ts that build a site, start a dev server, or run a command-line tool (ours, git, sh,
//   unzip, node) as a child process, even once. Minutes. A new test file that spawns anything belongs here.
// - browser: tests/*.test.ts that launch Chromium (tools/browser.ts) on a site they build or serve themselves.
// - site: tests/site/**, which read the sample sites built once per run by the global setup
//   tests/setup/build-sample.ts, browser tests over those builds included. It is kept whole, rather than split into
//   the projects above, so that only one project has the global setup and the sample sites are built once per
//   `npm test` (a global setup runs once per project that names it).
import { configDefaults, defineConfig } from 'vitest/config';

/** tests/*.test.ts that run a child process: a build, a dev server, a CLI, git, sh, unzip, node (content-door: the
 * checker decodes the photos of its generated trees in a child process, src/lib/check/images-fs.ts). */
const integration = [
  'tests/build-lock.test.ts',
  'tests/check-build.test.ts',
  'tests/check-dates.test.ts',
  'tests/check-epaper.test.ts',
  'tests/check-workflow.test.ts',
  'tests/check.test.ts',
  'tests/content-door.test.ts',
  'tests/deploy-secrets.test.ts',
  'tests/deploy.test.ts',
  'tests/edition-dates.test.ts',
  'tests/embargo.test.ts',
  'tests/fresh-clone.test.ts',
  'tests/importer-cli.test.ts',
  'tests/importer-pdf-cli.test.ts',
  'tests/markdown-safety.test.ts',
  'tests/new.test.ts',
  'tests/offline-zip.test.ts',
  'tests/offline.test.ts',
  'tests/parts.test.ts',
  'tests/pr-summary.test.ts',
  'tests/published-urls.test.ts',
  'tests/rebuild.test.ts',
];

/** tests/*.test.ts that launch Chromium. */
const browser = ['tests/cms-editor.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // GitHub's workflow parser imports its JSON schema without an import attribute, which Node refuses: let Vite load it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    hookTimeout: 300_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/*.test.ts'], exclude: [...configDefaults.exclude, ...integration, ...browser] },
      },
      { extends: true, test: { name: 'integration', include: integration } },
      { extends: true, test: { name: 'browser', include: browser } },
      { extends: true, test: { name: 'site', include: ['tests/site/**/*.test.ts'], globalSetup: ['tests/setup/build-sample.ts'] } },
    ],
  },
});
