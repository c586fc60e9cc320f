// Vitest: unit tests for src/lib, tools/ and the Markdown plugins (project "unit"), and tests that read one
// build of the sample site (project "site", tests/site/), built once by its global setup.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // GitHub's workflow parser imports its JSON schema without an import attribute, which Node refuses: let Vite load it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    hookTimeout: 300_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/*.test.ts'] } },
      { extends: true, test: { name: 'site', include: ['tests/site/**/*.test.ts'], globalSetup: ['tests/setup/build-sample.ts'] } },
    ],
  },
});
