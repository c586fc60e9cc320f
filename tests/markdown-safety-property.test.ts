// Property-based tests (fast-check) of the Markdown pipeline: random and hostile Markdown rendered by Astro's
// processor with this site's plugins never yields anything executable; and whatever the checker lets through is
// harmless even for Astro's default processing, which keeps raw HTML (the checker misses nothing the sanitizer
// would have to catch).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkBody } from '../src/lib/check/markdown.ts';
import { executableParts, markdownRenderer } from './markdown-safety-detect.ts';

type Render = Awaited<ReturnType<typeof markdownRenderer>>;
let site: Render;
let plain: Render;
beforeAll(async () => {
  [site, plain] = await Promise.all([markdownRenderer('site'), markdownRenderer('plain')]);
});

const tagName = fc.constantFrom(
  'script',
  'SCRIPT',
  'img',
  'svg',
  'iframe',
  'a',
  'div',
  'style',
  'object',
  'embed',
  'base',
  'math',
  'details',
  'form',
  'input',
  'body',
  'video',
);
const attribute = fc.oneof(
  fc.constantFrom(
    'onerror',
    'onload',
    'OnClick',
    'ontoggle',
    'style',
    'href',
    'src',
    'srcdoc',
    'action',
    'formaction',
    'data',
    'xlink:href',
  ),
  fc.stringMatching(/^on[a-z]{1,8}$/),
);
const scheme = fc.constantFrom(
  'javascript:',
  'JaVaScRiPt:',
  'vbscript:',
  'data:text/html,',
  'java\tscript:',
  '&#106;avascript:',
  '&#x6A;avascript&#58;',
  'javascript&colon;',
  ' javascript:',
  'https:',
  '/',
  '#',
);
const payload = fc.constantFrom("alert('PWNED')", 'alert(1)', 'x', '');
const quote = fc.constantFrom('"', "'", '', '`');
const htmlTag = fc
  .tuple(tagName, attribute, quote, scheme, payload, fc.constantFrom('>', '/>', ' >', ''), fc.boolean())
  .map(([tag, attr, q, s, p, end, close]) => `<${tag} ${attr}=${q}${s}${p}${q}${end}${close ? `${p}</${tag}>` : ''}`);
const link = fc
  .tuple(fc.constantFrom('[a](URL)', '[a](<URL>)', '![a](URL)', '<URL>', '[a][r]\n\n[r]: URL', '[a](URL "t")'), scheme, payload)
  .map(([shape, s, p]) => shape.replace('URL', `${s}${p}`));
/** A tag inside what may or may not be a comment: `<!-->` and `<!--->` close at once, `--!>` closes too. */
const commented = fc
  .tuple(fc.constantFrom('<!--', '<!-->', '<!--->', '<!-- x ', '<!---'), htmlTag, fc.constantFrom('-->', '--!>', ' -->', '--->'))
  .map(([start, tag, end]) => `${start}${tag}${end}`);
const markdownToken = fc.constantFrom(
  '\n',
  '\n\n',
  ' ',
  '    ',
  '> ',
  '- ',
  '1. ',
  '# ',
  '```\n',
  '`',
  '*',
  '**',
  '_',
  '~~',
  '|',
  '| --- |',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '!',
  '&',
  ';',
  '"',
  "'",
  '=',
  '\\',
  '[^1]',
  '[^1]: ',
  '<!--',
  '-->',
  '<!-->',
  '--!>',
  '<![CDATA[',
  ']]>',
  '<?',
  '</',
  '正文',
  '，',
  '：',
);
const markdown = fc
  .array(fc.oneof(htmlTag, link, commented, markdownToken, fc.string({ maxLength: 8 })), { maxLength: 25 })
  .map((parts) => parts.join(''));

describe('Markdown pipeline properties', () => {
  it('the site pipeline never emits a script, an event handler, a dangerous URL or an embedding element', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (md) => {
        expect(executableParts(await site(md), { fragment: true })).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('Markdown the checker passes is harmless even without the sanitizer', async () => {
    await fc.assert(
      fc.asyncProperty(markdown, async (md) => {
        const flagged = checkBody(md, 1).problems.some((p) => p.rule === 'html' || p.rule === 'url');
        if (!flagged) expect(executableParts(await plain(md), { fragment: true })).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('the generators do produce executable HTML when nothing sanitizes it', async () => {
    const samples = fc.sample(markdown, { numRuns: 200, seed: 42 });
    const executable = await Promise.all(samples.map(async (md) => executableParts(await plain(md), { fragment: true }).length > 0));
    expect(executable.filter(Boolean).length).toBeGreaterThan(20);
  });
});
