// `npm run deploy` against a real S3-compatible server on loopback (s3rver, started here): what a newsroom's day of
// publishes does to a bucket. Three builds of a copy of the search-site fixture: A, then B with one more edition,
// then C with a correction in it and the next day's edition.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { EventEmitter } from 'node:events';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { runDeploy } from './helpers/deploy-cli.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allFiles } from '../tools/site-check/dist-fs.ts';
import { astroBuild } from './helpers/astro-build.ts';
import { brokenLinks } from '../tools/site-check/link-check-fs.ts';
import { CACHE_ENTRY, CACHE_PAGE, headersFor, parseHeadersFile } from '../src/lib/seo/headers.ts';
import { builtObjects } from '../tools/deploy/build-fs.ts';
import { createS3Client, MANIFEST_KEY, PENDING_KEY, publishToS3 } from '../tools/deploy/publish-s3-fs.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'deploy-'));
const content = join(work, 'content');
const BUCKET = 'paper';
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
let server: S3rver;
let endpoint = '';
let s3: S3Client;
/** Keys written to the bucket, in order, since the last reset. */
let puts: string[] = [];
/** Keys written by a completed multipart upload. */
const multipart: string[] = [];

function build(name: string): string {
  const out = join(work, name);
  const result = astroBuild(out, {
    SITE_URL: 'https://example.org',
    BASE_PATH: '/',
    CONTENT_DIR: relative(root, content),
    ASTRO_CACHE_DIR: join(work, 'cache'),
  });
  if (!result.ok) throw new Error(`build ${name} failed:\n${result.log}`);
  return out;
}

const deployEnv = (extra: Record<string, string> = {}) => ({
  ...process.env,
  AWS_ENDPOINT_URL_S3: endpoint,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: credentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
  BASE_PATH: '/',
  ...extra,
});

const run = (args: string[], env: NodeJS.ProcessEnv = deployEnv()) => runDeploy(args, env);

function deploy(dir: string, ...args: string[]) {
  puts = [];
  return run([`s3://${BUCKET}`, '--dir', dir, ...args]);
}

/** The publish's own objects, not files of the site. */
const isRecord = (key: string) => key === MANIFEST_KEY || key === PENDING_KEY;

/** Keys of the bucket: the site's files, sorted. */
async function bucketKeys(): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, ContinuationToken: token }));
    keys.push(...(page.Contents ?? []).map((c) => c.Key!));
    token = page.NextContinuationToken;
  } while (token);
  return keys.filter((k) => !isRecord(k)).sort();
}

const exists = async (key: string) =>
  (await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: key }))).Contents?.some((c) => c.Key === key) ?? false;

const bytesOf = async (key: string) =>
  Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToByteArray());

/** The broken links of the site the bucket serves: its files downloaded into a folder of their own. */
async function linkCheckOfBucket(name: string): Promise<string[]> {
  const served = join(work, `served-${name}`);
  for (const key of await bucketKeys()) {
    mkdirSync(dirname(join(served, key)), { recursive: true });
    writeFileSync(join(served, key), await bytesOf(key));
  }
  const { broken, checked } = brokenLinks({ out: served, base: '/', origin: 'https://example.org' });
  expect(checked).toBeGreaterThan(200);
  return broken;
}

/** Files of `after` that are new or whose bytes differ from `before`. */
function changedFiles(before: string, after: string): string[] {
  const old = new Set(allFiles(before));
  return allFiles(after).filter((f) => !old.has(f) || !readFileSync(join(before, f)).equals(readFileSync(join(after, f))));
}

const hostFiles = (files: string[]) => files.filter((f) => f !== '_headers' && f !== '_redirects');

let A = '';
let B = '';
let C = '';

