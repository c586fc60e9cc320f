// The content check's reads of each file, handed to the build's collection loaders (src/loaders/content-loader.ts)
// so that a build parses every content file's frontmatter once. The check runs in the content-check integration
// (and its worker thread); the loaders run later in the same process but, loaded through another Vite module
// graph, in another instance of this module: the reads travel on `globalThis`. A read is used only for the very
// bytes it was made from, and each is taken once. The downloads, made after the pages, get the published copy of
// the YAML of the files read (ReadFile.publishedYaml) the same way, kept apart since the loaders take the reads.
import { createHash } from 'node:crypto';
import type { ReadArticle, ReadEdition } from './read.ts';

/** A door read without its `locate` function, so that it can cross from a worker thread. */
export type PlainRead = Omit<ReadArticle, 'locate'> | Omit<ReadEdition, 'locate'>;

export interface SharedRead {
  /** Of the bytes the read was made from. */
  digest: string;
  read: PlainRead;
}

/** File path relative to the project root (`content/2022/04/19/slug.md`) → its read. */
export type SharedReads = Map<string, SharedRead>;

/** File path relative to the project root → the YAML a download ships of it, for the files whose read has a publishedYaml. */
export type PublishedYamls = Map<string, { digest: string; yaml: string }>;

const KEY = Symbol.for('hebei-legal-daily.shared-content-reads');
const YAMLS = Symbol.for('hebei-legal-daily.published-yamls');
const store = globalThis as { [KEY]?: SharedReads; [YAMLS]?: PublishedYamls };

export const readDigest = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('base64');

/** Offers `reads` to the loaders of this process's build (replacing any not taken), and their published YAML to its downloads. */
export function handOverReads(reads: SharedReads): void {
  store[KEY] = reads;
  store[YAMLS] = new Map();
  for (const [file, { digest, read }] of reads) keepPublishedYaml(file, digest, read);
}

/** Keeps the published YAML of `read` (made from bytes of `digest`), if it has one, for the downloads. */
export function keepPublishedYaml(file: string, digest: string, read: PlainRead): void {
  if (read.publishedYaml !== undefined) (store[YAMLS] ??= new Map()).set(file, { digest, yaml: read.publishedYaml });
}

/** The published YAML kept this build, by file (to copy to the downloads' worker threads). */
export function publishedYamls(): PublishedYamls {
  return store[YAMLS] ?? new Map();
}

/** `yamls`' published YAML of `file` when it was made from exactly `bytes`. */
export function publishedYamlFor(yamls: PublishedYamls, file: string, bytes: Uint8Array): string | undefined {
  const kept = yamls.get(file);
  return kept !== undefined && kept.digest === readDigest(bytes) ? kept.yaml : undefined;
}

/** The reads on offer, not taken (to copy to a worker thread that reads content too). */
export function offeredReads(): SharedReads {
  return store[KEY] ?? new Map();
}

/** `reads`' read of `file` when it was made from exactly `bytes`. */
export function readFor(reads: SharedReads, file: string, bytes: Uint8Array): PlainRead | undefined {
  const shared = reads.get(file);
  return shared !== undefined && shared.digest === readDigest(bytes) ? shared.read : undefined;
}

/** The check's read of `file` when it was made from exactly `bytes`; taken, so a second call gets nothing. */
export function takeRead(file: string, bytes: Uint8Array): PlainRead | undefined {
  const reads = store[KEY];
  if (reads === undefined) return undefined;
  const read = readFor(reads, file, bytes);
  reads.delete(file);
  return read;
}

/** Forgets the reads of the files `which` picks that no loader took (files unchanged since the last build). */
export function dropReads(which: (file: string) => boolean): void {
  const reads = store[KEY];
  if (reads === undefined) return;
  for (const file of reads.keys()) if (which(file)) reads.delete(file);
  if (reads.size === 0) delete store[KEY];
}
