// Property-based tests (fast-check) of the content checker on one file at a time: whatever the bytes, it never
// throws and answers with either no errors or errors that point inside the file; line endings and a BOM never
// change the answer; a javascript:/vbscript:/data: link is reported however it is cased or encoded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkArticle } from '../src/lib/check/check-fs.ts';
import { formatProblem, ruleDescriptions } from '../src/lib/content/problem.ts';
import { articleSchema } from '../src/lib/schema.ts';

const PATH = '/nonexistent/content/2022/04/19/article.md';
const encoder = new TextEncoder();
const check = (bytes: Uint8Array) => checkArticle(PATH, 'article.md', bytes).problems;
const known = new Set([...Object.keys(ruleDescriptions), ...Object.keys(articleSchema.shape)]);

const validFrontmatter = 'title: 标题\nbyline: [徐洋]\ndate: 2022-04-19\ncounty: 曲周县\ncategory: 公安\npage: 1\norder: 1\n';

/** Pieces reporters (and attackers) put in files: YAML syntax, Markdown syntax, HTML, URLs, CJK text, odd characters. */
const piece = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    '---',
    '---js',
    '+++',
    '\n',
    '\r\n',
    '\r',
    '\t',
    ' ',
    ': ',
    '- ',
    '[',
    ']',
    '{',
    '}',
    '&a ',
    '*a',
    '!!str ',
    '? ',
    '#',
    '"',
    "'",
    '|',
    'title: ',
    'county: 张家囗市',
    'county: "x\\n::error::y"',
    'date: 2022-02-30',
    'page: 0',
    'images:\n  - file: ../../x.png\n    caption: c\n',
    '\uFEFF',
    '\u0000',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<!-- c -->',
    '[a](javascript:alert(1))',
    '<javascript:x>',
    '![i](data:image/png;base64,AA)',
    '&#106;',
    '&colon;',
    '```\n',
    '> ',
    '[^1]',
    '[^1]: n',
    '正文，',
    '中文：',
    '全角：冒号',
  ),
);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
const file = fc.oneof(
  text,
  text.map((body) => `---\n${validFrontmatter}---\n\n${body}`),
  fc.tuple(text, text).map(([yaml, body]) => `---\n${yaml}\n---\n${body}`),
);

function assertLocated(source: string | Uint8Array, problems: ReturnType<typeof check>): void {
  const lines = (typeof source === 'string' ? source : new TextDecoder().decode(source)).split(/\r\n|\r|\n/).length;
  for (const p of problems) {
    expect(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines + 1, `line ${p.line} of ${lines}`).toBe(true);
    expect(Number.isInteger(p.column) && p.column >= 1, `column ${p.column}`).toBe(true);
    expect(known.has(p.rule), `rule ${p.rule}`).toBe(true);
    expect(p.message.length).toBeGreaterThan(0);
    expect(formatProblem(p), 'one problem, one line').not.toMatch(/[\n\r\u2028\u2029]/);
  }
}

describe('checker properties', () => {
  it('never throws on any bytes, and locates every problem inside the file', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        assertLocated(bytes, check(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on file-shaped text, and locates every problem inside the file', () => {
    fc.assert(
      fc.property(file, (source) => {
        assertLocated(source, check(encoder.encode(source)));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same problems, lines and columns for LF, CRLF and BOM + CRLF', () => {
    fc.assert(
      fc.property(
        file.map((s) => s.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '')),
        (lf) => {
          const expected = check(encoder.encode(lf));
          expect(check(encoder.encode(lf.replaceAll('\n', '\r\n')))).toEqual(expected);
          expect(check(encoder.encode(`\uFEFF${lf.replaceAll('\n', '\r\n')}`))).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports a dangerous link however its scheme is cased, entity-encoded or split by a tab', () => {
    const encodeChar = fc.constantFrom(
      (c: string) => c,
      (c: string) => c.toUpperCase(),
      (c: string) => `&#${c.charCodeAt(0)};`,
      (c: string) => `&#x${c.charCodeAt(0).toString(16)};`,
      (c: string) => `&#X${c.charCodeAt(0).toString(16).toUpperCase()};`,
      (c: string) => `${c}\t`,
    );
    const scheme = fc
      .tuple(
        fc.constantFrom('javascript', 'vbscript', 'data'),
        fc.array(encodeChar, { minLength: 10, maxLength: 10 }),
        fc.constantFrom(':', '&#58;', '&colon;', '&#x3a;'),
      )
      .map(([name, encoders, colon]) => [...name].map((c, i) => encoders[i % encoders.length]!(c)).join('') + colon);
    const link = fc
      .tuple(scheme, fc.constantFrom('[x](<URL>)', '![x](<URL>)', '[x][r]\n\n[r]: <URL>'))
      .map(([url, shape]) => shape.replace('URL', `${url}alert(1)`));
    fc.assert(
      fc.property(link, (markdown) => {
        const problems = check(encoder.encode(`---\n${validFrontmatter}---\n\n${markdown}\n`));
        expect(problems.filter((p) => p.rule === 'url')).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });
});
