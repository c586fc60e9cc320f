// Worker thread of the content-check integration: checks one half of a large build's files while the main
// thread checks the other (see checkFiles in content-check.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { checkPaths } from '../lib/check/check.ts';

const { paths, cwd } = workerData as { paths: string[]; cwd: string };
try {
  parentPort!.postMessage({ ok: true, result: checkPaths(paths, { cwd }) });
} catch (error) {
  parentPort!.postMessage({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
