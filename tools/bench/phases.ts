// Splits a build's log into phases, in order: each phase starts at the first log line after the previous
// phase's start that matches its pattern, and ends where the next phase starts. Lines are timestamped by the benchmark as they arrive.

export interface LogLine {
  /** Milliseconds since the build started. */
  at: number;
  text: string;
}

export interface PhaseMarker {
  name: string;
  pattern: RegExp;
}

/**
 * Phases of `astro build` for this project, in order. The search index is built in a worker from the
 * start of the build, beside everything else; what shows as its phase is only the wait for it after the
 * downloads are made (its own time is in its log line).
 */
export const projectPhases: PhaseMarker[] = [
  { name: 'content sync', pattern: /\[content\] (Syncing|Loading) content/ },
  { name: 'bundling', pattern: /Building static entrypoints/ },
  { name: 'page rendering', pattern: /generating static routes/ },
  { name: 'downloads', pattern: /✓ Completed in/ },
  { name: 'search index (wait)', pattern: /\[offline-downloads\]/ },
  { name: 'finishing', pattern: /\[search-index\] indexed/ },
];

export interface Phase {
  name: string;
  start: number;
  end: number;
}

/** Phases found in the log, with `startup` before the first; the last phase ends at `end`. */
export function splitPhases(lines: readonly LogLine[], markers: readonly PhaseMarker[], end: number): Phase[] {
  const starts: { name: string; at: number }[] = [{ name: 'startup', at: 0 }];
  let next = 0;
  for (const line of lines) {
    // Strictly in order: a later phase's pattern may also match earlier lines.
    if (next < markers.length && markers[next]!.pattern.test(line.text)) {
      starts.push({ name: markers[next]!.name, at: line.at });
      next++;
    }
  }
  return starts.map((s, i) => ({ name: s.name, start: s.at, end: starts[i + 1]?.at ?? end }));
}
