// SHA256SUMS: one line per file, `<hex digest>  <path>`, sorted by path, the format `sha256sum -c` checks.
import { createHash } from 'node:crypto';

export const CHECKSUMS_FILE = 'SHA256SUMS';

export function sha256Hex(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The SHA256SUMS text for `files` (path → content). Paths with newlines or backslashes would need escaping: rejected. */
export function sha256sums(files: ReadonlyMap<string, Uint8Array | string>): string {
  const paths = [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return paths
    .map((path) => {
      if (/[\n\r\\]/.test(path)) throw new Error(`SHA256SUMS: cannot list path ${JSON.stringify(path)}`);
      return `${sha256Hex(files.get(path)!)}  ${path}\n`;
    })
    .join('');
}
