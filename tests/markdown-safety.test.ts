// The Markdown pipeline cannot emit executable HTML: hostile fixtures (tests/fixtures/hostile/content) rendered by
// Astro's own processor with and without this site's plugins, and a real build of a site made of them with the
// content checker switched off, so that only the sanitizer stands between the fixtures and the pages.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeSource, splitFrontmatter } from '../src/lib/content/source.ts';
import { executableParts, markdownRenderer } from './markdown-safety-detect.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const fixtureDir = join(root, 'tests/fixtures/hostile/content/2022/04/19');
const hostile = ['raw-html', 'links', 'frontmatter'];

function fixture(name: string): { body: string; frontmatter: Record<string, unknown> } {
  const decoded = decodeSource(readFileSync(join(fixtureDir, `${name}.md`)));
  if (!decoded.ok) throw new Error(name);
  const split = splitFrontmatter(decoded.text);
  if (!split.ok) throw new Error(name);
  return { body: split.value.body, frontmatter: parseYaml(split.value.yaml) as Record<string, unknown> };
}

describe("Astro's default Markdown processing (no site plugins)", () => {
  it('passes raw HTML, event handlers and javascript: links straight through: the hole this site closes', async () => {
    const render = await markdownRenderer('plain');
    const found = executableParts(await render(fixture('raw-html').body), { fragment: true });
    expect(found.filter((f) => f.startsWith('<script>')).length).toBeGreaterThanOrEqual(3);
    expect(found).toEqual(expect.arrayContaining(["onError=alert('PWNED-4')", '<iframe>', '<object>', '<embed>', '<base>']));
    expect(found).toContain("action=javascript:alert('PWNED-11')");
    expect(found.filter((f) => f.startsWith('href=javascript:')).length).toBeGreaterThanOrEqual(2);
    const links = executableParts(await render(fixture('links').body), { fragment: true });
    expect(links.length).toBeGreaterThanOrEqual(10);
  });
});

describe('the site Markdown pipeline', () => {
  for (const name of [...hostile, 'benign']) {
    it(`${name}.md renders with nothing executable and its safe text intact`, async () => {
      const render = await markdownRenderer('site');
      const { body, frontmatter } = fixture(name);
      const html = await render(body, frontmatter);
      expect(executableParts(html, { fragment: true })).toEqual([]);
      for (const marker of body.match(/安全段落./g) ?? []) expect(html).toContain(marker);
    });
  }

  it('keeps what articles legitimately use: http(s), mailto and site links, footnotes, highlighted code', async () => {
    const render = await markdownRenderer('site');
    const html = await render(fixture('benign').body);
    expect(html).toContain('href="https://www.example.cn/"');
    expect(html).toContain('href="/2022/04/19/"');
    expect(html).toContain('href="mailto:a@example.cn"');
    expect(html).toMatch(/<a href="#user-content-fn-1" id="user-content-fnref-1"/);
    expect(html).toContain('<li id="user-content-fn-1">');
    expect(html).toMatch(/<pre class="astro-code [^"]+" style="[^"]+" tabindex="0" data-language="js">/);
    expect(html).toContain('<code>&#x3C;script>代码&#x3C;/script></code>');
  });
});

describe('a site built from the hostile fixtures (content checker off)', () => {
  let pages: { path: string; html: string }[] = [];
  let work = '';
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  beforeAll(() => {
    mkdirSync(join(root, 'tests/.tmp'), { recursive: true });
    work = mkdtempSync(join(root, 'tests/.tmp/hostile-'));
    const out = join(work, 'dist');
    execFileSync(
      process.execPath,
      ['node_modules/astro/bin/astro.mjs', 'build', '--config', 'tests/fixtures/hostile/astro.config.mjs', '--outDir', out],
      {
        cwd: root,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: {
          ...process.env,
          NODE_ENV: 'production',
          ASTRO_TELEMETRY_DISABLED: '1',
          CONTENT_DIR: 'tests/fixtures/hostile/content',
          HOSTILE_CACHE_DIR: join(work, 'cache'),
        },
      },
    );
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : path.endsWith('.html') ? [path] : [];
      });
    pages = walk(out).map((path) => ({ path: relative(out, path), html: readFileSync(path, 'utf8') }));
  });

  it('built every hostile article', () => {
    for (const name of [...hostile, 'benign']) expect(pages.map((p) => p.path)).toContain(`2022/04/19/${name}/index.html`);
  });

  it('no page has a script, event handler, dangerous URL or embedding element that the site did not put there', () => {
    const found = pages.flatMap((page) => executableParts(page.html, { fragment: false }).map((f) => `${page.path}: ${f}`));
    expect(found).toEqual([]);
  });

  it('gives body headings ids the page does not use: every id on a page once', () => {
    const benign = pages.find((p) => p.path === '2022/04/19/benign/index.html')!.html;
    expect(benign).toContain('<main id="main"');
    expect(benign).toContain('<h2 id="正文-main">main</h2>');
    expect(benign).toContain('<h2 id="正文-corrections">corrections</h2>');
    const repeated = pages.flatMap((page) => {
      const ids = [...page.html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
      return ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `${page.path}: ${id}`);
    });
    expect(repeated).toEqual([]);
  });

  it('shows a character reference in a title as written, never as the character it stands for', () => {
    const benign = pages.find((p) => p.path === '2022/04/19/benign/index.html')!.html;
    // Frontmatter is plain text: the reference is escaped like any `&` (its `;` set full-width before Chinese, as text).
    expect(benign).toMatch(/<h1[^>]*>安全的稿件 &amp;#x202E[;\uFF1B]反转<\/h1>/);
    expect(pages.filter((p) => p.html.includes('\u202E')).map((p) => p.path)).toEqual([]);
  });

  it('the hostile text that remains is inert: shown as text, never as markup', () => {
    const rawHtml = pages.find((p) => p.path === '2022/04/19/raw-html/index.html')!.html;
    expect(rawHtml).toContain('安全段落丙');
    expect(rawHtml).toContain('安全段落丁');
    const frontmatter = pages.find((p) => p.path === '2022/04/19/frontmatter/index.html')!.html;
    expect(frontmatter).toContain('&lt;script&gt;alert(&#39;PWNED-50&#39;)&lt;/script&gt;');
  });
});
