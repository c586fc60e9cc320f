// `node scripts/pr-summary.ts <base-ref>`: in the pull-request workflow, writes the checks page's Chinese summary
// (src/lib/check/pr-summary.ts) to $GITHUB_STEP_SUMMARY, or to stdout when that is not set: the content check's
// problems and the articles changed since the merge base with <base-ref>. Always exits 0: the check step fails the job.
import { execFileSync } from 'node:child_process';
import { appendFileSync, lstatSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { checkPaths } from '../src/lib/check/check-fs.ts';
import { renderPullRequestSummary, type ChangedArticle } from '../src/lib/check/pr-summary.ts';
import { CONTENT_DIR } from '../src/lib/content/content-files-fs.ts';
import { classifyContentPath } from '../src/lib/content/files.ts';
import { readArticle, readRawFrontmatter } from '../src/lib/content/read.ts';
import { isPreparedAhead } from '../src/lib/content/edition-dates.ts';
import { siteToday } from '../src/lib/clock.ts';

const base = process.argv[2];
if (!base) {
  console.error('usage: node scripts/pr-summary.ts <base-ref>');
  process.exit(2);
}
const root = process.cwd();
const today = siteToday();
const contentDir = CONTENT_DIR.split('\\').join('/');
const changes = execFileSync('git', ['diff', '--name-status', '--no-renames', '-z', `${base}...HEAD`, '--', contentDir], {
  cwd: root,
  encoding: 'utf8',
}).split('\0');
const articles: ChangedArticle[] = [];
for (let i = 0; i + 1 < changes.length; i += 2) {
  const status = changes[i]!;
  const file = changes[i + 1]!;
  const kind = classifyContentPath(posix.relative(contentDir, file), 'file');
  if (kind.kind !== 'article') continue;
  const change = status.startsWith('A') ? 'added' : status.startsWith('D') ? 'deleted' : 'modified';
  const path = join(root, file);
  const bytes = change !== 'deleted' && lstatSync(path, { throwIfNoEntry: false })?.isFile() ? readFileSync(path) : undefined;
  const data = bytes && readArticle(file, bytes).data;
  // An article with errors still has the headline its reporter wrote.
  const raw = bytes && !data ? readRawFrontmatter(bytes)?.['title'] : undefined;
  const preparedAhead = data && isPreparedAhead(data, today) ? data.date : undefined;
  articles.push({
    change,
    file,
    id: kind.id,
    title: data?.title ?? (typeof raw === 'string' ? raw : undefined),
    draft: data?.draft,
    preparedAhead,
  });
}
const { files, problems } = checkPaths([CONTENT_DIR], { cwd: root, contentDir: CONTENT_DIR, today });
const summary = renderPullRequestSummary({ problems, files, articles });
const out = process.env['GITHUB_STEP_SUMMARY'];
if (out) appendFileSync(out, summary);
else process.stdout.write(summary);
