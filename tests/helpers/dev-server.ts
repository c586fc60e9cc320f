// Starts `astro dev` for a test, on a port of its own and a content folder of its own (CONTENT_DIR), and keeps
// everything it prints, so a test can look at what a reporter sees in the terminal. The editor's local git backend
// (decap-server) is off unless the test asks for it with a git repository of its own, and then gets a free port:
// a test never commits to the project's repository, nor takes port 8081 from a running `npm run dev` or another test.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export interface DevServer {
  /** Everything the server has printed so far. */
  output(): string;
  stop(): void;
}

/** A TCP port nothing listens on at the moment, on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `editorRepo`: a git repository for the editor's local backend to commit to; without it the backend is off. */
export async function startDev(
  port: number,
  env: Record<string, string>,
  { editorRepo }: { editorRepo?: string } = {},
): Promise<DevServer> {
  const editor =
    editorRepo === undefined ? { DECAP_SERVER: 'off' } : { CMS_GIT_REPO: editorRepo, DECAP_SERVER_PORT: String(await freePort()) };
  const dev = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    // Vitest's own environment (NODE_ENV=test, VITEST…) would change how Astro's dev server behaves.
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '',
      ASTRO_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'development',
      ...editor,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const server: DevServer = { output: () => output, stop: () => dev.kill() };
  const ready = () =>
    output.includes('watching for file changes') && (editorRepo === undefined || output.includes('Git Proxy Server configured'));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready()) resolve(server);
    };
    dev.stdout.on('data', onData);
    dev.stderr.on('data', onData);
    dev.on('exit', (code) => reject(new Error(`astro dev exited with ${code}: ${output}`)));
  });
}
