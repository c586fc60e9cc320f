// Fixture tests for the remark plugin, in the style of remark-gfm: tests/fixtures/remark-cjk-punctuation/<case>/input.md
// is run through remark-parse → remarkCjkPunctuation → remark-rehype → rehype-stringify and compared with output.html.
// Regenerate expectations with `UPDATE_FIXTURES=1 npx vitest run tests/remark-cjk-punctuation.test.ts`, then read them.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import remarkSmartypants from 'remark-smartypants';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkCjkPunctuation from '../src/markdown/remark-cjk-punctuation.ts';

const fixtures = fileURLToPath(new URL('./fixtures/remark-cjk-punctuation/', import.meta.url));

function toHtml(markdown: string, plugins: 'plain' | 'twice' | 'astro' = 'plain'): string {
  const processor = unified().use(remarkParse);
  // Astro's default order: remark-gfm and remark-smartypants run before the user's remark plugins. This site turns
  // smartypants off in astro.config.mjs, but the plugin must cope if it is ever on.
  if (plugins === 'astro') processor.use(remarkGfm).use(remarkSmartypants);
  processor.use(remarkCjkPunctuation);
  if (plugins === 'twice') processor.use(remarkCjkPunctuation);
  return String(
    processor.use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true }).processSync(markdown),
  );
}

describe('remarkCjkPunctuation fixtures', () => {
  for (const name of readdirSync(fixtures).sort()) {
    it(name, () => {
      const input = readFileSync(join(fixtures, name, 'input.md'), 'utf8');
      const actual = `${toHtml(input)}\n`;
      const outputPath = join(fixtures, name, 'output.html');
      if (process.env['UPDATE_FIXTURES'] === '1') writeFileSync(outputPath, actual);
      expect(existsSync(outputPath), `${outputPath} is missing`).toBe(true);
      expect(actual).toBe(readFileSync(outputPath, 'utf8'));
      expect(toHtml(input, 'twice')).toBe(toHtml(input));
    });
  }
});

describe('remarkCjkPunctuation in Astro order (after remark-gfm and remark-smartypants)', () => {
  it('repairs the quote directions smartypants gets wrong in Chinese and doubles its ellipsis', () => {
    expect(toHtml('他说"你好"。然后"再见"吧...')).toBe('<p>他说“你好”。然后“再见”吧……</p>');
    expect(toHtml('他说"你好"。然后"再见"吧...', 'astro')).toBe('<p>他说“你好”。然后“再见”吧……</p>');
  });

  it('leaves GFM autolink literals alone', () => {
    expect(toHtml('登录 www.hebfzb.com 查看,或发邮件至 news@hebfzb.com.', 'astro')).toBe(
      '<p>登录 <a href="http://www.hebfzb.com">www.hebfzb.com</a> 查看\uFF0C或发邮件至 <a href="mailto:news@hebfzb.com">news@hebfzb.com</a>.</p>',
    );
    // GFM takes a half-width comma and the Chinese after it into the literal; the link text is still left as it is.
    expect(toHtml('登录 www.hebfzb.com,查看', 'astro')).toBe(
      '<p>登录 <a href="http://www.hebfzb.com,%E6%9F%A5%E7%9C%8B">www.hebfzb.com,查看</a></p>',
    );
  });

  it('leaves English smartypants output alone', () => {
    expect(toHtml('He said "don\'t", then left...', 'astro')).toBe('<p>He said “don’t”, then left…</p>');
  });
});
