// Child process of the build-in-parts scripts: plans the parts (src/lib/parts/parts-fs.ts: planParts). The
// catalogues it reads hold a record of every article of the archive (about a gigabyte at 250,000); read in a
// process of its own, that memory goes back to the system when the process ends. (Read in a worker thread, it
// did not: the script kept some 0.65 GB at 250,000 articles while it waited for Astro's build, so that a part's
// memory grew with the archive's age.)
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { planParts, type PlannedPart } from '../../src/lib/parts/parts-fs.ts';
import { progress } from './astro-run-fs.ts';
import { siteToday } from '../../src/lib/clock.ts';

interface PlanJob {
  root: string;
  label: string;
  started: number;
  /** Today's date in China: the catalogues hold the articles published on it. */
  today: string;
}
type PlanAnswer = { ok: true; parts: PlannedPart[] } | { ok: false; error: string };
const CHILD = '--plan-child';

/**
 * planParts in a child process, which logs each year's catalogue as `[label m:ss]` lines. The clock is read
 * here (src/lib/clock.ts), which fixes `now` for the Astro builds this process starts after it.
 */
export function planInChild(root: string, label: string, started: number): Promise<PlannedPart[]> {
  return new Promise((resolve, reject) => {
    const child = fork(join(root, 'tools/parts/plan-child-fs.ts'), [CHILD], { stdio: 'inherit' });
    let answer: PlanAnswer | undefined;
    child.once('message', (message: PlanAnswer) => (answer = message));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (answer?.ok) resolve(answer.parts);
      else reject(new Error(answer?.ok === false ? answer.error : `planning the parts stopped (exit code ${code})`));
    });
    child.send({ root, label, started, today: siteToday() } satisfies PlanJob);
  });
}

if (process.argv.includes(CHILD)) {
  process.once('message', (job: PlanJob) => {
    const log = progress(job.label, job.started);
    let answer: PlanAnswer;
    try {
      answer = { ok: true, parts: planParts(job.root, job.today, (year, made, n) => log(`catalogue ${year}: ${n} articles${made ? '' : ' (unchanged)'}`)).parts };
    } catch (error) {
      answer = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    process.send!(answer, () => process.disconnect());
  });
}
