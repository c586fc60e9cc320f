// Markdown cost benchmark: how much time, memory and output each Markdown construct costs per byte of the body,
// rendered by the site's own Markdown pipeline (astro.config.mjs), each construct in a process of its own so that
// its peak memory is its own. A construct whose cost grows much faster than its bytes (a table whose short rows are
// padded to the header's width) needs a limit of its own besides the article's size limit (src/lib/content/read.ts).
// Results: bench/results/markdown-cost.json.
// Usage: npm run bench:markdown [-- --kb 200]
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createMarkdownProcessor, markdownConfigDefaults } from '@astrojs/markdown-remark';
import config from '../astro.config.mjs';

const { values } = parseArgs({ options: { kb: { type: 'string', default: '200' }, one: { type: 'string' } } });
const targetBytes = Number(values.kb) * 1024;

const TEXT = '石家庄市裕华区人民法院依法公开开庭审理了一起非法吸收公众存款案，旁听群众一百余人';

/** Each construct as a unit repeated to fill the body (or, for the wide tables, as a whole body). */
const CONSTRUCTS: Record<string, (bytes: number) => string> = {
  paragraphs: (n) => fill(n, (i) => `${TEXT}${i}。\n\n`),
  emphasis: (n) => fill(n, (i) => `**${TEXT.slice(0, 6)}**和*${i}*`),
  links: (n) => fill(n, (i) => `[${TEXT.slice(0, 4)}](https://example.com/${i}) `),
  references: (n) => {
    const uses = fill(n / 2, (i) => `[链接][r${i}] `);
    const count = uses.split('][r').length - 1;
    return `${uses}\n\n${Array.from({ length: count }, (_, i) => `[r${i}]: https://example.com/${i}`).join('\n')}\n`;
  },
  'one-reference-many-uses': (n) => `${fill(n, () => '[链接][r] ')}\n\n[r]: https://example.com/\n`,
  headings: (n) => fill(n, (i) => `## ${TEXT.slice(0, 10)}${i}\n\n`),
  lists: (n) => fill(n, (i) => `- ${TEXT.slice(0, 12)}${i}\n`),
  blockquotes: (n) => fill(n, (i) => `> ${TEXT.slice(0, 12)}${i}\n>\n`),
  'code-blocks': (n) => fill(n, (i) => `\`\`\`\nconst a${i} = 1;\n\`\`\`\n\n`),
  'inline-code': (n) => fill(n, (i) => `\`c${i}\` `),
  footnotes: (n) => fill(n, (i) => `${TEXT.slice(0, 6)}[^${i}]\n\n[^${i}]: 注释${i}\n\n`),
  'one-footnote-many-uses': (n) => `${fill(n, () => '文字[^a] ')}\n\n[^a]: 注释\n`,
  'character-references': (n) => fill(n, () => '&#x4E2D;&amp;&#27861;'),
  autolinks: (n) => fill(n, (i) => `www.example${i}.com `),
  strikethrough: (n) => fill(n, () => '~~删除~~ '),
  'hard-breaks': (n) => fill(n, () => `${TEXT.slice(0, 8)}\\\n`),
  'thematic-breaks': (n) => fill(n, () => '***\n\n'),
  'html-comments': (n) => fill(n, (i) => `<!-- 备注${i} -->\n\n`),
  'table-5-columns': (n) =>
    `| 甲 | 乙 | 丙 | 丁 | 戊 |\n|---|---|---|---|---|\n${fill(n, (i) => `| ${i} | 案件 | 判决 | 罚金 | 备注 |\n`)}`,
  // A header 1,000 columns wide over rows of one `|` each: GFM pads every row to the header's width. At the
  // body's full size (some 100,000 rows) it takes more than any machine's memory; 16 KB shows the rate.
  'table-wide-empty-rows-16kb': () => `|${' a |'.repeat(1000)}\n|${'---|'.repeat(1000)}\n${'|\n'.repeat(4000)}`,
  'table-2500x40': () => `|${' a |'.repeat(2500)}\n|${'---|'.repeat(2500)}\n${'|\n'.repeat(40)}`,
};

function fill(bytes: number, unit: (i: number) => string): string {
  let out = '';
  for (let i = 0; Buffer.byteLength(out) < bytes; i++) out += unit(i);
  return out;
}

type Options = NonNullable<Parameters<typeof createMarkdownProcessor>[0]>;
const site = (config.markdown as unknown as { processor: { options: Required<Pick<Options, 'remarkPlugins' | 'rehypePlugins'>> } })
  .processor.options;

if (values.one) {
  const body = CONSTRUCTS[values.one]!(targetBytes);
  const processor = await createMarkdownProcessor({
    ...markdownConfigDefaults,
    smartypants: false,
    syntaxHighlight: false,
    remarkPlugins: site.remarkPlugins,
    rehypePlugins: site.rehypePlugins,
  });
  const before = process.memoryUsage().rss;
  const started = performance.now();
  const html = (await processor.render(body, { frontmatter: {} })).code;
  const ms = performance.now() - started;
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    JSON.stringify({
      bytes: Buffer.byteLength(body),
      ms: Math.round(ms),
      rssGrowthMB: Math.round((peak - before) / 1e6),
      outputBytes: Buffer.byteLength(html),
    }),
  );
  process.exit(0);
}

const results: Record<string, unknown> = {};
for (const name of Object.keys(CONSTRUCTS)) {
  let line: string;
  try {
    line = execFileSync(process.execPath, ['--max-old-space-size=4096', process.argv[1]!, '--one', name, '--kb', values.kb!], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 180_000,
    });
  } catch {
    results[name] = { failed: 'out of memory (4 GB heap) or over 180 s' };
    console.error(`${name.padEnd(26)} failed: out of memory (4 GB heap) or over 180 s`);
    continue;
  }
  const r = JSON.parse(line) as { bytes: number; ms: number; rssGrowthMB: number; outputBytes: number };
  const perKb = { msPerKB: +(r.ms / (r.bytes / 1024)).toFixed(2), outputPerInput: +(r.outputBytes / r.bytes).toFixed(1) };
  results[name] = { ...r, ...perKb };
  console.error(
    `${name.padEnd(26)} ${String(r.bytes).padStart(7)} B  ${String(r.ms).padStart(6)} ms  +${String(r.rssGrowthMB).padStart(5)} MB  output ×${perKb.outputPerInput}`,
  );
}
mkdirSync('bench/results', { recursive: true });
const out = { date: new Date().toISOString().slice(0, 10), node: process.version, targetKB: Number(values.kb), constructs: results };
writeFileSync('bench/results/markdown-cost.json', `${JSON.stringify(out, null, 2)}\n`);
console.error('written: bench/results/markdown-cost.json');
