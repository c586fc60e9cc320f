// Worker thread of the downloads integration: makes the zips of the months it is given.
import { parentPort, workerData } from 'node:worker_threads';
import { makeMonths, type MonthsJob } from './downloads-months.ts';

try {
  parentPort!.postMessage({ ok: true, result: makeMonths(workerData as MonthsJob) });
} catch (error) {
  parentPort!.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
}
