// Reporters preview in `astro dev`: search must work there too, from an index of the current content.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PORT = 4391;
let dev: ChildProcess;

beforeAll(async () => {
  dev = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--port', String(PORT), '--host', '127.0.0.1'], {
    // Vitest's own environment (NODE_ENV=test, VITEST…) would change how Astro's dev server behaves.
    env: { PATH: process.env['PATH'], HOME: process.env['HOME'], ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('watching for file changes')) resolve();
    };
    dev.stdout!.on('data', onData);
    dev.stderr!.on('data', onData);
    dev.on('exit', (code) => reject(new Error(`astro dev exited with ${code}: ${output}`)));
  });
});

afterAll(() => {
  dev?.kill();
});

describe('search in astro dev', () => {
  it('serves a Pagefind index of the current content', async () => {
    const base = `http://127.0.0.1:${PORT}`;
    const entry = await fetch(`${base}/pagefind/pagefind-entry.json`);
    expect(entry.status).toBe(200);
    const json = (await entry.json()) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(json.languages).reduce((n, l) => n + l.page_count, 0)).toBe(13);
    const script = await fetch(`${base}/pagefind/pagefind.js`);
    expect(script.headers.get('content-type')).toContain('javascript');
    const page = await fetch(`${base}/search/`);
    const body = await page.text();
    expect(body, body.slice(0, 3000)).toContain('id="search-form"');
  });
});
