// npm run import -- <page.txt|page.pdf> --date YYYY-MM-DD [--page N] [--page-name NAME] [--out DIR] [--json] [--force]
// Reads the text of one printed page (the layout system's text export, or the page PDF, read in reading order),
// writes its articles and the edition metadata into the edition folder (or, with --json, prints them and writes
// nothing), and prints a review report: one line per article with its flags. A page PDF is copied beside
// edition.yaml as NN.pdf and named in the page's entry (`pdf: 01.pdf`).
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { MAX_ARTICLE_BYTES, MAX_EDITION_BYTES } from '../src/lib/content/read.ts';
import { readContentText } from '../src/lib/content/read-fs.ts';
import { editionFolderEntries } from '../src/lib/content/tree-fs.ts';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ImportError, importPage, pageJson, planImport, type ExistingFile } from '../src/lib/importer/index.ts';
import { readPageInput } from '../src/lib/importer/page-source-fs.ts';
import { articleFile } from '../src/lib/importer/serialise.ts';
import { isoDate } from '../src/lib/schema.ts';

const USAGE = 'usage: npm run import -- <page.txt|page.pdf> --date YYYY-MM-DD [--page N] [--page-name NAME] [--out DIR] [--json] [--force]';
const root = fileURLToPath(new URL('..', import.meta.url));

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        date: { type: 'string' },
        page: { type: 'string', default: '1' },
        'page-name': { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) fail(USAGE, 2);
  const date = isoDate.safeParse(values.date);
  if (!date.success) fail(`--date: ${values.date === undefined ? '缺少日期' : date.error.issues[0]?.message}\n${USAGE}`, 2);
  const page = Number(values.page);
  if (!Number.isInteger(page) || page < 1) fail(`--page: 版次必须是正整数\n${USAGE}`, 2);
  const placement = { date: date.data, page };

  const input = resolve(positionals[0]!);
  const source = await readPageInput(input);
  if (!source.ok) {
    const { line, column, message } = source.error;
    fail(`${positionals[0]!}${line === undefined ? '' : `:${line}:${column}`}: ${message}`, 1);
  }
  const imported = importPage(source.text);
  if (imported.articles.length === 0) fail(`${input}: 没有读到任何稿件`, 1);

  if (values.json) {
    for (const article of imported.articles) articleFile(article, placement); // validates; throws ImportError
    process.stdout.write(`${JSON.stringify(pageJson(imported, placement), null, 2)}\n`);
    return;
  }

  const dir = resolve(values.out ?? join(root, 'content', ...placement.date.split('-')));
  // The folder's articles and edition.yaml as the content door sees and reads them (strict UTF-8, within its size
  // limits); links are never read or written through.
  const existing: ExistingFile[] = (existsSync(dir) ? editionFolderEntries(dir, placement.date) : []).flatMap((e): ExistingFile[] => {
    if (e.file.kind === 'refused') return [{ name: e.name, link: true }];
    if (e.file.kind !== 'article' && e.file.kind !== 'edition') return [];
    const read = readContentText(join(dir, e.name), e.file.kind === 'article' ? MAX_ARTICLE_BYTES : MAX_EDITION_BYTES);
    if (read === undefined) return [];
    if (!read.ok) fail(`${relative(process.cwd(), join(dir, e.name))}:${read.error.line}:${read.error.column}: ${read.error.message}`, 1);
    return [{ name: e.name, content: read.text }];
  });
  // The page PDF goes beside edition.yaml as NN.pdf, unless that very file (or one with the same bytes) is there.
  const pdfName = source.pdf ? `${String(page).padStart(2, '0')}.pdf` : undefined;
  const pdfTarget = pdfName === undefined ? undefined : join(dir, pdfName);
  const copyPdf = pdfTarget !== undefined && source.pdf !== undefined && !sameFile(input, pdfTarget, source.pdf);
  if (copyPdf && existsSync(pdfTarget) && !values.force) {
    fail(`${relative(process.cwd(), pdfTarget)} 已存在且内容不同${'\uFF0C'}未覆盖${'\uFF08'}确认要覆盖请加 --force${'\uFF09'}`, 1);
  }
  const plan = planImport(imported, { placement, pageName: values['page-name'], pdf: pdfName, existing, force: values.force });
  mkdirSync(dir, { recursive: true });
  for (const { name, content } of plan.writes) writeFileSync(join(dir, name), content);
  if (copyPdf) copyFileSync(input, pdfTarget);
  if ((source.pages ?? 1) > 1) process.stderr.write(`注意${'\uFF1A'}这个 PDF 有 ${source.pages} 页${'\uFF0C'}只导入了第 1 页\n`);

  for (const [i, article] of imported.articles.entries()) {
    const byline = article.byline.map((b) => b.name).join(' ') || '-';
    const flags = article.flags.length ? `  [${article.flags.join(', ')}]` : '';
    process.stdout.write(`${imported.slugs[i]}  ${article.title}  ${byline}  ${article.county}  ${article.category}${flags}\n`);
  }
  const flagged = imported.articles.filter((a) => a.flags.length > 0).length;
  process.stdout.write(
    `\n${imported.articles.length} articles, ${flagged} flagged for review; wrote ${plan.writes.length + (copyPdf ? 1 : 0)} files to ${relative(process.cwd(), dir) || '.'}\n`,
  );
}

/** Whether `target` is the input itself or already holds the same bytes. */
function sameFile(input: string, target: string, bytes: Uint8Array): boolean {
  if (!existsSync(target)) return false;
  if (realpathSync(input) === realpathSync(target)) return true;
  return statSync(target).size === bytes.length && Buffer.from(readFileSync(target)).equals(Buffer.from(bytes));
}

try {
  await main();
} catch (error) {
  if (error instanceof ImportError) fail(error.message, 1);
  throw error;
}
