// The content check in `astro dev`: each saved content file's edition folder is checked again (the rules of
// `npm run check`), its problems printed once in the terminal, and the open pages reloaded when the errors change.
// While a file has errors, its own address serves a Chinese error page with the checker's lines and every other
// page gets a notice listing them (src/lib/check/dev-preview.ts). Everything here runs in the dev server only.
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { checkPaths } from '../lib/check/check-fs.ts';
import { ContentProblems, pageOfContentFile, problemNoticeHtml, problemPageHtml, withNotice } from '../lib/check/dev-preview.ts';
import { formatProblem, formatSummary, type Problem } from '../lib/content/problem.ts';
import { classifyContentPath } from '../lib/content/files.ts';
import { SAVE_SETTLE_MS, settleEach } from '../lib/content/settle.ts';
import { withBase } from '../lib/routing.ts';
import { siteToday } from '../lib/clock.ts';
import { toPosix } from '../lib/util/posix-path.ts';

export interface PreviewOptions {
  /** Absolute path of the project root; problems name files relative to it. */
  root: string;
  /** The content folder, relative to the root (CONTENT_DIR). */
  contentDir: string;
  /** The site's base path. */
  base: string;
  logger: AstroIntegrationLogger;
  /** The errors found so far (at start-up, by the full check). */
  problems: ContentProblems;
}

/** Prints a check's result the way `npm run check` does: one line per problem, then the summary. */
function logCheck(logger: AstroIntegrationLogger, problems: readonly Problem[], files: number, passed: string): void {
  if (problems.length === 0) logger.info(passed);
  else
    logger[problems.some((p) => p.severity === 'error') ? 'error' : 'warn'](
      `${problems.map(formatProblem).join('\n')}\n${formatSummary(problems, files)}`,
    );
}

/** The dev server Astro hands to `astro:server:setup` (Vite's, typed through Astro: vite is not a dependency of ours). */
type DevServer = Parameters<NonNullable<AstroIntegration['hooks']['astro:server:setup']>>[0]['server'];

export function previewContentProblems(server: DevServer, options: PreviewOptions): void {
  const { root, contentDir, base, logger, problems } = options;
  const contentRoot = join(root, contentDir);
  const pageOf = (file: string) => {
    const page = pageOfContentFile(file, toPosix(contentDir));
    return page === undefined ? undefined : withBase(page, base);
  };

  // A folder is one edition: its files are checked together, since an edit to one (edition.yaml's pages, an
  // article's position) can make another wrong. A file at the top of the content folder is checked alone.
  const recheck = settleEach<string>(SAVE_SETTLE_MS, (key) => {
    const [kind, target] = [key.slice(0, 1), key.slice(2)];
    const shown = toPosix(relative(root, target));
    const inScope = kind === 'd' ? (file: string) => file.startsWith(`${shown}/`) : (file: string) => file === shown;
    let found: Problem[] = [];
    try {
      if (existsSync(target)) {
        const { files, problems: checked } = checkPaths([target], { cwd: root, contentDir, today: siteToday() });
        found = checked;
        logCheck(logger, found, files, `${shown}: 检查通过`);
      }
    } catch (error) {
      // A bug in the checker must not stop the dev server (this runs in a timer).
      logger.error(`${shown}：内容检查出错（${error instanceof Error ? error.message : String(error)}）`);
      return;
    }
    // The open pages follow the errors: an error page appears, or goes (the loader's own update reloads them too).
    if (problems.update(inScope, found)) server.environments.client.hot.send({ type: 'full-reload', path: '*' });
  });

  server.watcher.on('all', (event, path) => {
    if (!path.startsWith(contentRoot + sep)) return;
    const inContent = toPosix(relative(contentRoot, path));
    if (event === 'addDir' || (event !== 'unlinkDir' && classifyContentPath(inContent, 'file').kind === 'ignored')) return;
    // Keys: `d:<folder>` for a folder's check, `f:<file>` for a file at the top of the content folder.
    if (event === 'unlinkDir') recheck(`d:${path}`);
    else if (dirname(path) === contentRoot) recheck(`f:${path}`);
    else recheck(`d:${dirname(path)}`);
  });

  server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const errors = problems.errors();
    if (errors.length === 0 || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return next(); // not an address of ours
    }
    const wanted = pathname.endsWith('/') ? pathname : `${pathname}/`;
    // Vite may have taken the base path off the request's URL already: either form is the page.
    const broken = problems.files().find((file) => {
      const page = pageOfContentFile(file, toPosix(contentDir));
      return page !== undefined && (wanted === page || wanted === withBase(page, base));
    });
    if (broken) {
      res.writeHead(500, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(problemPageHtml(broken, problems.errorsOf(broken), base));
      return;
    }
    injectIntoHtml(res, problemNoticeHtml(errors, pageOf));
    next();
  });
}

/**
 * Makes `res` put `notice` into the HTML page Astro writes to it: an HTML response is held back until it ends, then
 * sent with the notice after `<body>`; any other response passes through untouched.
 */
function injectIntoHtml(res: ServerResponse, notice: string): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  let held: Buffer[] | undefined;
  const isHtml = () => String(res.getHeader('content-type') ?? '').includes('text/html');
  const hold = (chunk: unknown) => {
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function')
      held!.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  };
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const headers = rest.find((r) => typeof r === 'object' && r !== null) as Record<string, unknown> | undefined;
    for (const [name, value] of Object.entries(headers ?? {})) res.setHeader(name, value as string);
    res.statusCode = status;
    if (isHtml()) held = [];
    else writeHead(status);
    return res;
  }) as ServerResponse['writeHead'];
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (held === undefined && !res.headersSent && isHtml()) held = [];
    if (held === undefined) return write(chunk, ...rest);
    hold(chunk);
    return true;
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (held === undefined && !res.headersSent && isHtml()) held = [];
    if (held === undefined) return end(chunk, ...rest);
    hold(chunk);
    const body = Buffer.from(withNotice(Buffer.concat(held).toString('utf8'), notice));
    res.removeHeader('content-length');
    res.setHeader('content-length', body.length);
    if (!res.headersSent) writeHead(res.statusCode);
    return end(body);
  }) as ServerResponse['end'];
}
