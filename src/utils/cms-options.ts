// Where the web editor (/admin/) finds its content and its git host, from the environment: read here, once, by the
// admin page and the dev integration that starts the local git backend, and passed to the pure src/lib/cms/config.ts.
import { execFileSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import type { CmsBackend, CmsOptions } from '../lib/cms/config.ts';
import { CONTENT_DIR } from '../lib/content/content-files-fs.ts';
import { toPosix } from '../lib/util/posix-path.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** Port of the local git backend (decap-server) in `npm run dev`. */
export function decapServerPort(env: Env = process.env): number {
  return Number(env['DECAP_SERVER_PORT'] ?? 8081);
}

/** Whether `npm run dev` runs the local git backend: `DECAP_SERVER=off` leaves it out (a second dev server, a test that does not open the editor). */
export function localBackendOn(env: Env = process.env): boolean {
  return env['DECAP_SERVER'] !== 'off';
}

/** The git repository the editor commits to in `npm run dev`: the project itself unless CMS_GIT_REPO names another. */
export function gitRepoDir(root: string, env: Env = process.env): string {
  return resolve(root, env['CMS_GIT_REPO'] ?? '.');
}

/** The content folder relative to the repository's root (`content`), as the editor's collection names it. */
export function contentFolderInRepo(root: string, env: Env = process.env): string {
  return toPosix(relative(gitRepoDir(root, env), resolve(root, env['CONTENT_DIR'] ?? CONTENT_DIR)));
}

/** The branch the local backend reads and merges into: the one checked out when the dev server starts. */
function currentBranch(repo: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--abbrev-ref', 'HEAD'], {
      cwd: repo,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'main';
  }
}

/**
 * The settings naming the git host a build's editor logs in to (docs/web-editor.md), which the publishing workflows
 * pass from the repository's variables. Empty counts as unset: `${{ vars.X }}` is '' for a variable never set.
 */
export const CMS_HOST_SETTINGS = [
  'CMS_BACKEND',
  'CMS_REPO',
  'CMS_BRANCH',
  'CMS_APP_ID',
  'CMS_BASE_URL',
  'CMS_API_ROOT',
  'CMS_AUTH_ENDPOINT',
] as const;
type HostSetting = (typeof CMS_HOST_SETTINGS)[number];
const setting = (env: Env, name: HostSetting): string | undefined => env[name] || undefined;

function productionBackend(env: Env): CmsBackend {
  const repo = setting(env, 'CMS_REPO') ?? 'OWNER/REPOSITORY';
  const branch = setting(env, 'CMS_BRANCH') ?? 'main';
  const baseUrl = setting(env, 'CMS_BASE_URL');
  const apiRoot = setting(env, 'CMS_API_ROOT');
  const appId = setting(env, 'CMS_APP_ID') ?? '';
  const authEndpoint = setting(env, 'CMS_AUTH_ENDPOINT');
  const name = setting(env, 'CMS_BACKEND') ?? 'github';
  switch (name) {
    case 'gitlab':
      return { name: 'gitlab', repo, branch, appId, ...(apiRoot ? { apiRoot } : {}), ...(baseUrl ? { baseUrl } : {}) };
    case 'gitea':
      return { name: 'gitea', repo, branch, appId, apiRoot: apiRoot ?? '', baseUrl: baseUrl ?? '' };
    case 'github':
      return { name: 'github', repo, branch, ...(baseUrl ? { baseUrl } : {}), ...(authEndpoint ? { authEndpoint } : {}) };
    default:
      throw new Error(`CMS_BACKEND=${name}: the editor knows github, gitlab and gitea`);
  }
}

/** The editor's options: in dev, the local git backend on 127.0.0.1 and the checked-out branch; in a build, the git host. */
export function cmsOptions({
  dev,
  root,
  siteUrl,
  env = process.env,
}: {
  dev: boolean;
  root: string;
  siteUrl?: string | undefined;
  env?: Env;
}): CmsOptions {
  const backend = productionBackend(env);
  if (dev) backend.branch = setting(env, 'CMS_BRANCH') ?? currentBranch(gitRepoDir(root, env));
  return {
    backend,
    contentFolder: contentFolderInRepo(root, env),
    ...(dev && localBackendOn(env) ? { localBackendUrl: `http://127.0.0.1:${decapServerPort(env)}/api/v1` } : {}),
    ...(siteUrl ? { siteUrl } : {}),
  };
}
