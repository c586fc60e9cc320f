// Runs `astro build` for a part or the assembly as `npm run build` runs it (the build script's settings from
// package.json), with each line of its log prefixed by what is being built and the time since it started, so a
// long build shows its phase (Astro's own lines: content sync, each page, the search index, the zips) and
// how long it has run.
import { spawn } from 'node:child_process';
import { readFileSync, writeSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { join } from 'node:path';
import { buildCommand } from '../bench/build-command.ts';

export function elapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Writes to the standard output at once, waiting out a full pipe. */
function writeNow(text: string): void {
  const bytes = Buffer.from(text);
  for (let done = 0; done < bytes.length; ) {
    try {
      done += writeSync(1, bytes, done);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

/**
 * A logger whose lines say `[label m:ss]`, counted from `started` (Date.now(), the same in every thread). A
 * worker thread's lines are written straight to the standard output: its console is a stream the main thread
 * drains, and what is still in it is lost when the thread ends.
 */
export function progress(label: string, started = Date.now()): (line: string) => void {
  const write = isMainThread ? (text: string) => process.stdout.write(text) : writeNow;
  return (line) => void write(`[${label} ${elapsed(Date.now() - started)}] ${line}\n`);
}

/** Resolves with Astro's exit code. */
export function runAstroBuild(root: string, outDir: string, env: Record<string, string>, log: (line: string) => void): Promise<number> {
  const script = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['build']!;
  const command = buildCommand(script);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), ...command.args, '--outDir', outDir], {
      cwd: root,
      env: { ...process.env, ...command.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop()!;
        for (const line of lines) log(line);
      });
      stream.on('end', () => rest && log(rest));
    }
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}
