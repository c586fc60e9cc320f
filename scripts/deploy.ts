// `npm run deploy -- s3://<bucket>[/<prefix>] [--dir dist] [--dry-run] [--keep 1] [--multipart-mb 16]`: uploads the
// built site to an S3-compatible bucket, only what changed (tools/deploy); files of 16 MB and more go up in
// parts. Endpoint, region and credentials come from the AWS SDK's environment variables, never from the
// repository: AWS_ENDPOINT_URL_S3 (any S3-compatible store: Aliyun OSS, Tencent COS, Huawei OBS, Cloudflare R2,
// MinIO …), AWS_REGION, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY. AWS_S3_FORCE_PATH_STYLE=true|false overrides
// the addressing style (path-style by default for an endpoint given as an IP address, localhost or with a port).
// BASE_PATH as for the build. Nothing it writes shows a secret (tools/deploy/redact.ts).
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { inspect, parseArgs } from 'node:util';
import { builtObjects } from '../tools/deploy/build-fs.ts';
import { parseTarget } from '../tools/deploy/plan.ts';
import {
  createS3Client,
  describeFailure,
  MULTIPART_FROM,
  publishToS3,
  PublishError,
  reachBucket,
  type Progress,
} from '../tools/deploy/publish-s3-fs.ts';
import { redactorFor, withoutCredentials } from '../tools/deploy/redact.ts';

// The output boundary: every byte written to stdout and stderr, ours, the SDK's and Node's warnings alike, passes
// through one redaction of the secrets the environment holds. An error nothing caught is printed through it too
// (Node would print it, with the endpoint it may quote, straight to the terminal).
const redact = redactorFor(process.env);
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) =>
    write(
      typeof chunk === 'string' ? redact(chunk) : chunk instanceof Uint8Array ? redact(Buffer.from(chunk).toString('utf8')) : chunk,
      ...rest,
    )) as typeof stream.write;
}
const unexpected = (error: unknown) => {
  console.error(`deploy: ${inspect(error)}`);
  process.exit(1);
};
process.on('uncaughtException', unexpected);
process.on('unhandledRejection', unexpected);

const usage =
  'usage: npm run deploy -- s3://<bucket>[/<prefix>] [--dir dist] [--dry-run] [--keep <publishes>] [--concurrency <n>] [--multipart-mb <MB>]';
const fail = (message: string): never => {
  console.error(`deploy: ${message}`);
  process.exit(1);
};

let args;
try {
  args = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      'dry-run': { type: 'boolean' },
      keep: { type: 'string', default: '1' },
      concurrency: { type: 'string', default: '8' },
      'multipart-mb': { type: 'string', default: String(MULTIPART_FROM / 1024 / 1024) },
    },
    allowPositionals: true,
  });
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`);
}
const { values, positionals } = args!;
const target = positionals.length === 1 ? parseTarget(positionals[0]!) : undefined;
if (!target) fail(`give one target like s3://my-bucket or s3://my-bucket/paper\n${usage}`);
const keep = Number(values.keep);
const concurrency = Number(values.concurrency);
const multipartMb = Number(values['multipart-mb']);
if (!Number.isInteger(keep) || keep < 0 || !Number.isInteger(concurrency) || concurrency < 1 || !(multipartMb > 0)) {
  fail(`--keep is a whole number of publishes, --concurrency at least 1, --multipart-mb a size in MB above 0\n${usage}`);
}
const dir = resolve(values.dir!);
if (!existsSync(dir)) fail(`${values.dir} does not exist: run npm run build first`);

const endpointVariable = process.env['AWS_ENDPOINT_URL_S3'] !== undefined ? 'AWS_ENDPOINT_URL_S3' : 'AWS_ENDPOINT_URL';
const endpoint = process.env[endpointVariable];
const pathStyleEnv = process.env['AWS_S3_FORCE_PATH_STYLE'];
let host: URL | undefined;
try {
  host = endpoint ? new URL(endpoint) : undefined;
} catch {
  fail(`${endpointVariable} is not a URL: ${withoutCredentials(endpoint!)}`);
}
const forcePathStyle =
  pathStyleEnv !== undefined
    ? pathStyleEnv === 'true'
    : host !== undefined && (isIP(host.hostname.replace(/^\[|\]$/g, '')) !== 0 || host.hostname === 'localhost' || host.port !== '');
const client = createS3Client({
  ...(endpoint ? { endpoint } : {}),
  region: process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'] ?? 'us-east-1',
  forcePathStyle,
});

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const base = (() => {
  const b = process.env['BASE_PATH'] ?? '/';
  return b.endsWith('/') ? b : `${b}/`;
})();
const where = `s3://${target!.bucket}/${target!.prefix}`;
const tty = process.stderr.isTTY;
let lastLine = 0;
/** A progress line: rewritten in place on a terminal, one every 2 s in a log, and always the last. */
const progressLine = (done: number, total: number, line: () => string) => {
  const now = performance.now();
  if (done < total && now - lastLine < (tty ? 200 : 2000)) return;
  lastLine = now;
  if (tty) process.stderr.write(`\r${line()}${done === total ? '\n' : ''}`);
  else console.error(line());
};
const onProgress = (p: Progress) =>
  progressLine(p.done, p.total, () =>
    p.phase === 'upload'
      ? `uploaded ${p.done}/${p.total} (${mb(p.bytes)}), ${seconds()} s`
      : `deleted ${p.done}/${p.total}, ${seconds()} s`,
  );

try {
  await reachBucket(client, target!.bucket);
  const objects = builtObjects(dir, base, (hashed, of) =>
    progressLine(hashed, of, () => `hashed ${hashed}/${of} files of ${values.dir}, ${seconds()} s`),
  );
  const { plan, uploaded, uploadedBytes, deleted } = await publishToS3(client, objects, {
    ...target!,
    keep,
    concurrency,
    multipartFrom: multipartMb * 1024 * 1024,
    dryRun: values['dry-run'] === true,
    onPlan: (plan) => {
      const planned = plan.uploads.flat().reduce((n, o) => n + o.size, 0);
      console.error(
        `compared ${objects.length} files with ${where} (publish ${plan.publish}): ${plan.uploads.flat().length} to upload (${mb(planned)}), ${plan.unchanged} unchanged, ${plan.deletions.length} to delete, ${plan.kept.length} no longer built but kept for now`,
      );
    },
    onProgress,
  });
  const uploads = plan.uploads.flat();
  if (values['dry-run']) {
    for (const o of uploads) console.log(`upload ${o.path}`);
    for (const path of plan.deletions) console.log(`delete ${path}`);
    console.error(`dry run: nothing was changed (${seconds()} s)`);
  } else if (plan.nothingToDo) {
    console.error(
      `nothing to publish: ${where} holds this build already (${plan.unchanged} files; the manifest is left as it was), ${seconds()} s`,
    );
  } else {
    console.error(
      `published to ${where}: ${uploaded} uploaded (${mb(uploadedBytes)}), ${plan.unchanged} skipped, ${deleted} deleted, in ${seconds()} s`,
    );
  }
} catch (error) {
  if (tty) process.stderr.write('\n');
  fail(error instanceof PublishError ? error.message : describeFailure(error, endpoint, target!.bucket));
}
