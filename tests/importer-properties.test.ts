// Property tests of the importer: no page crashes it, every article it makes is a valid file, and no text is
// lost or duplicated.
//
// The invariant, precisely: count the letters and digits (Unicode \p{L} and \p{N}) of the input. Punctuation,
// spaces and line breaks are not counted, because the importer normalises them (`,` → `，`, `...` → `……`,
// column breaks removed, `**问**` and Markdown escapes added). Every counted character must turn up exactly once
// in exactly one article: in its kicker, title (unless the importer wrote it: editorHeadline), subtitle, source,
// dateline, byline names, body, image captions or credits, or in its `markers`, the print markers the importer
// turned into structure (role words such as 记者 or 本报记者, now the names' roles; the 摄 of a credit). As
// multisets, input and output are equal; and the bodies, read in page order, keep the input's order.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importPage, type ImportedArticle } from '../src/lib/importer/index.ts';
import { articleFile } from '../src/lib/importer/serialise.ts';
import { letters } from '../src/lib/importer/text.ts';
import { bylineRoles } from '../src/lib/schema.ts';

const seed = readFileSync(new URL('./fixtures/importer/seed-page-2022-04.txt', import.meta.url), 'utf8');
const unseen = ['unseen-page.txt', 'kicker-and-exclamation.txt']
  .map((name) => readFileSync(new URL(`./fixtures/importer/${name}`, import.meta.url), 'utf8'))
  .join('\n\n');
const placement = { date: '2022-04-19', page: 1 };
/** Print markers the importer may turn into structure: role words (also 本报记者 …) and the 摄 of a credit. */
const MARKERS = new Set(['摄', ...bylineRoles.flatMap((role) => [role, `本报${role}`, `本台${role}`])]);

/** Every counted character of an article, in no particular order. */
function accounted(article: ImportedArticle): string {
  return [
    article.kicker ?? '',
    article.editorHeadline ? '' : article.title,
    article.subtitle ?? '',
    article.source ?? '',
    article.dateline ?? '',
    ...article.byline.map((b) => b.name),
    article.body,
    ...article.images.flatMap((image) => [image.caption, ...image.credit]),
    ...article.markers,
  ]
    .map(letters)
    .join('');
}

function sorted(text: string): string {
  return [...text].sort().join('');
}

function isSubsequence(needle: string, haystack: string): boolean {
  const a = [...needle];
  let i = 0;
  for (const c of haystack) if (i < a.length && c === a[i]) i++;
  return i === a.length;
}

function checkPage(raw: string): void {
  const page = importPage(raw);
  for (const article of page.articles) articleFile(article, placement); // throws if the schema rejects it
  expect(sorted(page.articles.map(accounted).join(''))).toBe(sorted(letters(raw)));
  const bodies = page.articles.map((a) => letters(a.body)).join('');
  expect(isSubsequence(bodies, letters(raw))).toBe(true);
  for (const article of page.articles) expect(article.markers.every((m) => MARKERS.has(m))).toBe(true);
}

// Pieces of pages in the paper's style: lines of the seed and of an unseen page, cut anywhere (a column break),
// and bylines, credits, captions, headlines, interviews and numbered points.
const pageLinesPool = [...seed.split('\n'), ...unseen.split('\n')].map((l) => l.trim()).filter(Boolean);
const piece = fc.oneof(
  fc.constantFrom(...pageLinesPool),
  fc.tuple(fc.constantFrom(...pageLinesPool), fc.nat(), fc.nat()).map(([line, a, b]) => {
    const chars = [...line];
    const [from, to] = [a % (chars.length + 1), b % (chars.length + 1)].sort((x, y) => x - y);
    return chars.slice(from, to).join('');
  }),
  fc.constantFrom(
    '席娟 郝雪',
    '王芳 刘强 陈晨',
    '牛敏',
    '(记者 徐洋)',
    '本报记者 孙悦',
    '记者 王磊 通讯员 李静',
    '唐新花 熊海生 摄',
    '本报记者 张伟 摄',
    '图为活动现场。',
    '图为韩云鹏(左)正在营救落水者。 刘强 摄',
    '——副题在此',
    '问:为什么?',
    '答:因为。',
    '一、总体要求',
    '(二)加强领导',
    '1. 第一点',
    '新华社石家庄4月18日电 近日,',
    '本报讯',
    '# 不是标题',
    '- 不是列表',
    '*强调* _下划线_ [链接](x) <b>',
    '&amp; &#1;',
    'https://example.org/a,b',
    '4,000元 9:30',
    '...',
    '“',
    '”',
    '《',
    '……',
    '',
    ' ',
    '\u3000',
    '\uFEFF',
    'Latin text, with commas.',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const separator = fc.constantFrom('\n', '\n\n', '\r\n', '\r\n\r\n', '\n\n\n\n', '\r', ' ');
const page = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(piece, separator), { maxLength: 30 }))
  .map(([bom, parts]) => (bom ? '\uFEFF' : '') + parts.map(([p, s]) => p + s).join(''));

describe('importer properties', () => {
  it('holds the invariant on the seed page and the unseen pages', () => {
    checkPage(seed);
    checkPage(unseen);
  });

  it('never crashes and never loses or duplicates text, on pages made of the paper’s pieces', () => {
    fc.assert(
      fc.property(page, (raw) => checkPage(raw)),
      { numRuns: 400 },
    );
  });

  it('never crashes and never loses or duplicates text, on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (raw) => checkPage(raw)),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (raw) => checkPage(raw)),
      { numRuns: 300 },
    );
  });

  it('is deterministic and ignores BOM and line endings', () => {
    fc.assert(
      fc.property(page, (raw) => {
        const lf = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
        const a = importPage(raw);
        expect(importPage(raw)).toEqual(a);
        expect(importPage(`\uFEFF${lf.replace(/\n/g, '\r\n')}`)).toEqual(importPage(lf));
      }),
      { numRuns: 150 },
    );
  });
});
