// The content check's reads of each file, handed to the build's collection loaders (src/loaders/content-loader.ts)
// so that a build parses every content file's frontmatter once. The check runs in the content-check integration
// (and its worker thread); the loaders run later in the same process but, loaded through another Vite module
// graph, in another instance of this module: the reads travel on `globalThis`. A read is used only for the very
// bytes it was made from, and each is taken once.
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

const KEY = Symbol.for('hebei-legal-daily.shared-content-reads');
const store = globalThis as { [KEY]?: SharedReads };

export const readDigest = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('base64');

/** Offers `reads` to the loaders of this process's build (replacing any not taken). */
export function handOverReads(reads: SharedReads): void {
  store[KEY] = reads;
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
