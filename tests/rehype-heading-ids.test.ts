// Fixture tests for the heading ids of article bodies (src/markdown/rehype-heading-ids.ts):
// tests/fixtures/rehype-heading-ids/<case>/input.md is rendered by Astro's Markdown processor with the site's rehype
// plugins and compared with output.html; and the list of the layout's ids (src/lib/layout-ids.ts) is checked against
// the ids the components and pages write. Regenerate expectations with
// `UPDATE_FIXTURES=1 npx vitest run tests/rehype-heading-ids.test.ts`, then read them.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { isLayoutId } from '../src/lib/layout-ids.ts';
import rehypeHeadingIds from '../src/markdown/rehype-heading-ids.ts';
import rehypeSanitizeArticle from '../src/markdown/rehype-sanitize-article.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const fixtures = join(root, 'tests/fixtures/rehype-heading-ids');

const processor = await createMarkdownProcessor({
  rehypePlugins: [rehypeSanitizeArticle, [rehypeHeadingIds, { reserved: isLayoutId }]],
});

const ids = (html: string) => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);

describe('rehypeHeadingIds fixtures', () => {
  for (const name of readdirSync(fixtures).sort()) {
    it(name, async () => {
      const rendered = await processor.render(readFileSync(join(fixtures, name, 'input.md'), 'utf8'));
      const actual = `${rendered.code}\n`;
      const outputPath = join(fixtures, name, 'output.html');
      if (process.env['UPDATE_FIXTURES'] === '1') writeFileSync(outputPath, actual);
      expect(existsSync(outputPath), `${outputPath} is missing`).toBe(true);
      expect(actual).toBe(readFileSync(outputPath, 'utf8'));
      // Every id once, none of the layout's but the footnotes' own, and Astro's list of headings agrees with the page.
      const all = ids(rendered.code);
      expect(new Set(all).size).toBe(all.length);
      const headingIds = [...rendered.code.matchAll(/<h[1-6] id="([^"]*)"/g)].map((m) => m[1]!).filter((id) => id !== 'footnote-label');
      expect(headingIds.filter(isLayoutId)).toEqual([]);
      expect(rendered.metadata.headings.map((h) => h.slug).filter((id) => id !== 'footnote-label')).toEqual(headingIds);
    });
  }

  it('changes nothing for headings that clash with no layout id', async () => {
    const plain = await createMarkdownProcessor({ rehypePlugins: [rehypeSanitizeArticle] });
    const input = readFileSync(join(fixtures, 'chinese-headings/input.md'), 'utf8');
    expect((await processor.render(input)).code).toBe((await plain.render(input)).code);
  });
});

describe('the layout ids', () => {
  /** Every id="…" or id={`…`} the site's markup writes, with each ${…} replaced by a sample value (1). */
  function markupIds(): string[] {
    const files = ['src/components', 'src/layouts', 'src/pages']
      .flatMap((dir) => readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)))
      .filter((f) => f.endsWith('.astro'))
      .concat(['src/lib/offline/search.ts']);
    return files.flatMap((file) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(/\sid=(?:"([^"]+)"|\{`([^`]+)`\})/g)].map((m) =>
        (m[1] ?? m[2]!).replace(/\$\{[^}]*\}/g, '1'),
      ),
    );
  }

  it('lists every id the components and pages write', () => {
    const found = markupIds();
    expect(found).toContain('main');
    expect(found).toContain('ban-1');
    expect(found.filter((id) => !isLayoutId(id))).toEqual([]);
  });

  it('includes the dated page navigation', () => {
    expect(isLayoutId('page-nav-2022-04-19')).toBe(true);
    expect(isLayoutId('正文-main')).toBe(false);
  });
});
