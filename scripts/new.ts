// `npm run new -- [--title … --date … --county … --category … --page … --byline …]`: writes a new article from
// the template as content/YYYY/MM/DD/<pinyin-of-headline>.md. Asks for whatever flags are missing when run in a
// terminal; refuses to overwrite; creates the edition's edition.yaml when there is none. Logic: src/lib/check/scaffold.ts.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { categoryNames } from '../src/lib/categories.ts';
import { checkPaths } from '../src/lib/check/check.ts';
import { formatProblem } from '../src/lib/check/problem.ts';
import {
  articleFileName,
  fieldProblem,
  fieldProblems,
  newSlug,
  nextOrder,
  readPosition,
  renderArticle,
  renderEdition,
  type NewArticleFields,
} from '../src/lib/check/scaffold.ts';
import { CONTENT_DIR, EDITION_FILE } from '../src/lib/content-files.ts';
import { readEdition } from '../src/lib/content/read.ts';
import { editionFolderEntries } from '../src/lib/content/tree-fs.ts';
import { isValidSlug } from '../src/lib/slug.ts';

const FW = { colon: '\uFF1A', comma: '\uFF0C', lp: '\uFF08', rp: '\uFF09' };

const usage = `用法${FW.colon}npm run new -- --title 标题 --date 2022-04-19 --county 曲周县 --category 公安 --page 1 --byline 牛敏
  其他可选项${FW.colon}--kicker 引题  --subtitle 副题  --source 河北法制报讯  --order 版内顺序  --page-name 版名  --slug 文件名
  在终端里运行时${FW.comma}缺少的项会逐一询问。`;

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

let values: ReturnType<typeof parseArgs<{ options: typeof options }>>['values'];
try {
  values = parseArgs({ options }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n\n${usage}`);
  process.exit(2);
}
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
async function ask(flag: string, question: string, given: string | undefined, check: (value: string) => string | undefined, fallback?: string): Promise<string> {
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

const splitNames = (text: string) => text.split(/[,，、;；]+/).map((s) => s.trim()).filter(Boolean);
const positiveInt = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : Number.NaN);

const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const title = await ask('title', '标题', values.title, (v) => fieldProblem('title', v));
const date = await ask('date', '日期 YYYY-MM-DD', values.date, (v) => fieldProblem('date', v), today);
const county = await ask('county', '县区', values.county, (v) => fieldProblem('county', v));
const category = await ask('category', `栏目${FW.lp}${categoryNames.join('、')}${FW.rp}`, values.category, (v) => fieldProblem('category', v));
const page = positiveInt(await ask('page', '版次', values.page, (v) => fieldProblem('page', positiveInt(v)), '1'));
const bylineText = await ask('byline', '署名，多人用顿号隔开，例如 记者 徐洋、刘爱军', values.byline?.join('、'), (v) =>
  fieldProblem('byline', splitNames(v)),
);

const contentDir = join(process.cwd(), CONTENT_DIR);
const slug = values.slug ?? newSlug(title);
if (!isValidSlug(slug)) fail(`--slug${FW.colon}文件名只能用小写拼音字母、数字和连字符`);
const file = join(contentDir, articleFileName(date, slug));
const display = (path: string) => relative(process.cwd(), path).split('\\').join('/');
if (existsSync(file)) fail(`${display(file)} 已经存在${FW.comma}不会覆盖。换一个标题${FW.comma}或用 --slug 指定别的文件名。`);

const folder = dirname(file);
const editionFile = join(folder, EDITION_FILE);
// The edition's files as the content door sees them: links are refused, never followed.
const entries = existsSync(folder) ? editionFolderEntries(folder, date) : [];
const link = entries.find((e) => e.file.kind === 'refused');
if (link?.file.kind === 'refused') fail(`${display(join(folder, link.name))}${FW.colon}${link.file.message}`);
let editionText: string | undefined;
if (entries.some((e) => e.file.kind === 'edition')) {
  const edition = readEdition(display(editionFile), readFileSync(editionFile));
  const error = edition.problems.find((p) => p.severity === 'error');
  if (error || !edition.data) fail(`${error ? formatProblem(error) : display(editionFile)}\n${display(editionFile)} 有错误${FW.comma}请先改好它。`);
  if (!edition.data.pages.some((p) => p.number === page)) {
    fail(`第 ${page} 版不在 ${display(editionFile)} 里${FW.lp}本期版面${FW.colon}${edition.data.pages.map((p) => p.number).join('、')}${FW.rp}${FW.comma}请先在那里加上这一版。`);
  }
} else {
  const pageName = await ask('page-name', `第 ${page} 版的版名${FW.lp}例如 要闻${FW.rp}`, values['page-name'], (v) =>
    v.trim() === '' ? '版名不能为空' : v.length > 20 ? '版名最多 20 个字' : undefined,
  );
  editionText = renderEdition(date, page, pageName.trim());
}

const positions = entries.filter((e) => e.file.kind === 'article').flatMap((e) => readPosition(readFileSync(join(folder, e.name))) ?? []);
const order = values.order === undefined ? nextOrder(positions, page) : positiveInt(values.order);
rl?.close();

const fields: NewArticleFields = { title, kicker: values.kicker, subtitle: values.subtitle, byline: splitNames(bylineText), date, county, category, page, order, source: values.source };
const problems = fieldProblems(fields);
if (problems.length > 0) fail(problems.map((p) => `--${p.field}${FW.colon}${p.message}`).join('\n'));

mkdirSync(folder, { recursive: true });
if (editionText !== undefined) writeFileSync(editionFile, editionText, { flag: 'wx' });
writeFileSync(file, renderArticle(fields), { flag: 'wx' });
console.log(`已创建 ${display(file)}${editionText !== undefined ? ` 和 ${display(editionFile)}` : ''}`);

const { problems: after } = checkPaths([file], { cwd: process.cwd(), contentDir: CONTENT_DIR });
for (const p of after) console.log(formatProblem(p));
console.log(`下一步${FW.colon}打开这个文件写正文${FW.comma}然后运行 npm run check。`);
process.exitCode = after.some((p) => p.severity === 'error') ? 1 : 0;
