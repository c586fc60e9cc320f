// Child process of probePagePdfs (epaper-fs.ts): MuPDF only works asynchronously, and the checker is synchronous.
// Reads each job on stdin (a JSON array of PagePdfJob), opens the PDF, counts its pages and, when asked, reads the
// first page through the page cache (src/lib/epaper/page-cache-fs.ts) and locates the articles on it; prints a
// JSON array of PagePdfProbe, in order.
import { readFileSync } from 'node:fs';
import { cachedPage } from '../epaper/page-cache-fs.ts';
import { locateArticles } from '../epaper/locate.ts';
import { pdfPageCount, pdfProblem } from '../epaper/pdf.ts';
import type { PagePdfJob, PagePdfProbe } from './epaper.ts';

async function probe(job: PagePdfJob): Promise<PagePdfProbe> {
  const bytes = new Uint8Array(readFileSync(job.pdf));
  const problem = await pdfProblem(bytes);
  if (problem !== undefined) return { problem };
  const pages = await pdfPageCount(bytes);
  if (!job.read) return { pages };
  try {
    const page = await cachedPage(job.pdf, job.cacheDir);
    const location = locateArticles(page.text, job.articles);
    return {
      pages,
      width: page.text.width,
      height: page.text.height,
      location: { readable: location.readable, areas: [...location.areas.keys()], unmatched: location.unmatched },
    };
  } catch {
    return { problem: 'PDF 文件已损坏，无法读取版面' };
  }
}

const probes: PagePdfProbe[] = [];
// One at a time: each page is read and rendered once, then kept in the cache.
for (const job of JSON.parse(readFileSync(0, 'utf8')) as PagePdfJob[]) probes.push(await probe(job));
process.stdout.write(JSON.stringify(probes));
