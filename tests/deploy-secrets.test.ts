// `npm run deploy` never prints a secret: not the password of an endpoint written `http://user:pass@host`, not the
// secret access key, the session token or any other credential the environment holds, in its errors, its progress,
// its dry-run plan or its summary. The command runs against a closed port and against a real S3-compatible server
// on loopback (s3rver, started here), with a two-file site of its own (no Astro build).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { runDeploy } from './helpers/deploy-cli.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFailure } from '../tools/deploy/publish-s3-fs.ts';
import { HIDDEN, redact, redactorFor, secretsIn, withoutCredentials } from '../tools/deploy/redact.ts';

const work = mkdtempSync(join(tmpdir(), 'deploy-secrets-'));
const site = join(work, 'site');
const BUCKET = 'paper';

/** Distinctive strings that must never be printed. */
const PASSWORD = 's3cr3tpass';
const ACCESS_KEY_ID = 'AKIDLEAKCHECK0001';
const SECRET_KEY = 'wJalrXUtnFEMI-never-print-this-KEY';
const SESSION_TOKEN = 'FwoGZXIvYXdzSESSIONTOKENneverprint';
const OTHER_TOKEN = 'ghp_neverPrintThisGithubToken';
const secrets = [PASSWORD, ACCESS_KEY_ID, SECRET_KEY, SESSION_TOKEN, OTHER_TOKEN, `user:${PASSWORD}`, btoa(`user:${PASSWORD}`)];

let server: S3rver;
let port = 0;
let closedPort = 0;

const env = (endpoint: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  AWS_ENDPOINT_URL_S3: endpoint,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: ACCESS_KEY_ID,
  AWS_SECRET_ACCESS_KEY: SECRET_KEY,
  AWS_SESSION_TOKEN: SESSION_TOKEN,
  GITHUB_TOKEN: OTHER_TOKEN,
  BASE_PATH: '/',
  ...extra,
});

const run = (args: string[], environment: NodeJS.ProcessEnv) => runDeploy(args, environment);

/** Fails naming the secret and the output it showed up in. */
function expectNoSecret(result: { stdout: string; stderr: string }) {
  for (const secret of secrets) {
    expect(result.stdout.includes(secret), `stdout shows ${secret}:\n${result.stdout}`).toBe(false);
    expect(result.stderr.includes(secret), `stderr shows ${secret}:\n${result.stderr}`).toBe(false);
  }
}

beforeAll(async () => {
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>1</title>');
  writeFileSync(join(site, 'a.html'), '<!doctype html><title>a</title>');
  // s3rver checks only that a request's access key is one it knows (it does not verify version 4 signatures).
  const { DUMMY_ACCOUNT } = createRequire(import.meta.url)('s3rver/lib/models/account.js') as {
    DUMMY_ACCOUNT: { createKeyPair(id: string, secret: string): void };
  };
  DUMMY_ACCOUNT.createKeyPair(ACCESS_KEY_ID, SECRET_KEY);
  server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: join(work, 's3'),
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  ({ port } = await server.run());
  // A port nothing listens on: taken, then given back.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
});

afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('npm run deploy never prints a secret', () => {
  it('names the host it cannot reach, without the password written in the endpoint', async () => {
    const result = await run([`s3://${BUCKET}`, '--dir', site], env(`http://user:${PASSWORD}@127.0.0.1:${closedPort}`));
    expect(result.code).toBe(1);
    expectNoSecret(result);
    expect(result.stderr.trim()).toBe(
      `deploy: cannot reach http://127.0.0.1:${closedPort} (ECONNREFUSED): check AWS_ENDPOINT_URL_S3 and the network`,
    );
  });

  it('says an endpoint that is not a URL is not one, without its password', async () => {
    const result = await run([`s3://${BUCKET}`, '--dir', site], env(`http://user:${PASSWORD}@not a host`));
    expect(result.code).toBe(1);
    expectNoSecret(result);
    expect(result.stderr.trim()).toBe('deploy: AWS_ENDPOINT_URL_S3 is not a URL: http://not a host');
  });

  it('says the credentials were refused without printing them', async () => {
    const result = await run(
      [`s3://${BUCKET}`, '--dir', site],
      env(`http://user:${PASSWORD}@127.0.0.1:${port}`, { AWS_ACCESS_KEY_ID: `${ACCESS_KEY_ID}X` }),
    );
    expect(result.code).toBe(1);
    expectNoSecret(result);
    expect(result.stderr).toMatch(new RegExp(`^deploy: http://127\\.0\\.0\\.1:${port} refused the credentials for bucket paper `));
  });

  it('prints its plan, progress and summary without them, and publishes', async () => {
    const endpoint = env(`http://user:${PASSWORD}@127.0.0.1:${port}`);
    const dry = await run([`s3://${BUCKET}`, '--dir', site, '--dry-run'], endpoint);
    expect(dry.code, dry.stderr).toBe(0);
    expectNoSecret(dry);
    expect(dry.stdout).toContain('upload index.html');
    const published = await run([`s3://${BUCKET}`, '--dir', site], endpoint);
    expect(published.code, published.stderr).toBe(0);
    expectNoSecret(published);
    expect(published.stderr).toContain('published to s3://paper/: 2 uploaded');
  });

  it('hides a secret in any line it writes, not only in URLs', async () => {
    // The folder's name holds the session token: the line saying it does not exist is written with it hidden.
    const result = await run([`s3://${BUCKET}`, '--dir', join(work, SESSION_TOKEN)], env(`http://127.0.0.1:${closedPort}`));
    expect(result.code).toBe(1);
    expectNoSecret(result);
    expect(result.stderr.trim()).toBe(`deploy: ${join(work, HIDDEN)} does not exist: run npm run build first`);
  });
});

describe('redaction (tools/deploy/redact.ts)', () => {
  const environment = {
    AWS_ENDPOINT_URL_S3: `https://user:${encodeURIComponent('p@ss/word')}@oss.example.com:9000/x`,
    AWS_SECRET_ACCESS_KEY: SECRET_KEY,
    AWS_REGION: 'us-east-1',
    SOME_TOKEN: 'on',
    GIT_AUTHOR_NAME: 'Niu Min',
  };

  it('takes the secrets from credential variables and from URL credentials, not from other variables', () => {
    const found = secretsIn(environment);
    expect(found).toContain(SECRET_KEY);
    expect(found).toContain('p@ss/word');
    expect(found).toContain('p%40ss%2Fword');
    expect(found).toContain(btoa('user:p@ss/word'));
    expect(found).not.toContain('us-east-1');
    expect(found).not.toContain('Niu Min');
    // Too short to hide wherever it appears.
    expect(found).not.toContain('on');
  });

  it('hides them in an error the SDK might write, quoting the endpoint and the request headers', () => {
    const clean = redactorFor(environment);
    const sdkError = [
      `connect ECONNREFUSED at https://user:p%40ss%2Fword@oss.example.com:9000/x/paper?x-id=HeadBucket`,
      `authorization: AWS4-HMAC-SHA256 Credential=${SECRET_KEY}/20240101, basic ${btoa('user:p@ss/word')}`,
      `password p@ss/word`,
    ].join('\n');
    const printed = clean(sdkError);
    for (const secret of ['p@ss', 'p%40ss', SECRET_KEY, btoa('user:p@ss/word')]) expect(printed).not.toContain(secret);
    expect(printed).toContain(`https://${HIDDEN}@oss.example.com:9000/x/paper`);
    expect(clean('region us-east-1, switch on')).toBe('region us-east-1, switch on');
  });

  it('hides the credentials of any URL in running text, even of a variable it does not know', () => {
    expect(redact('proxy http://bob:hunter22@proxy.local:3128 failed; s3://paper/ ok; mail a@b.c', [])).toBe(
      `proxy http://${HIDDEN}@proxy.local:3128 failed; s3://paper/ ok; mail a@b.c`,
    );
  });

  it('formats an endpoint without its credentials, as written otherwise', () => {
    expect(withoutCredentials('http://user:pass@127.0.0.1:9000')).toBe('http://127.0.0.1:9000');
    expect(withoutCredentials('http://user:pa@ss@host/path@x')).toBe('http://host/path@x');
    expect(withoutCredentials('https://oss.example.com')).toBe('https://oss.example.com');
    expect(describeFailure({ code: 'ECONNREFUSED' }, 'http://user:pass@10.0.0.1:9000', 'paper')).toBe(
      'cannot reach http://10.0.0.1:9000 (ECONNREFUSED): check AWS_ENDPOINT_URL_S3 and the network',
    );
  });
});
