// Astro integration: runs the content checker (src/lib/check, the rules of `npm run check`) over the content
// folder before anything is built. `astro build` stops with one line per problem (file:line:column, field, Chinese
// message) instead of Astro's own schema error, which names no line and ends in a stack trace; `astro dev` prints
// the same lines and keeps serving, checks each content file again when it is saved, and shows its errors in the
// browser (src/integrations/content-preview.ts).
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPaths, type CheckResult } from '../lib/check/check-fs.ts';
import { runWorker } from './worker.ts';
import type { CheckAnswer, CheckJob } from './content-check-worker.ts';
import { handOverReads, type SharedReads } from '../lib/content/shared-reads.ts';
import { sourceVersion } from '../lib/source-version-fs.ts';
import { formatProblem, formatSummary } from '../lib/content/problem.ts';
import { CONTENT_DIR } from '../lib/content/content-files-fs.ts';
import { walkScope } from '../lib/content/tree-fs.ts';
import { buildScope } from '../lib/parts/scope.ts';
import { ContentProblems } from '../lib/check/dev-preview.ts';
import { previewContentProblems } from './content-preview.ts';
import { siteToday } from '../lib/clock.ts';

/**
 * What `astro build` must check: the content folders that changed since the last build whose check came out
 * clean. A folder is one edition (the checker's rules never look across editions), keyed by the rules' code and
 * every entry directly in it as the content door sees it (src/lib/content/tree-fs.ts: links and hidden files
 * included, so adding one is a change); a clean folder's key is kept in the cache. Files at the top of the content
 * folder are checked one by one, when they change: the lists held against every page (redirects.yaml,
 * published-urls.txt) are not checked again because an article elsewhere changed, which would read the whole
 * archive on every build. `npm run check`, which the pull-request and publishing workflows run first, checks them
 * against the content in full.
 */
function foldersToCheck(root: string, contentRoot: string, cacheFile: string): { paths: string[]; remember: (clean: Set<string>) => void } {
  // The code whose rules decide a check's outcome: a change to any of it re-checks everything.
  const version = sourceVersion(root, ['src/lib', 'src/data']);
  const previous = new Set<string>(existsSync(cacheFile) ? (JSON.parse(readFileSync(cacheFile, 'utf8')) as string[]) : []);
  // A build in parts checks what it reads (src/lib/parts/scope.ts): its year, or in the assembly the top-level files.
  const byFolder = Map.groupBy(walkScope(contentRoot, buildScope()), (entry) => posix.dirname(entry.path));
  const keys = new Map<string, string>();
  for (const [folder, entries] of byFolder) {
    const hash = createHash('sha256').update(version).update(folder);
    for (const { path, file } of entries) {
      hash.update('\0').update(path).update('\0').update(file.kind);
      if (file.kind !== 'refused' && file.kind !== 'ignored') hash.update('\0').update(readFileSync(join(contentRoot, path)));
    }
    keys.set(join(contentRoot, folder), hash.digest('hex'));
  }
  const changed = [...byFolder].filter(([folder]) => !previous.has(keys.get(join(contentRoot, folder))!));
  return {
    paths: changed.flatMap(([folder, entries]) =>
      folder === '.' ? entries.filter((e) => e.file.kind !== 'ignored').map((e) => join(contentRoot, e.path)) : [join(contentRoot, folder)],
    ),
    remember: (dirty) => {
      mkdirSync(dirname(cacheFile), { recursive: true });
      writeFileSync(cacheFile, JSON.stringify([...keys].filter(([folder]) => !dirty.has(folder)).map(([, key]) => key)));
    },
  };
}

/** From this many edition folders on (some 1,000 articles), a build checks half of them in a worker thread, on the other core. */
const PARALLEL_FROM = 40;

/**
 * Checks `paths` (absolute paths of edition folders and top-level files) like checkPaths, on two cores when
 * there are many: split into two runs (the rules never look across editions), in sorted order, so that the
 * problems come out in the order one run would give.
 */
export async function checkFolders(root: string, paths: readonly string[], reads: SharedReads, today: string): Promise<CheckResult> {
  if (paths.length < PARALLEL_FROM) return checkPaths(paths, { cwd: root, contentDir: CONTENT_DIR, reads, today });
  const sorted = [...paths].sort();
  const cut = Math.floor(sorted.length / 2);
  const second = runWorker<CheckJob, CheckAnswer>(join(root, 'src/integrations/content-check-worker.ts'), {
    paths: sorted.slice(cut),
    cwd: root,
    today,
  });
  second.catch(() => undefined); // awaited below, after the first half
  const first = checkPaths(sorted.slice(0, cut), { cwd: root, contentDir: CONTENT_DIR, reads, today });
  const rest = await second;
  for (const [file, read] of rest.reads) reads.set(file, read);
  return {
    files: first.files + rest.files,
    problems: [...first.problems, ...rest.problems],
    preparedAhead: [...first.preparedAhead, ...rest.preparedAhead],
  };
}

export default function contentCheck(): AstroIntegration {
  let root = '';
  let base = '/';
  /** In `astro dev`: the current errors of each content file. */
  const devProblems = new ContentProblems();
  return {
    name: 'content-check',
    hooks: {
      // In `astro dev`, a saved file's edition is checked again; its errors are printed once, shown at the file's own
      // address and noted on every other page until fixed (src/integrations/content-preview.ts).
      'astro:server:setup': ({ server, logger }) => {
        previewContentProblems(server, { root, contentDir: CONTENT_DIR, base, logger, problems: devProblems });
      },
      'astro:config:setup': async ({ config, command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        root = fileURLToPath(config.root);
        base = config.base;
        const contentRoot = join(root, CONTENT_DIR);
        // A build checks only the edition folders that changed since the last clean check; dev checks all.
        const incremental =
          command === 'build' && existsSync(contentRoot)
            ? foldersToCheck(root, contentRoot, join(fileURLToPath(config.cacheDir), 'content-check.json'))
            : undefined;
        if (incremental && incremental.paths.length === 0) {
          incremental.remember(new Set());
          return;
        }
        // The loaders take these reads instead of parsing the files again.
        const reads: SharedReads = new Map();
        const today = siteToday();
        const { files, problems } = incremental
          ? await checkFolders(root, incremental.paths, reads, today)
          : checkPaths([contentRoot], { cwd: root, contentDir: CONTENT_DIR, reads, today });
        handOverReads(reads);
        incremental?.remember(new Set(problems.map((p) => dirname(join(root, p.file)))));
        const errors = problems.filter((p) => p.severity === 'error');
        for (const warning of problems.filter((p) => p.severity === 'warning')) logger.warn(formatProblem(warning));
        if (errors.length === 0) return;
        const report = `${errors.map(formatProblem).join('\n')}\n${formatSummary(problems, files)}`;
        if (command === 'dev') {
          devProblems.update(() => true, problems);
          logger.error(report);
          return;
        }
        const error = new AstroError(
          `内容检查未通过\n${report}`,
          '运行 npm run check 可以只做检查；每一行的规则和写法见 CONTRIBUTING.md。',
        );
        // A content error is the reporter's to fix, not a bug in the site: no stack trace.
        error.stack = '';
        throw error;
      },
    },
  };
}
