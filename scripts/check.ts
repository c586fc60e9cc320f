// `npm run check -- [--json] [paths…]`: checks articles and editions (default: content/) and prints one line per
// problem, like a compiler, then a summary; exit 1 when there is any error. The rules live in src/lib/check/.
import { parseArgs } from 'node:util';
import { argumentProblem } from '../src/lib/cli-args.ts';
import { checkPaths } from '../src/lib/check/check-fs.ts';
import { formatProblem, formatSummary, preparedAheadNote } from '../src/lib/content/problem.ts';
import { CONTENT_DIR } from '../src/lib/content/content-files-fs.ts';
import { siteToday } from '../src/lib/clock.ts';

const usage = `用法\uFF1Anpm run check -- [--json] [文件或文件夹…]
  检查稿件\uFF08.md\uFF09和版期信息\uFF08edition.yaml\uFF09\uFF1B不写路径时检查 content/ 整个文件夹。
  --json   以 JSON 数组输出\uFF1A[{ file, line, column, rule, severity, message }]`;

const flags = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;
const argv = process.argv.slice(2);
const argProblem = argumentProblem(argv, flags, true);
if (argProblem !== undefined) {
  console.error(`${argProblem}\n\n${usage}`);
  process.exit(2);
}
const args = parseArgs({ args: argv, options: flags, allowPositionals: true });
if (args.values.help) {
  console.log(usage);
  process.exit(0);
}

const paths = args.positionals.length > 0 ? args.positionals : [CONTENT_DIR];
const { files, problems, preparedAhead } = checkPaths(paths, { cwd: process.cwd(), contentDir: CONTENT_DIR, today: siteToday() });

if (args.values.json) {
  console.log(JSON.stringify(problems, null, 2));
} else {
  for (const problem of problems) console.log(formatProblem(problem));
  console.log(formatSummary(problems, files));
  for (const date of preparedAhead) console.log(preparedAheadNote(date));
}
process.exitCode = problems.some((p) => p.severity === 'error') ? 1 : 0;
