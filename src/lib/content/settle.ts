// Waits for a burst of file-watcher events to end before acting on it: a save is often several events (an editor's
// truncate, then write; a rename into place), and reading at the first one can see a half-written file.

/** Calls `run(key)` once no event for `key` has come for `quietMs`; each new event for the key restarts the wait. */
export function settleEach<K>(quietMs: number, run: (key: K) => void): (key: K) => void {
  const timers = new Map<K, ReturnType<typeof setTimeout>>();
  return (key) => {
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        run(key);
      }, quietMs),
    );
  };
}

/** How long a content file must stay unchanged after a watcher event before `astro dev` reads or checks it. */
export const SAVE_SETTLE_MS = 40;