beforeAll(async () => {
  server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: join(work, 's3'),
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
  // s3rver is a Koa app: it emits an event for every object written (its types omit the emitter).
  (server as unknown as EventEmitter).on('event', (event: { Records: { eventName: string; s3: { object: { key: string } } }[] }) => {
    for (const r of event.Records) {
      const key = decodeURIComponent(r.s3.object.key);
      if (r.eventName.startsWith('ObjectCreated')) puts.push(key);
      // s3rver's event for CompleteMultipartUpload (a PutObject is ObjectCreated:Put).
      if (r.eventName === 'ObjectCreated:Post') multipart.push(key);
    }
  });

  cpSync(join(root, 'tests/fixtures/search-site'), content, { recursive: true });
  A = build('dist-a');
  // B: the next day's edition.
  const day = join(content, '2022/04/20');
  mkdirSync(day, { recursive: true });
  writeFileSync(join(day, 'edition.yaml'), 'date: 2022-04-20\nissue: 6081\npages:\n  - { number: 1, name: 要闻 }\n');
  const article = [
    '---',
    'title: 曲周警方破获一起盗窃案',
    'byline: [牛敏]',
    'date: 2022-04-20',
    'county: 曲周县',
    'category: 公安',
    'page: 1',
    'order: 1',
    '---',
    '',
    '曲周县公安局近日破获一起盗窃案。',
    '',
  ];
  writeFileSync(join(day, 'qu-zhou-jing-fang-po-huo.md'), article.join('\n'));
  B = build('dist-b');
  // C: a correction to it, and the day after's edition, by a reporter and from a county new to the site.
  writeFileSync(join(day, 'qu-zhou-jing-fang-po-huo.md'), [...article, '更正：案发时间为4月18日。', ''].join('\n'));
  const dayAfter = join(content, '2022/04/21');
  mkdirSync(dayAfter, { recursive: true });
  writeFileSync(join(dayAfter, 'edition.yaml'), 'date: 2022-04-21\nissue: 6082\npages:\n  - { number: 1, name: 要闻 }\n');
  const next = [
    '---',
    'title: 涉县法院巡回审判进山村',
    'byline: [记者 孙丽]',
    'date: 2022-04-21',
    'county: 涉县',
    'category: 法院',
    'page: 1',
    'order: 1',
    '---',
    '',
    '涉县人民法院把法庭开到山村。',
    '',
  ];
  writeFileSync(join(dayAfter, 'she-xian-xun-hui-shen-pan.md'), next.join('\n'));
  C = build('dist-c');
}, 300_000);

afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('npm run deploy', () => {
  it('first uploads every file of the build with its Content-Type and the Cache-Control of _headers', async () => {
    const first = await deploy(A);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/published to s3:\/\/paper\/: \d+ uploaded/);
    const site = hostFiles(allFiles(A));
    // Progress while the build's files are read and hashed, before the bucket is compared.
    expect(first.stderr).toMatch(new RegExp(`^hashed ${site.length}/${site.length} files of `, 'm'));
    expect(await bucketKeys()).toEqual(site);
    const rules = parseHeadersFile(readFileSync(join(A, '_headers'), 'utf8'));
    for (const file of site) {
      const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: file }));
      expect(head.CacheControl, file).toBe(headersFor(rules, `/${file}`)['cache-control']);
      expect(head.ContentEncoding, file).toBeUndefined();
      if (file.endsWith('.html')) expect(head.ContentType, file).toBe('text/html; charset=utf-8');
    }
    const type = async (key: string) => (await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))).ContentType;
    expect(await type('rss.xml')).toBe('application/rss+xml; charset=utf-8');
    expect(await type('feed.json')).toBe('application/feed+json; charset=utf-8');
    expect(await type('sitemap-index.xml')).toBe('application/xml; charset=utf-8');
    expect(await type('pagefind/pagefind-entry.json')).toBe('application/json; charset=utf-8');
    expect(await type(site.find((f) => f.endsWith('.css'))!)).toBe('text/css; charset=utf-8');
    expect(await type(site.find((f) => f.endsWith('.zip'))!)).toBe('application/zip');
    // The moved article's forwarding page redirects on the bucket's website endpoint too.
    const moved = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: '2022/04/19/dian-dong-che/index.html' }));
    expect(moved.WebsiteRedirectLocation).toBe('/2022/04/19/dian-dong-che-zhuan-xiang/');
    // The pending record first; the entry points (top-level pages and feeds, the search entry) after every page and
    // asset; the manifest last, and then the pending record is gone.
    expect(puts[0]).toBe(PENDING_KEY);
    expect(puts.at(-1)).toBe(MANIFEST_KEY);
    const files = puts.slice(1, -1);
    const isEntry = (k: string) => !k.includes('/') || headersFor(rules, `/${k}`)['cache-control'] === CACHE_ENTRY;
    const firstEntry = files.findIndex(isEntry);
    expect(files.findLastIndex((k) => !isEntry(k))).toBeLessThan(firstEntry);
    expect(files.slice(firstEntry)).toContain('index.html');
    expect(await exists(PENDING_KEY)).toBe(false);
  });

  it('writes nothing when the build did not change, not even the manifest: a re-run is not a publish', async () => {
    const manifest = await bytesOf(MANIFEST_KEY);
    const again = await deploy(A);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('nothing to publish: s3://paper/ holds this build already');
    expect(puts).toEqual([]);
    expect((await bytesOf(MANIFEST_KEY)).equals(manifest)).toBe(true);
    expect(await exists(PENDING_KEY)).toBe(false);
  });

  it('after a new edition, uploads exactly the changed files and deletes nothing yet; the stale files go on the next publish', async () => {
    const changed = hostFiles(changedFiles(A, B));
    const stale = allFiles(A).filter((f) => !allFiles(B).includes(f));
    const next = await deploy(B);
    expect(next.code, next.stderr).toBe(0);
    expect(puts.filter((k) => !isRecord(k)).sort()).toEqual(changed);
    // The new pages go up before the changed pages that link to them (the entry points come after both).
    const isPage = (k: string) => k.endsWith('.html') && k.includes('/');
    const before = new Set(allFiles(A));
    expect(puts.findLastIndex((k) => isPage(k) && !before.has(k))).toBeLessThan(puts.findIndex((k) => isPage(k) && before.has(k)));
    // What a day's edition touches, and nothing else: its pages and zip; the pages of its reporter and county, new to
    // the site; the listing front pages the article joins and their feeds, and the indexes of listings; home, the
    // archive and its year; the feeds and sitemaps; the search page (its county facet); the month's zip; and the
    // newest search shard's hashed files (no older shard's) with the search entry.
    const hashedSearchFile =
      /^pagefind\/(?:(?:filter|fragment|index)\/)?(?:pagefind\.)?unknown_[0-9a-f]+\.pf_(?:filter|fragment|index|meta)$/;
    expect(changed.filter((f) => !hashedSearchFile.test(f))).toEqual([
      '2022/04/20/index.html',
      '2022/04/20/qu-zhou-jing-fang-po-huo/index.html',
      'archive/2022/index.html',
      'archive/index.html',
      'byline/index.html',
      'byline/niumin/index.html',
      'category/gongan/index.html',
      'category/gongan/rss.xml',
      'category/index.html',
      'county/index.html',
      'county/quzhou/index.html',
      'county/quzhou/rss.xml',
      'downloads/2022-04-20.zip',
      'downloads/2022-04.zip',
      'feed.json',
      'index.html',
      'pagefind/pagefind-entry.json',
      'rss.xml',
      'search/index.html',
      'sitemap-0.xml',
      'sitemap-index.xml',
      'sitemap-news.xml',
    ]);
    const searchFiles = changed.filter((f) => hashedSearchFile.test(f));
    for (const kind of ['filter', 'fragment', 'index', 'meta'])
      expect(
        searchFiles.some((f) => f.endsWith(`.pf_${kind}`)),
        kind,
      ).toBe(true);
    expect(stale.length).toBeGreaterThan(0);
    expect(next.stderr).toContain(`0 to delete, ${stale.length} no longer built but kept for now`);
    expect(await bucketKeys()).toEqual([...new Set([...hostFiles(allFiles(B)), ...stale])].sort());

    const after = await deploy(B);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stderr).toContain(`0 uploaded (0.0 MB), ${hostFiles(allFiles(B)).length} skipped, ${stale.length} deleted`);
    expect(await bucketKeys()).toEqual(hostFiles(allFiles(B)));
  });

  it('--dry-run prints the plan and changes nothing', async () => {
    const before = await bucketKeys();
    const manifest = await bytesOf(MANIFEST_KEY);
    const dry = await deploy(A, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('upload index.html');
    expect(dry.stderr).toContain('dry run: nothing was changed');
    expect(puts).toEqual([]);
    expect(await bucketKeys()).toEqual(before);
    expect((await bytesOf(MANIFEST_KEY)).equals(manifest)).toBe(true);
  });

  it('stopped half-way through its uploads, leaves every live page in place and every link working; the next publish completes it', async () => {
    const live = hostFiles(allFiles(B));
    const planned = (await deploy(C, '--dry-run')).stdout
      .split('\n')
      .filter((l) => l.startsWith('upload '))
      .map((l) => l.slice('upload '.length));
    expect(planned.length).toBeGreaterThan(20);
    const child = spawn(process.execPath, [join(root, 'scripts/deploy.ts'), `s3://${BUCKET}`, '--dir', C, '--concurrency', '1'], {
      cwd: root,
      env: deployEnv(),
      stdio: 'ignore',
    });
    puts = [];
    const uploaded = () => puts.filter((k) => !isRecord(k));
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (uploaded().length >= planned.length / 2) {
          child.kill('SIGKILL');
          clearInterval(timer);
        }
      }, 5);
      child.on('exit', () => {
        clearInterval(timer);
        resolve();
      });
    });
    expect(uploaded().length).toBeLessThan(planned.length);
    expect(puts).not.toContain(MANIFEST_KEY);
    // The pending record names every file the stopped publish was to write, for the next one to treat as unknown.
    expect(JSON.parse((await bytesOf(PENDING_KEY)).toString()).paths).toEqual([...planned].sort());
    const keys = new Set(await bucketKeys());
    expect(live.filter((f) => !keys.has(f))).toEqual([]);
    // Half of the new build is up, over the old one: every page a reader can reach works, with every link.
    expect(await linkCheckOfBucket('stopped')).toEqual([]);
    const done = await deploy(C);
    expect(done.code, done.stderr).toBe(0);
    expect(await exists(PENDING_KEY)).toBe(false);
    for (const file of hostFiles(allFiles(C))) expect((await bytesOf(file)).equals(readFileSync(join(C, file))), file).toBe(true);
  });

  it('serves a site that passes the link check, read back from the bucket', async () => {
    expect(await linkCheckOfBucket('completed')).toEqual([]);
  });

  it('sends DeleteObjects with the Content-MD5 that S3-compatible stores such as Aliyun OSS require, and no CRC32', async () => {
    const site = join(work, 'md5-site');
    mkdirSync(site);
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>1</title>');
    writeFileSync(join(site, 'old.html'), '<!doctype html><title>old</title>');
    const client = createS3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials });
    // What goes on the wire: the deserialize step is the last before the request is sent.
    const deletes: { headers: Record<string, string>; body: string }[] = [];
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const request = args.request as { headers: Record<string, string>; body: unknown };
        if (context.commandName === 'DeleteObjectsCommand')
          deletes.push({
            headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v])),
            body: String(request.body),
          });
        return next(args);
      },
      { step: 'deserialize', name: 'deleteObjectsSpy' },
    );
    const options = { bucket: BUCKET, prefix: 'md5/', keep: 0, dryRun: false, concurrency: 2 };
    await publishToS3(client, builtObjects(site, '/'), options);
    rmSync(join(site, 'old.html'));
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>2</title>');
    expect((await publishToS3(client, builtObjects(site, '/'), options)).deleted).toBe(1);
    expect(deletes).toHaveLength(1);
    const { headers, body } = deletes[0]!;
    expect(body).toContain('<Key>md5/old.html</Key>');
    expect(headers['content-md5']).toBe(createHash('md5').update(body).digest('base64'));
    expect(Object.keys(headers).filter((h) => h.startsWith('x-amz-checksum-') || h.startsWith('x-amz-sdk-checksum-'))).toEqual([]);
    expect(await exists('md5/old.html')).toBe(false);
    expect(await exists('md5/index.html')).toBe(true);
  });

  it('uploads a file above --multipart-mb in parts, read back byte for byte', async () => {
    const site = join(work, 'big-site');
    mkdirSync(join(site, 'downloads'), { recursive: true });
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>big</title>');
    // 11 MB, no two of its 4-byte words alike (parts put together wrongly would show): parts of 8 and 3 MB.
    const big = Buffer.alloc(11 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 4) big.writeUInt32LE(i, i);
    writeFileSync(join(site, 'downloads/archive.zip'), big);
    const result = await run([`s3://${BUCKET}/big`, '--dir', site, '--multipart-mb', '5']);
    expect(result.code, result.stderr).toBe(0);
    expect(multipart).toEqual(['big/downloads/archive.zip']);
    expect((await bytesOf('big/downloads/archive.zip')).equals(big)).toBe(true);
    const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'big/downloads/archive.zip' }));
    expect([head.ContentType, head.CacheControl]).toEqual(['application/zip', CACHE_PAGE]);
  });

  /** What the command said: one line, before it hashed the build (the bucket is reached first). */
  const failureLines = (stderr: string) => stderr.trim().split('\n');

  it('says in one line when the credentials are refused or the endpoint cannot be reached, before it reads the build', async () => {
    const refused = await run([`s3://${BUCKET}`, '--dir', C], deployEnv({ AWS_ACCESS_KEY_ID: 'WRONG' }));
    expect(refused.code).toBe(1);
    expect(failureLines(refused.stderr)).toEqual([
      expect.stringMatching(/^deploy: .* refused the credentials for bucket paper .*AWS_ACCESS_KEY_ID/),
    ]);
    const unreachable = await run([`s3://${BUCKET}`, '--dir', C], deployEnv({ AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:1' }));
    expect(unreachable.code).toBe(1);
    expect(failureLines(unreachable.stderr)).toEqual([
      'deploy: cannot reach http://127.0.0.1:1 (ECONNREFUSED): check AWS_ENDPOINT_URL_S3 and the network',
    ]);
    // A mistaken command line fails like anything else: exit 1.
    for (const args of [
      ['https://example.org'],
      [`s3://${BUCKET}`, '--keep', 'one'],
      [`s3://${BUCKET}`, '--multipart-mb', '0'],
      [`s3://${BUCKET}`, '--no-such-option'],
    ]) {
      const usage = await run(args);
      expect(usage.code, args.join(' ')).toBe(1);
      expect(usage.stderr).toContain('usage: npm run deploy');
    }
  }, 60_000);
});
