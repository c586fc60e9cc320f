// What a publish to an object store does (pure; tools/deploy/publish-s3-fs.ts carries it out): which files of the
// build go up, in which order, which old ones are deleted, and the manifest the bucket keeps of what it holds.
//
// Only what changed goes up: each file is compared by a digest of its bytes and the headers it is stored with
// against the manifest of the last publish. Uploads come in four waves, so that a reader never meets a page that
// links to a file not yet there, even if a publish stops half-way: first the content-hashed assets (nothing links
// to them but pages), then the files new to the bucket (no live page links to them yet), then the changed ones
// (which may link to the new ones: an edition page to its new articles, a listing to a new reporter's page), then
// the entry points (the top-level pages and feeds, and the search index's entry files). A file the build no
// longer has stays for `keep` more publishes (a reader with yesterday's page open still gets its assets), then is
// deleted. The manifest is written last, and before anything else a pending record of every path the publish
// will write or delete: the next publish starts from the last manifest and treats those paths as unknown, so it
// completes a publish that stopped, and deletes in its turn what that one uploaded and no build has any more.
import { CACHE_ENTRY, CACHE_IMMUTABLE } from '../../src/lib/seo/headers.ts';

/** One file of the build, with everything its object is stored with. */
export interface LocalObject {
  /** Path in the build folder: `2022/04/19/slug/index.html`. */
  path: string;
  size: number;
  contentType: string;
  cacheControl: string;
  /** For a forwarding page: where the bucket's website endpoint redirects (x-amz-website-redirect-location). */
  redirect?: string | undefined;
  /** Digest of the bytes and the fields above: a change to any of them uploads the file again. */
  digest: string;
}

export interface ManifestEntry {
  digest: string;
  size: number;
  /** The last publish whose build had this file. */
  seen: number;
}

export interface Manifest {
  version: 1;
  /** Counts the publishes to this bucket and prefix that changed something (see PublishPlan.nothingToDo). */
  publish: number;
  files: Record<string, ManifestEntry>;
}

export const MANIFEST_VERSION = 1;

export interface PublishPlan {
  publish: number;
  /** In upload order: content-hashed assets, files new to the bucket, changed files, entry points (each wave by path). */
  uploads: LocalObject[][];
  unchanged: number;
  /** Files the build no longer has whose grace period is over. */
  deletions: string[];
  /** Files the build no longer has, kept for now. */
  kept: string[];
  /**
   * The pending record written before anything is changed: every path this publish uploads or deletes, and the
   * paths an earlier publish that did not complete left pending.
   */
  pending: string[];
  /** What the bucket holds once the plan is carried out. */
  manifest: Manifest;
  /**
   * The bucket holds this build already: nothing to upload or delete. Such a publish writes nothing, not even the
   * manifest, so a re-run does not count as a publish and shorten the grace period of yesterday's files.
   */
  nothingToDo: boolean;
}

/** The last wave: what readers and feed readers start from, and what names the hashed search files. */
export function isEntryPoint(object: Pick<LocalObject, 'path' | 'cacheControl'>): boolean {
  return !object.path.includes('/') || object.cacheControl === CACHE_ENTRY;
}

const byPath = (a: LocalObject, b: LocalObject) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** The digest of an object whose bytes are not known: one a publish that did not complete may have written. */
const UNKNOWN = '';

/**
 * `pending`: the paths of the pending record an interrupted publish left (none after one that completed). The
 * bucket may hold any version of them, or none: each is uploaded again if built, and otherwise no longer built.
 */
export function planPublish(
  local: readonly LocalObject[],
  previous: Manifest | undefined,
  keep: number,
  pending: readonly string[] = [],
): PublishPlan {
  const publish = (previous?.publish ?? 0) + 1;
  const unknown = new Set(pending);
  const before: Record<string, ManifestEntry> = { ...previous?.files };
  for (const path of unknown) before[path] = { digest: UNKNOWN, size: before[path]?.size ?? 0, seen: before[path]?.seen ?? publish - 1 };
  const changed = local.filter((f) => before[f.path]?.digest !== f.digest);
  // Assets, new files (not in the manifest: a stopped publish may have written them), changed files, entry points.
  const waves: LocalObject[][] = [[], [], [], []];
  for (const f of changed)
    waves[isEntryPoint(f) ? 3 : f.cacheControl === CACHE_IMMUTABLE ? 0 : previous?.files[f.path] === undefined ? 1 : 2]!.push(f);
  const files: Record<string, ManifestEntry> = {};
  for (const f of local) files[f.path] = { digest: f.digest, size: f.size, seen: publish };
  const current = new Set(local.map((f) => f.path));
  const deletions: string[] = [];
  const kept: string[] = [];
  for (const [path, entry] of Object.entries(before).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (current.has(path)) continue;
    if (entry.seen <= publish - 1 - keep) deletions.push(path);
    else {
      kept.push(path);
      files[path] = entry;
    }
  }
  return {
    publish,
    uploads: waves.filter((wave) => wave.length > 0).map((wave) => wave.sort(byPath)),
    unchanged: local.length - changed.length,
    deletions,
    kept,
    pending: [...new Set([...unknown, ...changed.map((f) => f.path), ...deletions])].sort(),
    manifest: { version: MANIFEST_VERSION, publish, files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) },
    nothingToDo: changed.length === 0 && deletions.length === 0,
  };
}

/** Reads a manifest object's text; undefined for a bucket never published to (or a manifest of another version). */
export function parseManifest(text: string | undefined): Manifest | undefined {
  if (text === undefined) return undefined;
  const data = JSON.parse(text) as Partial<Manifest>;
  if (data.version !== MANIFEST_VERSION || typeof data.publish !== 'number' || typeof data.files !== 'object' || data.files === null)
    return undefined;
  return data as Manifest;
}

/** The pending record's text: the paths a publish is about to write or delete. */
export function pendingRecord(paths: readonly string[]): string {
  return JSON.stringify({ version: MANIFEST_VERSION, paths });
}

/** The paths of a pending record's text; none when there is no record. */
export function parsePending(text: string | undefined): string[] {
  if (text === undefined) return [];
  const data = JSON.parse(text) as { version?: unknown; paths?: unknown };
  if (data.version !== MANIFEST_VERSION || !Array.isArray(data.paths) || !data.paths.every((p) => typeof p === 'string'))
    throw new SyntaxError('not a pending record');
  return data.paths as string[];
}

/** `s3://bucket/prefix/` → bucket and key prefix (`prefix/`, or empty). */
export function parseTarget(target: string): { bucket: string; prefix: string } | undefined {
  const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(target);
  if (!match) return undefined;
  const prefix = (match[2] ?? '').replace(/^\/+|\/+$/g, '');
  if (prefix.split('/').some((part) => part === '.' || part === '..')) return undefined;
  return { bucket: match[1]!, prefix: prefix ? `${prefix}/` : '' };
}

/** Content-Type by file name: UTF-8 for every text type. */
export function contentTypeOf(path: string): string {
  const name = path.split('/').at(-1)!;
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  if (name === 'rss.xml') return 'application/rss+xml; charset=utf-8';
  if (name === 'feed.json') return 'application/feed+json; charset=utf-8';
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
  webmanifest: 'application/manifest+json; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  woff: 'font/woff',
  zip: 'application/zip',
  wasm: 'application/wasm',
  pdf: 'application/pdf',
};
