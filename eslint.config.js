// ESLint: the recommended rules of ESLint, typescript-eslint and the Astro plugin, and the one house rule a linter
// can see that dependency-cruiser cannot (.dependency-cruiser.cjs holds the layers): only src/lib/settings.ts
// reads the environment under src/.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'parts/', 'bench/.out/', 'tests/.tmp/', '.astro/', 'node_modules/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } } },
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
    rules: {
      // The content rules exist to find control characters: matching them is the point.
      'no-control-regex': 'off',
      // Unused bindings are an error, except those named _ on purpose (a destructured field left out).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,astro}'],
    ignores: [
      // The one reader of the environment.
      'src/lib/settings.ts',
      // SITE_NOW: read once and written back, so that workers and child processes take the same now.
      'src/lib/clock.ts',
      // The web editor's settings take an environment as a parameter (the tests give their own), the process's by default.
      'src/utils/cms-options.ts',
      // These hand the environment on to a child process (the editor's git backend, a build), reading no setting of their own.
      'src/integrations/decap-cms.ts',
      'src/lib/parts/astro-run-fs.ts',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read settings from src/lib/settings.ts, or take them as a parameter.' },
      ],
    },
  },
);
