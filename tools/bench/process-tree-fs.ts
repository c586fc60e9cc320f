// Measures a running command and all its descendants on Linux (/proc): resident memory of the whole
// process tree sampled over time, and CPU time (user + system) of every process in it.
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_SIZE = 4096;
const TICKS_PER_SECOND = 100;

interface Stat {
  pid: number;
  ppid: number;
  cpuTicks: number;
  rssBytes: number;
}

function readStat(pid: string): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // After the command name: state(0) ppid(1) … utime(11) stime(12) … rss(21)
    return {
      pid: Number(pid),
      ppid: Number(fields[1]),
      cpuTicks: Number(fields[11]) + Number(fields[12]),
      rssBytes: Number(fields[21]) * PAGE_SIZE,
    };
  } catch {
    return undefined; // the process ended between listing and reading
  }
}

export interface Sample {
  /** Milliseconds since sampling started. */
  at: number;
  rssBytes: number;
  /** CPU seconds used by the tree so far. */
  cpuSeconds: number;
}

export interface TreeUsage {
  samples: Sample[];
  peakRssBytes: number;
  /** CPU seconds of every process seen in the tree (last reading of each). */
  cpuSeconds: number;
}

/** Samples the tree rooted at `rootPid` every `intervalMs` until `stop()` is called. */
export function sampleProcessTree(rootPid: number, intervalMs = 100): { stop: () => TreeUsage } {
  const started = performance.now();
  const samples: Sample[] = [];
  const cpuByPid = new Map<number, number>();
  const tick = () => {
    const stats = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(readStat)
      .filter((s): s is Stat => s !== undefined);
    const children = new Map<number, Stat[]>();
    for (const s of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
    const root = stats.find((s) => s.pid === rootPid);
    if (!root) return;
    let rss = 0;
    const queue = [root];
    while (queue.length > 0) {
      const s = queue.pop()!;
      rss += s.rssBytes;
      cpuByPid.set(s.pid, Math.max(cpuByPid.get(s.pid) ?? 0, s.cpuTicks));
      queue.push(...(children.get(s.pid) ?? []));
    }
    let cpu = 0;
    for (const ticks of cpuByPid.values()) cpu += ticks;
    samples.push({ at: Math.round(performance.now() - started), rssBytes: rss, cpuSeconds: cpu / TICKS_PER_SECOND });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return {
        samples,
        peakRssBytes: Math.max(0, ...samples.map((s) => s.rssBytes)),
        cpuSeconds: [...cpuByPid.values()].reduce((a, b) => a + b, 0) / TICKS_PER_SECOND,
      };
    },
  };
}

/** Peak memory and CPU seconds used between two moments (ms since sampling started). */
export function usageBetween(samples: readonly Sample[], from: number, to: number): { peakRssBytes: number; cpuSeconds: number } {
  const inside = samples.filter((s) => s.at >= from && s.at <= to);
  if (inside.length === 0) return { peakRssBytes: 0, cpuSeconds: 0 };
  const before = [...samples].reverse().find((s) => s.at < from) ?? inside[0]!;
  return {
    peakRssBytes: Math.max(...inside.map((s) => s.rssBytes)),
    cpuSeconds: Number((inside.at(-1)!.cpuSeconds - before.cpuSeconds).toFixed(2)),
  };
}
