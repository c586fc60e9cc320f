// Astro integration: in the assembly of a build in parts (src/lib/parts/scope.ts), merges every year's part into
// the output folder once Astro has written the pages that span years, before the downloads fill in the sizes of
// the zips those pages link and the CDN headers are written over every file. Does nothing in other builds.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildScope } from '../lib/parts/scope.ts';
import { contentYears } from '../lib/parts/catalogue-fs.ts';
import { mergePart } from '../lib/parts/merge-fs.ts';
import { partSiteDir } from '../lib/parts/parts-fs.ts';

export default function assembleParts(): AstroIntegration {
  let root = '';
  return {
    name: 'assemble-parts',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ dir, logger }) => {
        if (buildScope().kind !== 'assemble') return;
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        let files = 0;
        const years = contentYears(root);
        for (const year of years) files += mergePart(partSiteDir(root, year), outDir, year);
        logger.info(`merged ${years.length} part(s), ${files} files, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
