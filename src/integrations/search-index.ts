// Astro integration: builds the Pagefind search index from the articles' content with Pagefind's Node API.
// `astro build` writes it to dist/pagefind/ (failing the build on any Pagefind error); `astro dev` builds
// it in memory on first use, rebuilds it when content changes, and serves it at <base>pagefind/.
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { fileURLToPath } from 'node:url';
import { extname } from 'node:path';
import { readContent } from '../lib/content-files.ts';
import { indexRecords } from '../lib/search/index-records.ts';

type PagefindFiles = Map<string, Uint8Array>;

async function buildIndex(root: string, base: string, includeDrafts: boolean, logger: AstroIntegrationLogger) {
  logger.info('building the search index');
  const records = indexRecords(readContent(root), { base, includeDrafts });
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  for (const record of records) {
    const added = await index.addHTMLFile({ url: record.url, content: record.html });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${record.url}: ${added.errors.join('; ')}`);
  }
  logger.info(`indexed ${records.length} articles`);
  return index;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
};

export default function searchIndex(): AstroIntegration {
  let root = '';
  let base = '/';
  return {
    name: 'search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        try {
          const index = await buildIndex(root, base, false, logger);
          const written = await index.writeFiles({ outputPath: fileURLToPath(new URL('pagefind/', dir)) });
          if (written.errors.length > 0) throw new Error(written.errors.join('; '));
        } finally {
          await pagefind.close();
        }
      },
      'astro:server:setup': ({ server, logger }) => {
        let files: Promise<PagefindFiles> | undefined;
        const load = async (): Promise<PagefindFiles> => {
          try {
            const index = await buildIndex(root, base, true, logger);
            const { files: list, errors } = await index.getFiles();
            if (errors.length > 0) throw new Error(errors.join('; '));
            return new Map(list.map((f) => [f.path.replaceAll('\\', '/'), f.content]));
          } finally {
            await pagefind.close();
          }
        };
        server.watcher.on('all', (_event, path) => {
          if (path.startsWith(`${root}content`)) files = undefined;
        });
        const prefix = `${base}pagefind/`;
        server.middlewares.use((req, res, next) => {
          const path = req.url?.split('?')[0] ?? '';
          if (!path.startsWith(prefix)) return next();
          files ??= load();
          files.then(
            (map) => {
              const file = map.get(path.slice(prefix.length));
              if (!file) return next();
              res.setHeader('content-type', CONTENT_TYPES[extname(path)] ?? 'application/octet-stream');
              res.end(file);
            },
            (error: unknown) => {
              files = undefined;
              logger.error(`search index: ${String(error)}`);
              res.statusCode = 500;
              res.end(String(error));
            },
          );
        });
      },
    },
  };
}
