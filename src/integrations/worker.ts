// Runs one job in a worker thread and settles with its result: the integrations' heavy steps use it to
// work on the second core. The worker (a file calling `answer`) posts `{ ok: true, result }` or `{ ok: false, error }` once.
import { parentPort, Worker, workerData } from 'node:worker_threads';

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

/** In a worker's file: does the job it was started with and posts the outcome back to `runWorker`. */
export function answer<J, R>(work: (job: J) => R | Promise<R>): void {
  const post = (message: WorkerMessage<R>) => parentPort!.postMessage(message);
  new Promise<R>((resolve) => resolve(work(workerData as J))).then(
    (result) => post({ ok: true, result }),
    (error: unknown) => post({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
}
