// Gives the benchmark's archive its printed pages: for the newest `days` editions, one PDF per 版 (page-pdf.ts)
// beside edition.yaml, named there as `pdf:`; and measures what one page costs the build, cold: reading its text,
// rendering it at the width the site serves, and locating its articles.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { readArticle } from '../../src/lib/content/read.ts';
import { articleText, locateArticles } from '../../src/lib/epaper/locate.ts';
import { readPageText, renderPage } from '../../src/lib/epaper/pdf.ts';
import { RENDER_WIDTH } from '../../src/lib/epaper/page-cache-fs.ts';
import { pagePdf } from './page-pdf.ts';

export interface PageCost {
  readMs: number;
  renderMs: number;
  locateMs: number;
  /** Articles printed on the page (those of the 版 that fit), and how many of them the locator found. */
  articles: number;
  found: number;
  pdfBytes: number;
}

/** The edition folders of an archive (`YYYY/MM/DD`), oldest first. */
function editionFolders(contentDir: string): string[] {
  return readdirSync(contentDir, { recursive: true })
    .map(String)
    .filter((p) => /^\d{4}\/\d{2}\/\d{2}\/edition\.yaml$/.test(p))
    .map((p) => p.slice(0, 10))
    .sort();
}

/** Writes page PDFs for the newest `days` editions and returns what each page costs. */
export async function addPagePdfs(contentDir: string, days: number): Promise<PageCost[]> {
  const costs: PageCost[] = [];
  for (const folder of editionFolders(contentDir).slice(-days)) {
    const dir = join(contentDir, folder);
    const editionPath = join(dir, 'edition.yaml');
    const edition = parse(readFileSync(editionPath, 'utf8')) as { date: string; pages: { number: number; name: string; pdf?: string }[] };
    const articles = readdirSync(dir)
      .filter((n) => n.endsWith('.md'))
      .map((n) => {
        const read = readArticle(`${folder}/${n}`, readFileSync(join(dir, n)));
        return { id: `${folder}/${n.slice(0, -3)}`, data: read.data!, body: read.body };
      })
      .filter((a) => a.data !== undefined);
    for (const page of edition.pages) {
      const onPage = articles.filter((a) => a.data.page === page.number).sort((a, b) => a.data.order - b.data.order);
      const { bytes: pdf, placed } = pagePdf(
        page.number,
        page.name,
        edition.date,
        onPage.map((a) => ({ title: a.data.title, paragraphs: a.body.split(/\n\s*\n/).map((p) => p.replace(/\*\*/g, '').trim()) })),
      );
      page.pdf = `${String(page.number).padStart(2, '0')}.pdf`;
      writeFileSync(join(dir, page.pdf), pdf);
      let started = performance.now();
      const text = await readPageText(pdf);
      const readMs = performance.now() - started;
      started = performance.now();
      await renderPage(pdf, RENDER_WIDTH);
      const renderMs = performance.now() - started;
      started = performance.now();
      // Only what the page holds: an article that did not fit is rightly not found.
      const location = locateArticles(
        text,
        onPage.filter((_, i) => placed.includes(i)).map((a) => articleText(a.id, a.data, a.body)),
      );
      const locateMs = performance.now() - started;
      costs.push({ readMs, renderMs, locateMs, articles: placed.length, found: location.areas.size, pdfBytes: pdf.byteLength });
    }
    writeFileSync(editionPath, stringify(edition));
  }
  return costs;
}

/** Mean, 95th percentile and maximum of the costs, in milliseconds, and the share of articles found. */
export function summarisePageCosts(costs: readonly PageCost[]) {
  const stat = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mean = sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length);
    return { mean: Math.round(mean), p95: Math.round(sorted[Math.floor(sorted.length * 0.95)] ?? 0), max: Math.round(sorted.at(-1) ?? 0) };
  };
  return {
    pages: costs.length,
    readMs: stat(costs.map((c) => c.readMs)),
    renderMs: stat(costs.map((c) => c.renderMs)),
    locateMs: stat(costs.map((c) => c.locateMs)),
    totalMs: stat(costs.map((c) => c.readMs + c.renderMs + c.locateMs)),
    found: `${costs.reduce((s, c) => s + c.found, 0)} of ${costs.reduce((s, c) => s + c.articles, 0)} articles`,
    pdfKb: stat(costs.map((c) => c.pdfBytes / 1024)),
  };
}
