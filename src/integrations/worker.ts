// Runs one job in a worker thread and settles with its result: the integrations' heavy steps use it to
// work on the second core. The worker posts `{ ok: true, result }` or `{ ok: false, error }` once.
import { Worker } from 'node:worker_threads';

export type WorkerMessage<R> = { ok: true; result: R } | { ok: false; error: string };

export function runWorker<J, R>(file: string, job: J): Promise<R> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: job });
    worker.once('message', (message: WorkerMessage<R>) => {
      if (message.ok) resolve(message.result);
      else reject(new Error(message.error));
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
