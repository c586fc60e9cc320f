// Runs `astro build` for a part or the assembly as `npm run build` runs it (the build script's settings from
// package.json), with each line of its log prefixed by what is being built and the time since it started, so a
// long build shows its phase (Astro's own lines: content sync, each page, the search index, the zips) and
// how long it has run.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCommand } from '../bench/build-command.ts';

export function elapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A logger whose lines say `[label m:ss]`, counted from `started` (Date.now(), the same in every process). */
export function progress(label: string, started = Date.now()): (line: string) => void {
  return (line) => void process.stdout.write(`[${label} ${elapsed(Date.now() - started)}] ${line}\n`);
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
