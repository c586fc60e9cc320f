// Astro integration: after the build (and after the search index and downloads, which add files), writes the CDN
// host files into the output folder: `_headers` (caching and security headers, src/lib/seo/headers.ts) and
// `_redirects` (moved URLs from the content folder's redirects.yaml, src/lib/permanent-urls/redirects.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CONTENT_DIR } from '../lib/content/content-files-fs.ts';
import { renderHeadersFile } from '../lib/seo/headers.ts';
import { buildHeaderRules } from '../lib/seo/headers-fs.ts';
import { renderRedirectsFile } from '../lib/permanent-urls/redirects.ts';
import { readRedirects } from '../lib/permanent-urls/redirects-fs.ts';
import { buildScope } from '../lib/parts/scope.ts';

export default function cdnHeaders(): AstroIntegration {
  let root = '';
  let base = '/';
  return {
    name: 'cdn-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        // A part's headers are the assembly's to write, over the merged site (src/lib/parts/scope.ts).
        if (buildScope().kind === 'part') return;
        const out = fileURLToPath(dir);
        const rules = buildHeaderRules(out, base);
        writeFileSync(join(out, '_headers'), renderHeadersFile(rules));
        const redirects = readRedirects(root, CONTENT_DIR);
        writeFileSync(join(out, '_redirects'), renderRedirectsFile(redirects, base));
        logger.info(`wrote _headers (${rules.length} rules) and _redirects (${redirects.length} moved URLs)`);
      },
    },
  };
}
