// Worker thread of the build-in-parts scripts: plans the parts (src/lib/parts/parts-fs.ts: planParts). The
// catalogues it reads hold a record of every article of the archive (about a gigabyte of memory at 250,000);
// read in a thread of their own, they go when it ends, instead of staying in the script's process while it
// waits for Astro's build.
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { answer, runWorker } from '../../integrations/worker.ts';
import { planParts, type PlannedPart } from './parts-fs.ts';
import { progress } from './astro-run-fs.ts';

interface PlanJob {
  root: string;
  label: string;
  started: number;
}

/** planParts in a worker thread, logging each year's catalogue as `[label m:ss]` lines. */
export function planInWorker(root: string, label: string, started: number): Promise<PlannedPart[]> {
  return runWorker<PlanJob, PlannedPart[]>(join(root, 'src/lib/parts/plan-worker.ts'), { root, label, started });
}

if (!isMainThread) {
  answer((job: PlanJob): PlannedPart[] => {
    const log = progress(job.label, job.started);
    return planParts(job.root, (year, made, n) => log(`catalogue ${year}: ${n} articles${made ? '' : ' (unchanged)'}`)).parts;
  });
}
