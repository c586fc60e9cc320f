// Carries out a publish plan (plan.ts) against an S3-compatible bucket with the AWS SDK (network code): reads the
// manifest and any pending record, writes the pending record, uploads the waves, deletes what is past its grace
// period, writes the manifest, then removes the pending record.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  type DeleteObjectsCommandInput,
  type PutObjectCommandInput,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { BuiltObject } from './build-fs.ts';
import { parseManifest, parsePending, pendingRecord, planPublish, type PublishPlan } from './plan.ts';
import { withoutCredentials } from './redact.ts';

/** The manifest's key under the prefix: not a file of the site. */
export const MANIFEST_KEY = '_deploy-manifest.json';
/** The pending record's key, beside the manifest: there only while a publish is under way or after one stopped. */
export const PENDING_KEY = '_deploy-pending.json';
/** Files of this size and above go up in parts (lib-storage), unless the options say otherwise. */
export const MULTIPART_FROM = 16 * 1024 * 1024;
/** The size of each part but the last (S3 wants at least 5 MiB). */
const PART_SIZE = 8 * 1024 * 1024;

export interface PublishOptions {
  bucket: string;
  /** Key prefix, `''` or ending in `/`. */
  prefix: string;
  /** Publishes a file the build no longer has stays for. */
  keep: number;
  dryRun: boolean;
  /** Requests in flight at once. */
  concurrency: number;
  /** Files of this many bytes and more go up in parts; MULTIPART_FROM when not given. */
  multipartFrom?: number;
  /** Called with the plan before anything is changed. */
  onPlan?: (plan: PublishPlan) => void;
  onProgress?: (progress: Progress) => void;
}

export interface Progress {
  phase: 'upload' | 'delete';
  done: number;
  total: number;
  bytes: number;
}

export interface PublishResult {
  plan: PublishPlan;
  uploaded: number;
  uploadedBytes: number;
  deleted: number;
}

/**
 * The client a publish talks through: throttling (SlowDown, 503) and network errors retried with backoff, and
 * checksums only where the S3 API requires one, as stores that speak S3 but not its newer checksums accept.
 */
export function createS3Client(config: S3ClientConfig): S3Client {
  return new S3Client({
    maxAttempts: 6,
    retryMode: 'adaptive',
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...config,
  });
}

/**
 * A DeleteObjects request that carries Content-MD5. S3-compatible stores (Aliyun OSS, older MinIO …) refuse one
 * without it, and the SDK sends a CRC32 checksum instead since v3.729 (aws-sdk-js-v3 issues #6819, #6920): the
 * workaround of its supplemental-docs/MD5_FALLBACK.md, on this command only.
 */
function deleteObjectsCommand(input: DeleteObjectsCommandInput): DeleteObjectsCommand {
  const command = new DeleteObjectsCommand(input);
  command.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers: Record<string, string>; body?: string | Uint8Array };
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !/^x-amz-(sdk-)?checksum-/i.test(name)));
      headers['content-md5'] = createHash('md5')
        .update(request.body ?? '')
        .digest('base64');
      return next({ ...args, request: { ...request, headers } });
    },
    // Low priority in the build step: after the SDK's checksum middleware there, before the signature (finalizeRequest).
    { step: 'build', priority: 'low', name: 'contentMd5ForDeleteObjects' },
  );
  return command;
}

/** An error a publish stops on, worded for the terminal in one line. */
export class PublishError extends Error {}

/** One line saying what went wrong talking to the bucket, and what to check; it names the endpoint without its credentials. */
export function describeFailure(error: unknown, endpoint: string | undefined, bucket: string): string {
  const e = error as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number }; cause?: { code?: string } };
  const status = e.$metadata?.httpStatusCode;
  const named = e.code ?? e.cause?.code ?? e.name;
  const code = named === undefined || named === 'Unknown' ? (status ? `HTTP ${status}` : 'Error') : named;
  const where = endpoint ? withoutCredentials(endpoint) : 'the S3 endpoint';
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'TimeoutError'].includes(code)) {
    return `cannot reach ${where} (${code}): check AWS_ENDPOINT_URL_S3 and the network`;
  }
  if (
    ['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'AccessDenied', 'Forbidden', 'CredentialsProviderError'].includes(code) ||
    status === 403
  ) {
    return `${where} refused the credentials for bucket ${bucket} (${code}): check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY`;
  }
  if (code === 'NoSuchBucket' || code === 'NotFound' || status === 404) return `bucket ${bucket} does not exist at ${where} (${code})`;
  return `${code}: ${(e.message ?? String(error)).split('\n')[0]}`;
}

