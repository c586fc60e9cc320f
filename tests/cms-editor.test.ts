// The web editor (/admin/, Decap CMS) in Chromium against `astro dev`, on a temporary git repository holding a copy of
// the search fixture's content (never the project's own repository or content/): it lists the articles, writes one back
// unchanged, and creates a new one through the editorial workflow, as a branch of one commit the checker accepts.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../tools/browser.ts';
import { astroBuild } from './helpers/astro-build.ts';
import { startDev, type DevServer } from './helpers/dev-server.ts';
import { checkPaths } from '../src/lib/check/check-fs.ts';
import { readContent } from '../src/lib/content/content-files-fs.ts';
import { slugFromHeadline } from '../src/lib/slug.ts';

const PORT = 4471;
const REPO = 'tests/.tmp/cms-editor-repo';
const FIXTURE = 'tests/fixtures/search-site';
const ADMIN = `http://127.0.0.1:${PORT}/admin/`;
const EDITION = 'content/2022/04/19/edition.yaml';
const EDITION_TEXT = `# 第6080期
date: 2022-04-19
issue: 6080
pages:
  - { number: 1, name: 要闻 } # 头版
  # 第 2 版待定
  - { number: 3, name: 法治社会 }
`;
let dev: DevServer;
let browser: Browser;
let page: Page;

const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO, encoding: 'utf8' });
const cmsBranches = () =>
  git('branch', '--format=%(refname:short)')
    .split('\n')
    .filter((b) => b.startsWith('cms/'));

beforeAll(async () => {
  rmSync(REPO, { recursive: true, force: true });
  mkdirSync(REPO, { recursive: true });
  cpSync(FIXTURE, join(REPO, 'content'), { recursive: true });
  // Comments in an edition.yaml, which adding a 版 in the editor keeps.
  writeFileSync(join(REPO, EDITION), EDITION_TEXT);
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', '测试记者');
  git('config', 'user.email', 'reporter@example.org');
  git('config', 'commit.gpgsign', 'false');
  git('add', '.');
  git('commit', '-q', '-m', 'fixture');
  dev = await startDev(PORT, { CONTENT_DIR: `${REPO}/content`, ASTRO_CACHE_DIR: 'tests/.tmp/cache-cms-editor/' }, { editorRepo: REPO });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  dev?.stop();
  rmSync(REPO, { recursive: true, force: true });
});

/** Logs in to the local backend and waits for the article list (Vite may reload the page once while it bundles the editor's script). */
async function openList(): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    await page.goto(ADMIN);
    try {
      await page.getByRole('button', { name: '登录' }).click({ timeout: 30_000 });
      await page.getByRole('heading', { name: '稿件' }).first().waitFor({ timeout: 15_000 });
      return;
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
}

/**
 * Waits until Decap has finished loading what it shows: no change to the page for `quiet` ms (Decap replaces its whole
 * form when an entry finishes loading, so a field found before then may be gone the moment after).
 */
async function settled(quiet = 600): Promise<void> {
  // A navigation while waiting (Decap moving to the entry's own address, the dev server reloading the page after the
  // previous case's files changed) is not calm yet: wait again on the new page.
  for (let attempt = 0; attempt < 30; attempt++) {
    try {
      return await waitCalm(quiet);
    } catch (error) {
      if (!String(error).includes('Execution context was destroyed')) throw error;
      await page.waitForLoadState('domcontentloaded');
    }
  }
  throw new Error('the editor kept navigating');
}

async function waitCalm(quiet: number): Promise<void> {
  const calm = await page.evaluate(
    (quiet) =>
      new Promise<boolean>((resolve) => {
        let timer: ReturnType<typeof setTimeout>;
        const observer = new MutationObserver(() => arm());
        const arm = () => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            observer.disconnect();
            clearTimeout(limit);
            resolve(true);
          }, quiet);
        };
        const limit = setTimeout(() => {
          observer.disconnect();
          resolve(false);
        }, 30_000);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        arm();
      }),
    quiet,
  );
  expect(calm, 'the editor settled').toBe(true);
}

