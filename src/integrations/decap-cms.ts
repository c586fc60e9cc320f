// Astro integration for the web editor (/admin/, src/pages/admin/): serves Decap CMS's prebuilt bundle from
// node_modules in `astro dev` and copies it into the build (it is never committed), and in `astro dev` runs Decap's
// local git backend (decap-server, MODE=git, on 127.0.0.1) for as long as the dev server runs, unless DECAP_SERVER=off.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, createReadStream, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { decapServerPort, gitRepoDir, localBackendOn } from '../utils/cms-options.ts';

const require = createRequire(import.meta.url);
/** Decap's self-contained build: `decap-cms.js` and the chunks it loads from beside itself (`1077.decap-cms.js` …). */
const BUNDLE_DIR = dirname(require.resolve('decap-cms/dist/decap-cms.js'));
const BUNDLE_FILE = /^(?:\d+\.)?decap-cms\.js$/;

function bundleFiles(): string[] {
  return readdirSync(BUNDLE_DIR).filter((name) => BUNDLE_FILE.test(name));
}

export default function decapCms(): AstroIntegration {
  let root = '';
  let base = '/';
  let server: ChildProcess | undefined;
  const stop = () => {
    if (server && server.exitCode === null) server.kill();
    server = undefined;
  };
  return {
    name: 'decap-cms',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server: vite, logger }) => {
        const files = new Set(bundleFiles());
        vite.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0]!;
          const name = path.startsWith(`${base}admin/`) ? path.slice(`${base}admin/`.length) : '';
          if (!files.has(name)) return next();
          res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
          createReadStream(join(BUNDLE_DIR, name)).pipe(res);
        });
        if (!localBackendOn()) {
          logger.info(`editor: ${base}admin/ without its local backend (DECAP_SERVER=off)`);
          return;
        }
        const repo = gitRepoDir(root);
        const port = decapServerPort();
        server = spawn(process.execPath, [require.resolve('decap-server/dist/index.js')], {
          cwd: repo,
          env: {
            ...process.env,
            MODE: 'git',
            BIND_HOST: '127.0.0.1',
            PORT: String(port),
            GIT_REPO_DIRECTORY: repo,
            LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'info',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        const log = (chunk: Buffer) => {
          for (const line of chunk.toString().split('\n')) if (line.trim()) logger.info(`decap-server: ${line.trim()}`);
        };
        server.stdout!.on('data', log);
        server.stderr!.on('data', log);
        server.on('exit', (code, signal) => {
          if (signal === null && code !== 0) logger.warn(`decap-server stopped (exit ${code}): the editor at ${base}admin/ cannot save`);
        });
        vite.httpServer?.on('close', stop);
        process.once('exit', stop);
        logger.info(`editor: ${base}admin/ commits to ${repo} through decap-server on 127.0.0.1:${port}`);
      },
      'astro:server:done': stop,
      'astro:build:done': ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), 'admin');
        mkdirSync(out, { recursive: true });
        const files = bundleFiles();
        for (const name of files) copyFileSync(join(BUNDLE_DIR, name), join(out, name));
        logger.info(`copied Decap CMS (${files.length} files) to admin/`);
      },
    },
  };
}
