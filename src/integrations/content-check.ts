// Astro integration: runs the content checker (src/lib/check, the rules of `npm run check`) over the content
// folder before anything is built. `astro build` stops with one line per problem (file:line:column, field, Chinese
// message) instead of Astro's own schema error, which names no line and ends in a stack trace; `astro dev` prints
// the same lines and keeps serving, and checks each content file again when it is saved.
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPaths } from '../lib/check/check.ts';
import { formatProblem, formatSummary } from '../lib/check/problem.ts';
import { CONTENT_DIR } from '../lib/content-files.ts';

export default function contentCheck(): AstroIntegration {
  let root = '';
  return {
    name: 'content-check',
    hooks: {
      // In `astro dev`, a saved article (or edition.yaml) is checked again, with its edition's rules, and its
      // problems are printed where the reporter previewing it is looking.
      'astro:server:setup': ({ server, logger }) => {
        const contentRoot = join(root, CONTENT_DIR);
        server.watcher.on('all', (event, path) => {
          if (event === 'unlink' || event === 'unlinkDir' || !path.startsWith(contentRoot) || !/\.(md|ya?ml)$/.test(path)) return;
          const { files, problems } = checkPaths([path], { cwd: root });
          if (problems.length === 0) logger.info(`${relative(root, path)}: 检查通过`);
          else logger[problems.some((p) => p.severity === 'error') ? 'error' : 'warn'](`${problems.map(formatProblem).join('\n')}\n${formatSummary(problems, files)}`);
        });
      },
      'astro:config:setup': ({ config, command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        root = fileURLToPath(config.root);
        const { files, problems } = checkPaths([join(root, CONTENT_DIR)], { cwd: root });
        const errors = problems.filter((p) => p.severity === 'error');
        for (const warning of problems.filter((p) => p.severity === 'warning')) logger.warn(formatProblem(warning));
        if (errors.length === 0) return;
        const report = `${errors.map(formatProblem).join('\n')}\n${formatSummary(problems, files)}`;
        if (command === 'dev') {
          logger.error(report);
          return;
        }
        const error = new AstroError(`内容检查未通过\n${report}`, '运行 npm run check 可以只做检查；每一行的规则和写法见 CONTRIBUTING.md。');
        // A content error is the reporter's to fix, not a bug in the site: no stack trace.
        error.stack = '';
        throw error;
      },
    },
  };
}
