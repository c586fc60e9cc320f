// The layers, as rules (run by `npm run lint:layers`, part of `npm test`; drawn in docs/architecture.md):
//
//   core (src/lib: schema, gazetteer, routing, edition rules, typography, feeds, seo, search, offline …)
//     ← the content door (src/lib/content: the only reader of content/)
//     ← the checker and the importer (src/lib/check, src/lib/importer)
//     ← the site (src/markdown plugins, src/loaders, src/integrations, src/utils, src/pages, components, layouts)
//   and, beside the site, never imported by it: the tools (scripts/, tools/).
//   tests/ may import anything; nothing imports tests/.
//
// Node's file system and processes only in modules named *-fs.ts (as Starlight keeps Node built-ins out of its
// pure modules), so a pure module can be read, tested and bundled without a disk.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'nothing-imports-tests',
      comment: 'Tests may import the product, never the other way round (shared helpers live in tools/).',
      severity: 'error',
      from: { path: '^(src|scripts|tools)/' },
      to: { path: '^tests/' },
    },
    {
      name: 'site-never-imports-tools',
      comment: 'The site is built from src/ alone: the command-line tools, the benchmarks and the deploy live beside it.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(scripts|tools)/' },
    },
    {
      name: 'lib-never-imports-the-site',
      comment: 'src/lib is plain TypeScript, unit-tested without Astro: it never reaches up into the site.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^src/(pages|components|layouts|loaders|integrations|utils|markdown|cms|scripts)/' },
    },
    {
      name: 'lib-has-no-astro-virtual-modules',
      comment: 'astro:content, astro:assets … exist only inside an Astro build: src/utils/ is where pages meet them.',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^astro:' },
    },
    {
      name: 'the-door-stands-below-the-checker',
      comment: 'The content door reads and validates; the checker (src/lib/check) adds its rules on top of it, never the reverse.',
      severity: 'error',
      from: { path: '^src/lib/content/' },
      to: { path: '^src/lib/(check|importer)/' },
    },
    {
      name: 'markdown-plugins-are-pure',
      comment: 'A remark/rehype plugin works on a tree: it may use src/lib, not the site around it.',
      severity: 'error',
      from: { path: '^src/markdown/' },
      to: { path: '^src/(pages|components|layouts|loaders|integrations|utils)/' },
    },
    {
      name: 'routes-stay-thin',
      comment: 'Routes read site data through src/utils and render components; loaders and integrations are Astro’s to call.',
      severity: 'error',
      from: { path: '^src/(pages|components|layouts)/' },
      to: { path: '^src/(loaders|integrations)/' },
    },
    {
      name: 'file-system-only-in-fs-modules',
      comment: 'node:fs, node:child_process and node:worker_threads only in modules named *-fs.ts (src/lib and tools/).',
      severity: 'error',
      from: { path: '^(src/lib|tools)/', pathNot: '-fs\\.ts$' },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|fs/promises|child_process|worker_threads)$' },
    },
    {
      name: 'no-circular',
      comment: 'Layers do not loop.',
      severity: 'error',
      from: { path: '^(src|scripts|tools)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|parts|bench/\\.out|tests/\\.tmp|\\.astro)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js', '.astro', '.json'] },
  },
};
