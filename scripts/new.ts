// `npm run new -- [--title … --date … --county … --category … --page … --byline …]`: writes a new article from
// the template as content/YYYY/MM/DD/<pinyin-of-headline>.md. Asks for whatever flags are missing when run in a
// terminal, and asks again as soon as an answer cannot be used (a file that exists, a page the edition lacks, a
// position taken); refuses to overwrite; creates the edition's edition.yaml when there is none, or adds the page to
// it. Logic: src/lib/check/scaffold.ts.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { categoryNames } from '../src/lib/categories.ts';
import { argumentProblem } from '../src/lib/cli-args.ts';
import { checkPaths } from '../src/lib/check/check-fs.ts';
import { formatProblem } from '../src/lib/content/problem.ts';
import {
  addEditionPage,
  articleFileName,
  fieldProblem,
  fieldProblems,
  newSlug,
  nextOrder,
  pageNameProblem,
  proposedDate,
  renderArticle,
  splitByline,
  renderEdition,
  takenBy,
  type NewArticleFields,
} from '../src/lib/check/scaffold.ts';
import { CONTENT_DIR, EDITION_FILE } from '../src/lib/content/content-files-fs.ts';
import { readEdition } from '../src/lib/content/read.ts';
import { editionDates, readEditionFolder } from '../src/lib/check/scaffold-fs.ts';
import { isValidSlug } from '../src/lib/slug.ts';
import { siteToday } from '../src/lib/clock.ts';

const FW = { colon: '\uFF1A', comma: '\uFF0C', lp: '\uFF08', rp: '\uFF09' };

const usage = `用法${FW.colon}npm run new -- --title 标题 --date 2022-04-19 --county 曲周县 --category 公安 --page 1 --byline 牛敏
  其他可选项${FW.colon}--kicker 引题  --subtitle 副题  --source 河北法制报讯  --order 版内顺序  --page-name 版名  --slug 文件名
  --page-name${FW.colon}本期还没有 edition.yaml${FW.comma}或 edition.yaml 里还没有这一版时${FW.comma}用这个版名把它加上。
  在终端里运行时${FW.comma}缺少的项会逐一询问${FW.comma}答错了会马上再问。`;

const options = {
  title: { type: 'string' },
  kicker: { type: 'string' },
  subtitle: { type: 'string' },
  date: { type: 'string' },
  county: { type: 'string' },
  category: { type: 'string' },
  page: { type: 'string' },
  'page-name': { type: 'string' },
  order: { type: 'string' },
  byline: { type: 'string', multiple: true },
  source: { type: 'string' },
  slug: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const argv = process.argv.slice(2);
const argProblem = argumentProblem(argv, options);
if (argProblem !== undefined) {
  console.error(`${argProblem}\n\n${usage}`);
  process.exit(2);
}
const { values } = parseArgs({ args: argv, options });
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
rl?.on('SIGINT', () => fail('\n已取消。'));
// Lines are read through one iterator so that answers typed (or pasted) ahead of their question are kept.
const lines = rl?.[Symbol.asyncIterator]();

async function prompt(question: string): Promise<string> {
  rl!.setPrompt(question);
  rl!.prompt();
  const next = await lines!.next();
  if (next.done) fail('\n已取消。');
  return String(next.value);
}

/** A flag's value, or the reporter's answer (asked again until the schema accepts it). */
async function ask(
  flag: string,
  question: string,
  given: string | undefined,
  check: (value: string) => string | undefined,
  fallback?: string,
): Promise<string> {
  let value = given;
  for (;;) {
    if (value !== undefined) {
      const problem = check(value);
      if (!problem) return value;
      if (!rl) fail(`--${flag}${FW.colon}${problem}`);
      console.log(`  ${problem}`);
    } else if (!rl) {
      fail(`缺少 --${flag}${FW.lp}${question}${FW.rp}\n\n${usage}`);
    }
    const answer = (await prompt(`${question}${fallback ? `${FW.lp}直接回车为 ${fallback}${FW.rp}` : ''}${FW.colon}`)).trim();
    value = answer === '' && fallback ? fallback : answer;
  }
}

/** An optional field: its flag, or in a terminal the answer to a question Enter skips (asked again until usable). */
async function askOptional(
  question: string,
  given: string | undefined,
  check: (value: string) => string | undefined,
): Promise<string | undefined> {
  if (given !== undefined || !rl) return given;
  for (;;) {
    const answer = (await prompt(`${question}${FW.lp}没有就直接回车${FW.rp}${FW.colon}`)).trim();
    if (answer === '') return undefined;
    const problem = check(answer);
    if (!problem) return answer;
    console.log(`  ${problem}`);
  }
}

/** A yes-or-no question; Enter is yes. */
async function confirm(question: string): Promise<boolean> {
  for (;;) {
    const answer = (await prompt(question)).trim().toLowerCase();
    if (['', 'y', 'yes', '是', '好', '要', '对'].includes(answer)) return true;
    if (['n', 'no', '否', '不', '不要', '不用'].includes(answer)) return false;
    console.log(`  请回答「是」或「否」`);
  }
}

const positiveInt = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : Number.NaN);
const display = (path: string) => relative(process.cwd(), path).split('\\').join('/');

const today = siteToday();
const titleCheck = (v: string) => fieldProblem('title', v);
let title = await ask('title', '标题', values.title, titleCheck);
const kicker = await askOptional('引题', values.kicker, (v) => fieldProblem('kicker', v));
const subtitle = await askOptional('副题', values.subtitle, (v) => fieldProblem('subtitle', v));
// The date proposed is the edition being made: tomorrow's once today's is out (src/lib/check/scaffold.ts).
const contentDir = join(process.cwd(), CONTENT_DIR);
const date = await ask(
  'date',
  '日期 YYYY-MM-DD',
  values.date,
  (v) => fieldProblem('date', v),
  proposedDate(today, editionDates(contentDir)),
);