/** Runs `work` on every item, `limit` at a time, in order of starting; the first failure stops new starts and is thrown. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed: unknown;
  const worker = async () => {
    while (failed === undefined && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failed ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failed !== undefined) throw failed;
}

/** An object's text; undefined when there is no such object. */
async function readText(client: S3Client, bucket: string, key: string): Promise<string | undefined> {
  try {
    const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return await object.Body!.transformToString('utf-8');
  } catch (error) {
    if (error instanceof NoSuchKey || (error instanceof S3ServiceException && error.name === 'NoSuchKey')) return undefined;
    throw error;
  }
}

async function upload(client: S3Client, bucket: string, key: string, object: BuiltObject, multipartFrom: number): Promise<void> {
  const input: PutObjectCommandInput = {
    Bucket: bucket,
    Key: key,
    ContentType: object.contentType,
    CacheControl: object.cacheControl,
    Metadata: { digest: object.digest },
    ...(object.redirect ? { WebsiteRedirectLocation: object.redirect } : {}),
  };
  if (object.size < multipartFrom) {
    await client.send(new PutObjectCommand({ ...input, Body: readFileSync(object.file), ContentLength: object.size }));
    return;
  }
  await new Upload({ client, params: { ...input, Body: readFileSync(object.file) }, queueSize: 2, partSize: PART_SIZE }).done();
}

/** Fails at once when the bucket cannot be reached or the credentials are refused: before the build is hashed. */
export async function reachBucket(client: S3Client, bucket: string): Promise<void> {
  await client.send(new HeadBucketCommand({ Bucket: bucket }));
}

/** Publishes `objects` to a bucket already reached (reachBucket). */
export async function publishToS3(client: S3Client, objects: readonly BuiltObject[], options: PublishOptions): Promise<PublishResult> {
  const { bucket, prefix } = options;
  const manifestKey = `${prefix}${MANIFEST_KEY}`;
  const pendingKey = `${prefix}${PENDING_KEY}`;
  const [manifestText, pendingText] = await Promise.all([readText(client, bucket, manifestKey), readText(client, bucket, pendingKey)]);
  let previous;
  try {
    previous = parseManifest(manifestText);
  } catch {
    throw new PublishError(`s3://${bucket}/${manifestKey} is not a manifest this tool wrote: remove it to upload everything again`);
  }
  let pending;
  try {
    pending = parsePending(pendingText);
  } catch {
    throw new PublishError(
      `s3://${bucket}/${pendingKey} is not a pending record this tool wrote: remove it and the manifest to upload everything again`,
    );
  }
  const plan = planPublish(objects, previous, options.keep, pending);
  const result: PublishResult = { plan, uploaded: 0, uploadedBytes: 0, deleted: 0 };
  options.onPlan?.(plan);
  if (options.dryRun || plan.nothingToDo) return result;

  const record = (key: string, body: string) =>
    client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentType: 'application/json; charset=utf-8',
        CacheControl: 'no-store',
      }),
    );
  await record(pendingKey, pendingRecord(plan.pending));
  const total = plan.uploads.reduce((n, wave) => n + wave.length, 0);
  for (const wave of plan.uploads) {
    await eachLimited(wave, options.concurrency, async (object) => {
      await upload(client, bucket, `${prefix}${object.path}`, object as BuiltObject, options.multipartFrom ?? MULTIPART_FROM);
      result.uploaded++;
      result.uploadedBytes += object.size;
      options.onProgress?.({ phase: 'upload', done: result.uploaded, total, bytes: result.uploadedBytes });
    });
  }
  for (let i = 0; i < plan.deletions.length; i += 1000) {
    const batch = plan.deletions.slice(i, i + 1000);
    const answer = await client.send(
      deleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map((path) => ({ Key: `${prefix}${path}` })), Quiet: true } }),
    );
    if (answer.Errors?.length)
      throw new PublishError(
        `could not delete ${answer.Errors.length} object(s), first ${answer.Errors[0]!.Key}: ${answer.Errors[0]!.Message}`,
      );
    result.deleted += batch.length;
    options.onProgress?.({ phase: 'delete', done: result.deleted, total: plan.deletions.length, bytes: result.uploadedBytes });
  }
  await record(manifestKey, JSON.stringify(plan.manifest));
  await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: pendingKey }));
  return result;
}
