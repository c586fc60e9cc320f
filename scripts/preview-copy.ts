// `node scripts/preview-copy.ts <dist> <out>`: writes a copy of the built site into <out> that works when opened
// from a folder (see src/lib/preview/browsable.ts); SITE_URL and BASE_PATH as for the build. The pull-request
// workflow uploads it as the preview artifact.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { browsableFile } from '../src/lib/preview/browsable.ts';
import { toPosix } from '../src/lib/util/posix-path.ts';

const [dist, out] = process.argv.slice(2);
if (!dist || !out) {
  console.error('usage: node scripts/preview-copy.ts <dist> <out>');
  process.exit(2);
}
const base = process.env['BASE_PATH'] ?? '/';
const site = new URL(base.endsWith('/') ? base : `${base}/`, process.env['SITE_URL'] ?? 'https://example.org');
const paths = readdirSync(dist, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => toPosix(relative(dist, join(e.parentPath, e.name))))
  .sort();
const files = new Set(paths);
rmSync(out, { recursive: true, force: true });
for (const path of paths) {
  const target = join(out, ...path.split('/'));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, browsableFile(path, readFileSync(join(dist, ...path.split('/'))), site, files));
}
console.log(`${out}: ${paths.length} files, links made relative; open ${join(out, 'index.html')}`);
