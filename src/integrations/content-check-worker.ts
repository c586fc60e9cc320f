// Worker thread of the content-check integration: checks one half of a large build's files while the main
// thread checks the other (see checkFolders in content-check.ts), and sends its reads back for the loaders.
import { checkPaths, type CheckResult } from '../lib/check/check-fs.ts';
import type { SharedReads } from '../lib/content/shared-reads.ts';
import { answer } from './worker.ts';
import { CONTENT_DIR } from '../lib/content/content-files-fs.ts';

export interface CheckJob {
  paths: string[];
  cwd: string;
  /** Today's date in China, as the main thread's check has it. */
  today: string;
}

export type CheckAnswer = CheckResult & { reads: SharedReads };

answer(({ paths, cwd, today }: CheckJob): CheckAnswer => {
  const reads: SharedReads = new Map();
  return { ...checkPaths(paths, { cwd, contentDir: CONTENT_DIR, reads, today }), reads };
});
