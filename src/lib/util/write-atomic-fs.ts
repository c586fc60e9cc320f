// Writes a file whole or not at all: to a temporary name beside it, then renamed over it, so that a reader (another
// build sharing a cache, a crash half-way) never sees half a file. The folder is made when missing.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function writeAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}
