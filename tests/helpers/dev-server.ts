// Starts `astro dev` for a test, on a port of its own and a content folder of its own (CONTENT_DIR), and keeps
// everything it prints, so a test can look at what a reporter sees in the terminal.
import { spawn } from 'node:child_process';

export interface DevServer {
  /** Everything the server has printed so far. */
  output(): string;
  stop(): void;
}

export function startDev(port: number, env: Record<string, string>): Promise<DevServer> {
  const dev = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    // Vitest's own environment (NODE_ENV=test, VITEST…) would change how Astro's dev server behaves.
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const server: DevServer = { output: () => output, stop: () => dev.kill() };
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('watching for file changes')) resolve(server);
    };
    dev.stdout.on('data', onData);
    dev.stderr.on('data', onData);
    dev.on('exit', (code) => reject(new Error(`astro dev exited with ${code}: ${output}`)));
  });
}