// The edition is read as soon as its date is known, so that what cannot be used is said before the next question.
const folder = join(contentDir, dirname(articleFileName(date, 'x')));
const editionFile = join(folder, EDITION_FILE);
const read = readEditionFolder(folder, date, display);
if (!read.ok) fail(read.message);
const { edition, positions, names } = read.value;

if (values.slug !== undefined && !isValidSlug(values.slug)) fail(`--slug${FW.colon}文件名只能用小写拼音字母、数字和连字符`);
let file = join(contentDir, articleFileName(date, values.slug ?? newSlug(title)));
while (existsSync(file) || names.has(basename(file))) {
  const taken = `${display(file)} 已经存在${FW.comma}不会覆盖。换一个标题${FW.comma}或用 --slug 指定别的文件名。`;
  if (!rl || values.slug !== undefined) fail(taken);
  console.log(`  ${taken}`);
  title = await ask('title', '标题', undefined, titleCheck);
  file = join(contentDir, articleFileName(date, newSlug(title)));
}

const county = await ask('county', '县区', values.county, (v) => fieldProblem('county', v));
const category = await ask('category', `栏目${FW.lp}${categoryNames.join('、')}${FW.rp}`, values.category, (v) =>
  fieldProblem('category', v),
);

const askPageName = async (page: number) =>
  (await ask('page-name', `第 ${page} 版的版名${FW.lp}例如 要闻${FW.rp}`, values['page-name'], pageNameProblem)).trim();
let page = Number.NaN;
/** The name of a page to write into edition.yaml: the edition is new, or lacks the page. */
let newPageName: string | undefined;
let pageGiven = values.page;
for (;;) {
  page = positiveInt(await ask('page', '版次', pageGiven, (v) => fieldProblem('page', positiveInt(v)), '1'));
  pageGiven = undefined;
  if (!edition) {
    newPageName = await askPageName(page);
    break;
  }
  if (edition.data.pages.some((p) => p.number === page)) break;
  const missing = `第 ${page} 版不在 ${display(editionFile)} 里${FW.lp}本期版面${FW.colon}${edition.data.pages.map((p) => p.number).join('、')}${FW.rp}`;
  if (values['page-name'] !== undefined) {
    newPageName = await askPageName(page);
    break;
  }
  if (!rl)
    fail(
      `--page${FW.colon}${missing}${FW.colon}请在 edition.yaml 的 pages 里加上第 ${page} 版${FW.comma}或加上 --page-name 版名${FW.comma}由本命令把它加进 edition.yaml。`,
    );
  console.log(`  ${missing}。`);
  if (await confirm(`要把第 ${page} 版加进 edition.yaml 吗${FW.lp}是/否${FW.comma}直接回车为 是${FW.rp}${FW.colon}`)) {
    newPageName = await askPageName(page);
    break;
  }
}

const free = nextOrder(positions, page);
const orderCheck = (v: string) => {
  const order = positiveInt(v);
  const problem = fieldProblem('order', order);
  if (problem) return problem;
  const taken = takenBy(positions, page, order);
  return taken
    ? `第 ${page} 版的第 ${order} 篇${FW.lp}order: ${order}${FW.rp}已经是 ${taken.file}${FW.comma}请换一个${FW.comma}例如本版下一个空位 ${free}`
    : undefined;
};
const order = values.order !== undefined || rl ? positiveInt(await ask('order', '版内顺序', values.order, orderCheck, String(free))) : free;
const bylineText = await ask('byline', '署名，照报上印的写，例如 记者 王晓然 通讯员 李明', values.byline?.join('、'), (v) =>
  fieldProblem('byline', splitByline(v)),
);
const source = await askOptional(`稿件来源${FW.lp}例如 河北法制报讯、新华社${FW.rp}`, values.source, (v) => fieldProblem('source', v));
rl?.close();

const fields: NewArticleFields = {
  title,
  kicker,
  subtitle,
  byline: splitByline(bylineText),
  date,
  county,
  category,
  page,
  order,
  source,
};
const problems = fieldProblems(fields);
if (problems.length > 0) fail(problems.map((p) => `--${p.field}${FW.colon}${p.message}`).join('\n'));

/** edition.yaml as it will be written, checked by the content door first; undefined when it stays as it is. */
let editionText: string | undefined;
if (newPageName !== undefined) {
  editionText = edition ? addEditionPage(edition.text, page, newPageName) : renderEdition(date, page, newPageName);
  const reread = editionText === undefined ? undefined : readEdition(display(editionFile), new TextEncoder().encode(editionText));
  if (!reread?.data) fail(`无法把第 ${page} 版加进 ${display(editionFile)}${FW.comma}请手动加上。`);
}

mkdirSync(folder, { recursive: true });
if (editionText !== undefined) writeFileSync(editionFile, editionText, { flag: edition ? 'w' : 'wx' });
writeFileSync(file, renderArticle(fields), { flag: 'wx' });
const editionNote =
  editionText === undefined
    ? ''
    : edition
      ? `${FW.comma}并在 ${display(editionFile)} 里加上了第 ${page} 版${FW.lp}${newPageName}${FW.rp}`
      : ` 和 ${display(editionFile)}`;
console.log(`已创建 ${display(file)}${editionNote}`);

const { problems: after } = checkPaths([file], { cwd: process.cwd(), contentDir: CONTENT_DIR, today });
for (const p of after) console.log(formatProblem(p));
console.log(`下一步${FW.colon}打开这个文件写正文${FW.comma}然后运行 npm run check。`);
process.exitCode = after.some((p) => p.severity === 'error') ? 1 : 0;
