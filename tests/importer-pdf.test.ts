// The importer reading page PDFs (tests/fixtures/epaper/pages/, made by tools/epaper-fixtures/ from the edition in
// tests/fixtures/epaper/content/2022/04/19/): the lines MuPDF reads are put in reading order by
// src/lib/importer/pdf-reading-order.ts and imported as the text export is. Every article of the edition must be
// found on its page with its title and its whole body, whatever order the PDF draws its strings in.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPageText } from '../src/lib/epaper/pdf.ts';
import { readRawFrontmatter } from '../src/lib/content/read.ts';
import { importPage } from '../src/lib/importer/index.ts';
import { pageTextToExport, pdfTextProblem } from '../src/lib/importer/pdf-reading-order.ts';
import { letters } from '../src/lib/importer/text.ts';

const fixtures = new URL('./fixtures/epaper/', import.meta.url);
const edition = new URL('content/2022/04/19/', fixtures);

interface Expected {
  slug: string;
  page: number;
  kicker: string | undefined;
  title: string;
  body: string;
}

/** The edition's articles: frontmatter and body as written, compared by their letters and digits only. */
function expected(): Expected[] {
  return readdirSync(edition)
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const source = readFileSync(new URL(name, edition));
      const data = readRawFrontmatter(source)!;
      const body = source.toString('utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
      return {
        slug: name.replace(/\.md$/, ''),
        page: data['page'] as number,
        kicker: data['kicker'] as string | undefined,
        title: data['title'] as string,
        body: letters(body.replace(/!\[[^\]]*\]\([^)]*\)/g, '')),
      };
    });
}

async function pdfPage(situation: string, page: number) {
  return readPageText(new Uint8Array(readFileSync(new URL(`pages/${situation}/0${page}.pdf`, fixtures))));
}

/** Which of the page's articles the import found with the right title and the whole body, and which it did not. */
function score(text: string, articles: readonly Expected[]) {
  const found = importPage(text).articles;
  const result = { right: [] as string[], wrong: [] as string[] };
  for (const want of articles) {
    // The text export has no mark for a kicker (引题): a kicker printed above the headline comes in as its first line.
    const title = letters(want.kicker === undefined ? want.title : `${want.kicker}${want.title}`);
    const got = found.find((a) => letters(`${a.kicker ?? ''}${a.title}`) === title);
    const body = got ? letters(`${got.body}${got.images.map((i) => i.caption).join('')}`) : '';
    (got && (body === want.body || letters(got.body) === want.body) ? result.right : result.wrong).push(want.slug);
  }
  return result;
}

const all = expected();

describe('reading a page PDF in reading order', () => {
  for (const situation of ['embedded', 'cid']) {
    for (const page of [1, 2]) {
      it(`finds every article of page ${page} with its title and whole body (${situation} fonts)`, async () => {
        const text = await pdfPage(situation, page);
        expect(pdfTextProblem(text)).toBeUndefined();
        const { wrong } = score(
          pageTextToExport(text),
          all.filter((a) => a.page === page),
        );
        expect(wrong).toEqual([]);
      });
    }
  }

  // Known limit, not yet met: on page 1 the interview (no byline of its own) runs into the story under the next
  // headline set as a picture. `it.fails` keeps the case in sight; make it `it` once it passes.
  it.fails('never runs two articles together when the headlines are pictures (art)', async () => {
    for (const page of [1, 2]) {
      const found = importPage(pageTextToExport(await pdfPage('art', page))).articles.map((a) => letters(a.body));
      const bodies = all.filter((a) => a.page === page && a.body.length >= 40).map((a) => a.body);
      for (const body of found) {
        const holding = bodies.filter((b) => body.includes(b.slice(0, 20)) || body.includes(b.slice(-20)));
        expect(holding.length, body.slice(0, 40)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('refuses a PDF whose fonts carry no Unicode, in Chinese', async () => {
    for (const page of [1, 2]) expect(pdfTextProblem(await pdfPage('no-unicode', page))).toMatch(/PDF 的字体不带可读的文字编码.*\.txt/);
  });

  it('leaves out the page header and the masthead', async () => {
    const text = pageTextToExport(await pdfPage('embedded', 1));
    expect(text).not.toMatch(/责任编辑|国内统一连续出版物号|农历/);
  });
});