describe('the web editor at /admin/', () => {
  const { articles } = readContent(process.cwd(), FIXTURE);

  it('lists the articles of the content folder', async () => {
    await openList();
    for (const article of articles) await page.getByText(article.data.title).first().waitFor({ timeout: 20_000 });
  }, 120_000);

  it('writes an article it opened back unchanged', async () => {
    const article = articles.find((a) => a.data.page === 1 && a.data.date === '2022-04-19')!;
    await page.getByText(article.data.title).first().click();
    const title = page.getByLabel('主题（标题）');
    await expect(title.inputValue()).resolves.toBe(article.data.title);
    // The date as the paper prints it, with no time zone.
    await expect.poll(() => page.getByLabel('日期', { exact: true }).inputValue()).toBe('2022年4月19日');
    expect(await page.getByText('UTC', { exact: true }).count()).toBe(0);
    // Decap will not save an entry that has not changed, so "saved back unchanged" can only be an edit and its revert:
    // change the headline, save, put it back, save again. That leaves a branch with no net change, which on a git host
    // is an empty pull request (CONTRIBUTING tells the reporter to close it). The byte-for-byte round trip of the file
    // format itself is tests/cms-format.test.ts.
    const save = page.getByRole('button', { name: '保存', exact: true });
    // Decap may still be loading the entry into its form, and then resets what was typed: type until it keeps the value.
    const edit = async (value: string) => {
      for (let i = 0; i < 20 && !((await title.inputValue()) === value && (await save.isEnabled())); i++) {
        await title.fill(value);
        await page.waitForTimeout(300);
      }
      expect(await save.isEnabled(), `the editor took ${value}`).toBe(true);
      await save.click();
      await page.getByText('修改已保存').waitFor({ timeout: 60_000 });
    };
    await edit(`${article.data.title}！`);
    await edit(article.data.title);
    const [branch] = cmsBranches();
    expect(branch).toBe(`cms/articles/${article.id}`);
    // The first save's notice may still be showing when the second is clicked: wait for the second commit itself.
    await expect.poll(() => git('diff', 'main', branch!), { timeout: 30_000 }).toBe('');
    expect(git('status', '--porcelain')).toBe('');
  }, 120_000);

  it('creates an article through the editorial workflow: one branch, one commit, a file the checker accepts and the build publishes', async () => {
    const headline = '裕华区法院开展普法宣传';
    const file = `content/2022/04/19/${slugFromHeadline(headline)}.md`;
    await page.goto(`${ADMIN}#/collections/articles/new`);
    // An empty new form does not claim to be saved.
    await page.getByText('新建，尚未保存').waitFor({ timeout: 30_000 });
    expect(await page.getByText('修改已保存').count()).toBe(0);
    // Decap may reset a new entry's form once while it sets up its draft: type into each field until it keeps the value.
    const fill = async (label: string, value: string) => {
      const input = page.getByLabel(label, { exact: true }).first();
      for (let i = 0; i < 10 && (await input.inputValue()) !== value; i++) {
        await input.fill(value);
        await page.waitForTimeout(300);
      }
      expect(await input.inputValue(), label).toBe(value);
    };
    await fill('主题（标题）', headline);
    await page.getByRole('button', { name: '新增署名' }).click();
    await fill('姓名', '记者 徐洋');
    await fill('日期', '2022年4月19日');
    await page.getByLabel('县区').fill('裕华区');
    await page.getByRole('option', { name: '裕华区（石家庄市）', exact: true }).click();
    await page.getByLabel('栏目').fill('法院');
    await page.getByRole('option', { name: '法院', exact: true }).click();
    await fill('版次', '1');
    await fill('版内顺序', '2');
    const save = page.getByRole('button', { name: '保存', exact: true });
    // What the checker refuses, the editor refuses before saving, in the checker's words: a 版 the edition does not
    // have, a position another article holds, an empty body.
    await fill('版次', '2');
    await save.click();
    await page.getByText('第 2 版不在本期版面中（本期版面：1、3）', { exact: false }).first().waitFor({ timeout: 30_000 });
    await fill('版次', '1');
    await fill('版内顺序', '1');
    await save.click();
    await page.getByText('在第 1 版的位置（order: 1）重复', { exact: false }).first().waitFor({ timeout: 30_000 });
    await fill('版内顺序', '2');
    await save.click();
    await page.getByText('正文是空的', { exact: false }).first().waitFor({ timeout: 30_000 });
    expect(cmsBranches().filter((b) => b.includes('yu-hua'))).toEqual([]);
    await page.locator('[data-slate-editor]').first().click();
    await page.keyboard.type('4月18日，裕华区人民法院走进社区开展普法宣传。');
    for (const [label, value] of [
      ['主题（标题）', headline],
      ['日期', '2022年4月19日'],
      ['版次', '1'],
      ['版内顺序', '2'],
    ] as const)
      await fill(label, value);
    await save.click();
    await page.getByText('修改已保存').waitFor({ timeout: 60_000 });

    const branch = `cms/articles/${file.slice('content/'.length, -'.md'.length)}`;
    expect(cmsBranches()).toContain(branch);
    expect(git('rev-list', '--count', `main..${branch}`).trim()).toBe('1');
    expect(git('diff', '--name-only', 'main', branch).trim()).toBe(file);
    expect(git('ls-tree', '--name-only', 'main', file).trim()).toBe('');
    const text = git('show', `${branch}:${file}`);
    expect(text).not.toMatch(/^reprint:/m);
    expect(text).toBe(
      '---\ntitle: 裕华区法院开展普法宣传\nbyline:\n  - 记者 徐洋\ndate: 2022-04-19\ncounty: 裕华区\ncategory: 法院\npage: 1\norder: 2\n---\n\n4月18日，裕华区人民法院走进社区开展普法宣传。\n',
    );
    // The branch as the pull request would merge it, checked with the checker, edition rules included.
    const tree = `${REPO}-branch`;
    rmSync(tree, { recursive: true, force: true });
    git('worktree', 'add', '-q', '--detach', join(process.cwd(), tree), branch);
    try {
      const { problems } = checkPaths([file], { cwd: tree, contentDir: 'content' });
      expect(problems).toEqual([]);
      // And the build publishes it.
      const out = `${tree}-dist`;
      const built = astroBuild(out, { CONTENT_DIR: `${tree}/content`, ASTRO_CACHE_DIR: `${tree}-cache/` });
      expect(built.ok, built.log).toBe(true);
      const page = readFileSync(join(out, file.slice('content/'.length, -'.md'.length), 'index.html'), 'utf8');
      expect(page).toContain(headline);
      rmSync(out, { recursive: true, force: true });
      rmSync(`${tree}-cache`, { recursive: true, force: true });
    } finally {
      git('worktree', 'remove', '--force', join(process.cwd(), tree));
    }
  }, 240_000);

  it('adds a 版 to an edition.yaml, as one line of the file, comments kept, through the editorial workflow', async () => {
    await page.goto(`${ADMIN}#/collections/editions`);
    // The page is not reloaded from here on (a mark on it stays): astro dev reloads the site's pages when the content
    // changes, as decap-server's reading of the previous case's unpublished entry (its branch checked out in the
    // working tree) does, and the editor, reloaded, read it again, in a loop (src/cms/admin.ts).
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    await page.getByText('2022年4月19日 · 第6080期').first().click({ timeout: 30_000 });
    // The form has the edition's two 版 once Decap has loaded the entry (it replaces the whole form then): wait for
    // them, and for the page to stop changing, before adding one.
    const names = page.getByLabel('版名', { exact: true });
    await expect.poll(() => names.count(), { timeout: 30_000 }).toBe(2);
    await settled();
    expect(await names.nth(1).inputValue()).toBe('法治社会');
    await page.getByRole('button', { name: '新增版' }).click();
    await expect.poll(() => names.count(), { timeout: 10_000 }).toBe(3);
    // The new 版 is the list's last item: its own fields, found inside it (the outermost element around the new 版名
    // holding one 版名 only), empty.
    const item = names.nth(2).locator('xpath=ancestor::div[count(.//label[normalize-space(.)="版名"]) = 1][last()]');
    await expect.poll(() => item.getByLabel('版次', { exact: true }).inputValue()).toBe('');
    const name = item.getByLabel('版名', { exact: true });
    const number = item.getByLabel('版次', { exact: true });
    expect(await name.inputValue()).toBe('');
    await name.fill('政法动态');
    await number.fill('2');
    // Nothing reloads the form and loses the new 版 before it is saved.
    await settled();
    expect(await names.count()).toBe(3);
    expect(await name.inputValue()).toBe('政法动态');
    expect(await number.inputValue()).toBe('2');
    expect(await page.evaluate(() => 'notReloaded' in window), 'the editor was not reloaded').toBe(true);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('修改已保存').waitFor({ timeout: 60_000 });
    const branch = 'cms/editions/2022/04/19/edition';
    await expect.poll(() => cmsBranches(), { timeout: 30_000 }).toContain(branch);
    await expect.poll(() => git('diff', '--numstat', 'main', branch).trim(), { timeout: 30_000 }).toBe(`1\t0\t${EDITION}`);
    // One line added, at the end of the list; the comments and every other line as they were.
    expect(git('show', `${branch}:${EDITION}`)).toBe(`${EDITION_TEXT}  - { number: 2, name: 政法动态 }\n`);
    expect(git('rev-list', '--count', `main..${branch}`).trim()).toBe('1');
  }, 120_000);
});
