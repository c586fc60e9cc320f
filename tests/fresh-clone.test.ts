// A reporter's pull request, from a fresh clone: the repository as committed (HEAD) is cloned into a scratch folder,
// an article is added with `npm run new` to the newest edition (today the sample's) and another as a new day's
// edition, the two are committed, and then `npm run check` passes and so do the parts of `npm test` that read the
// content folder: `astro sync` (the content loaders of `astro check`) and every test file that reads the repository's
// own content/ (or published-urls.txt in it), run in the clone.
//
// Why not the whole suite in the clone: it would double `npm test`'s time, and nearly all of it runs on fixture
// copies, never on content/ (tests/setup/build-sample.ts). Nor a list of the files that read content/, which a new
// test would have to remember to join: they are found from their source (`readsContent`: a path into content/ from
// the repository's root, such as `join(root, 'content…')`, `checkPaths(['content'], { cwd: root })`,
// `readContent(process.cwd())`, a relative `readFileSync('content/…')`, a command-line helper run in the root), and
// whatever is found runs in the clone. What would make other tests depend on content/ unseen fails the guard below:
// a helper that reads content/ itself, or a test file that starts Astro with no CONTENT_DIR of its own. A path the
// patterns cannot see (the root spelled another way) is the reviewer's to catch.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BODY_PLACEHOLDER } from '../src/lib/check/markdown.ts';
import { readContent } from '../src/lib/content/content-files-fs.ts';
import { buildEnv } from './helpers/astro-build.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const THIS_FILE = 'tests/fresh-clone.test.ts';

/** Every TypeScript file under `project`'s tests/ but the fixtures, scratch folders and this file, relative to `project`. */
function testSources(project: string, dir = join(project, 'tests')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' || entry.name.startsWith('.') ? [] : testSources(project, path);
    const file = relative(project, path);
    return file.endsWith('.ts') && file !== THIS_FILE ? [file] : [];
  });
}

/** A source without its comments. */
const codeOf = (project: string, file: string) =>
  readFileSync(join(project, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');

/** Whether a test source reads the repository's content folder. */
function readsContent(code: string): boolean {
  // The root: `process.cwd()` (Vitest runs there), or `root` where the file binds it to the repository's root.
  const rootName = /\bconst root = .*import\.meta\.url/.test(code) ? String.raw`(?:root|process\.cwd\(\))` : String.raw`process\.cwd\(\)`;
  const content = String.raw`['"\`]content(?:/[^'"\`]*)?['"\`]`;
  const patterns = [
    new RegExp(String.raw`\b(?:join|resolve)\(\s*${rootName}\s*,\s*['"\`]content\b`),
    new RegExp(String.raw`\$\{${rootName}\}/?content\b`),
    new RegExp(String.raw`${content}.*\bcwd:\s*${rootName}(?![\w.])`),
    new RegExp(String.raw`\b(?:readContent|contentFiles)\(\s*${rootName}\s*(?:\)|,\s*${content})`),
    new RegExp(String.raw`\bcheckPaths\(\s*\[[^\]]*${content}[^\]]*\]\s*\)`),
    new RegExp(String.raw`\b(?:readFileSync|readFile|readdirSync|readdir|existsSync|statSync|createReadStream)\(\s*${content}`),
    new RegExp(String.raw`\bcwd\s*=\s*${rootName}.*scripts/`),
  ];
  return code.split('\n').some((line) => patterns.some((p) => p.test(line)));
}

/** The test files of `project` that read its content folder. */
const contentTests = (project: string) =>
  testSources(project).filter((file) => file.endsWith('.test.ts') && readsContent(codeOf(project, file)));

describe('the tests that read content/', () => {
  it('are found from their source, and no helper or Astro run of a test reads content/ behind its back', () => {
    // The one known reader ("the sample edition passes"): the search cannot silently come back empty.
    expect(contentTests(root)).toContain('tests/check.test.ts');
    const helpers = testSources(root).filter((file) => !file.endsWith('.test.ts'));
    expect(
      helpers.filter((file) => readsContent(codeOf(root, file))),
      'helpers must take the content folder from the test',
    ).toEqual([]);
    const startsAstro = (code: string) => /astro\.mjs|astroBuild\(|startDev\(/.test(code) && !code.includes('CONTENT_DIR');
    const astroOnContent = testSources(root).filter((file) => file.endsWith('.test.ts') && startsAstro(codeOf(root, file)));
    expect(astroOnContent, 'these start Astro on content/: give them a CONTENT_DIR of their own').toEqual([]);
  });
});

describe('a fresh clone with articles added by npm run new and committed', () => {
  const clone = mkdtempSync(join(tmpdir(), 'fresh-clone-'));
  afterAll(() => rmSync(clone, { recursive: true, force: true }));
  // Vitest's own variables left out; Astro's cache in the clone, not in the node_modules it shares.
  const env = buildEnv({ ASTRO_CACHE_DIR: join(clone, '.astro-cache'), NO_COLOR: '1' });
  delete env['NODE_ENV'];
  // Standard input is not a terminal: `npm run new` takes its flags and asks nothing.
  const run = (command: string, args: string[]) => {
    const result = spawnSync(command, args, { cwd: clone, encoding: 'utf8', env });
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  };
  const git = (...args: string[]) => {
    const result = run('git', args);
    expect(result.status, result.output).toBe(0);
    return result.output.trim();
  };

  it('passes npm run check, astro sync and, in the clone, the test files that read content/', () => {
    const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
    git('clone', '--quiet', '--no-checkout', root, '.');
    git('checkout', '--quiet', '-b', 'reporter', head);
    git('config', 'user.name', '测试记者');
    git('config', 'user.email', 'reporter@example.org');
    git('config', 'commit.gpgsign', 'false');
    symlinkSync(realpathSync(join(root, 'node_modules')), join(clone, 'node_modules'));

    const { editions } = readContent(clone, 'content');
    const newest = editions
      .map((e) => e.data)
      .sort((a, b) => a.date.localeCompare(b.date))
      .at(-1)!;
    const nextDay = new Date(Date.parse(`${newest.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const added = [
      [
        '--title',
        '老人走失 民警连夜帮助回家',
        '--date',
        newest.date,
        '--county',
        '曲周县',
        '--category',
        '公安',
        '--page',
        String(newest.pages[0]!.number),
        '--byline',
        '记者 徐洋',
      ],
      [
        '--title',
        '法院开放日 市民走进审判庭',
        '--date',
        nextDay,
        '--county',
        '裕华区',
        '--category',
        '法院',
        '--page',
        '1',
        '--page-name',
        '要闻',
        '--byline',
        '牛敏',
      ],
    ].map((flags) => {
      const made = run(process.execPath, ['scripts/new.ts', ...flags]);
      expect(made.status, made.output).toBe(0);
      const file = /已创建 (\S+\.md)/.exec(made.output)![1]!;
      // The reporter writes the article in place of the template's hint.
      writeFileSync(join(clone, file), readFileSync(join(clone, file), 'utf8').replace(BODY_PLACEHOLDER, '稿件的正文。'));
      return file;
    });
    git('add', 'content');
    git('commit', '--quiet', '-m', '新增两篇稿件');
    expect(git('diff', '--name-only', 'HEAD~1').split('\n').sort()).toEqual(
      [...added, `content/${nextDay.replaceAll('-', '/')}/edition.yaml`].sort(),
    );

    const check = run('npm', ['run', 'check']);
    expect(check.status, check.output).toBe(0);
    const sync = run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'sync']);
    expect(sync.status, sync.output).toBe(0);
    const tests = run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...contentTests(clone)]);
    expect(tests.status, tests.output).toBe(0);
  }, 300_000);
});
