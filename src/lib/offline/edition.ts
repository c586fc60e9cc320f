// An edition as a self-contained offline archive, made from the built site: index.html (the edition page with its
// 版面导航 and an offline search box), articles/<slug>.html, the page views (数字报) as ban/<N>.html with the largest
// of each page's pictures and the thumbnails (not the PDFs, which stay links to the live site: docs/downloads.md),
// every stylesheet and image they use, the Markdown sources under content/, and SHA256SUMS. A month's bundle holds its editions' archives in dated folders.
// Pure: files are read through the functions passed in, nothing is written.
import { formatEditionDate } from '../format.ts';
import { escapeHtml } from '../util/html.ts';
import { archivePath, editionPath, EPAPER_IMAGE_WIDTHS, epaperImagePath, epaperPagePath, epaperPdfPath, withBase } from '../routing.ts';
import { site as paper } from '../site.ts';
import { CHECKSUMS_FILE, sha256sums } from './checksums.ts';
import { archiveName, DOWNLOADS_DIR } from './downloads.ts';
import { attribute, findStart, hasClass, readableText, scanHtml, type ScannedHtml } from './html-scan.ts';
import { isRemoved, offlineCss, offlinePage, type UrlUse, type ZipResolver } from './page.ts';
import { searchAssets, searchMarkup, type SearchEntry } from './search.ts';
import { moveEntry, prepareEntry, writeZip, type PreparedEntry } from './zip.ts';

export interface BuiltSite {
  /** The live site's URL (Astro `site`): links to pages that are not in an archive point there. */
  site: string;
  /** The base path (Astro `base`), e.g. `/` or `/paper/`. */
  base: string;
  /** A file of the build by its path in the output folder (`_astro/x.css`, `2022/04/19/index.html`), if it exists. */
  readBuild(path: string): Uint8Array | undefined;
  /** A source file by its path in the content folder (`2022/04/19/x.md`), if it exists. */
  readSource(path: string): Uint8Array | undefined;
}

export interface EditionArchive {
  date: string;
  /** Path in the archive → content, SHA256SUMS included. */
  files: Map<string, Uint8Array>;
  /** The articles in reading order, as the search box lists them. */
  articles: SearchEntry[];
  /** Things that will not work offline (files from other sites), for the build log. */
  warnings: string[];
}

export interface ZippedArchive {
  /** File name under downloads/, e.g. `2022-04-19.zip`. */
  name: string;
  files: Map<string, Uint8Array>;
  entries: PreparedEntry[];
  zip: Buffer;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();
const C = { comma: '\uFF0C', colon: '\uFF1A', semicolon: '\uFF1B' };

function basePath(base: string): string {
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

/** Text a reader can read of an article page: everything in its <article> except navigation and what the copy drops. */
function articleEntry(page: ScannedHtml, href: string, path: string): SearchEntry {
  const article = findStart(page, (t) => t.name === 'article');
  const h1 = article === -1 ? -1 : findStart(page, (t) => t.name === 'h1', article, page.closes.get(article));
  if (h1 === -1) throw new Error(`${path}: no <article> with an <h1> to index for the offline search`);
  const text = readableText(page, article, (t) => t.name === 'nav' || hasClass(t, 'article__back') || isRemoved(t));
  return { title: readableText(page, h1), href, text };
}

/**
 * Astro's page for a redirect (`redirects` in astro.config.mjs): a moved article's old URL is no article.
 * Only a page that says `http-equiv` anywhere is decoded to look closer.
 */
function isRedirectPage(page: Uint8Array): boolean {
  return (
    Buffer.from(page.buffer, page.byteOffset, page.byteLength).includes('http-equiv') &&
    /<meta\s+http-equiv="refresh"/i.test(decoder.decode(page))
  );
}

/** An edition in a build: its date, its articles' slugs and the numbers of its page views (版), sorted. */
export interface BuiltEdition {
  date: string;
  slugs: string[];
  pages: number[];
}

/**
 * The editions in a build, from the paths of its HTML files (`2022/04/19/index.html`, `2022/04/19/<slug>/index.html`,
 * `2022/04/19/ban/1/index.html`). Redirect pages left at old URLs are not editions or articles.
 */
export function editionsInBuild(htmlPaths: readonly string[], readBuild: BuiltSite['readBuild']): BuiltEdition[] {
  const isPage = (path: string) => {
    const bytes = readBuild(path);
    return bytes !== undefined && !isRedirectPage(bytes);
  };
  const editions = new Map<string, BuiltEdition>();
  for (const path of [...htmlPaths].sort()) {
    const edition = /^(\d{4})\/(\d{2})\/(\d{2})\/index\.html$/.exec(path);
    const date = edition && `${edition[1]}-${edition[2]}-${edition[3]}`;
    if (date && isPage(path)) editions.set(date, { date, slugs: [], pages: [] });
  }
  for (const path of [...htmlPaths].sort()) {
    const article = /^(\d{4})\/(\d{2})\/(\d{2})\/([^/]+)\/index\.html$/.exec(path);
    const edition = article && editions.get(`${article[1]}-${article[2]}-${article[3]}`);
    if (edition && isPage(path)) edition.slugs.push(article[4]!);
    const view = /^(\d{4})\/(\d{2})\/(\d{2})\/ban\/(\d+)\/index\.html$/.exec(path);
    const viewed = view && editions.get(`${view[1]}-${view[2]}-${view[3]}`);
    if (viewed && view && epaperPagePath(viewed.date, Number(view[4])) === `/${path.slice(0, -'index.html'.length)}`) {
      viewed.pages.push(Number(view[4]));
    }
  }
  for (const edition of editions.values()) edition.pages.sort((a, b) => a - b);
  return [...editions.values()];
}

/** The path in the archive of page view (版) `n`. */
const pageViewFile = (n: number) => `ban/${n}.html`;

/**
 * Builds the offline archive of the edition of `date` whose article pages are `slugs` (any order) and whose page
 * views are those of the 版 numbered `pages`.
 */
export function buildEditionArchive(
  date: string,
  slugs: readonly string[],
  built: BuiltSite,
  pages: readonly number[] = [],
): EditionArchive {
  const base = basePath(built.base);
  const siteUrl = new URL(built.site);
  const editionDir = editionPath(date).slice(1);
  const slugSet = new Set(slugs);
  const files = new Map<string, Uint8Array>();
  const warnings: string[] = [];
  const live = (path: string) => new URL(`${base}${path}`, siteUrl);

  // A page view's pictures: every width in its srcset is the largest one (one picture per 版 in the zip); its PDF
  // stays a link to the live site (a PDF is as large as all the rest of an edition's zip).
  const views = new Map(pages.map((n) => [epaperPagePath(date, n).slice(1), pageViewFile(n)]));
  const largest = EPAPER_IMAGE_WIDTHS.at(-1)!;
  const pictures = new Map(
    pages.flatMap((n) =>
      EPAPER_IMAGE_WIDTHS.map((w) => [epaperImagePath(date, n, w).slice(1), epaperImagePath(date, n, largest).slice(1)] as const),
    ),
  );
  const pdfs = new Set(pages.map((n) => epaperPdfPath(date, n).slice(1)));

  /** Path in the build (without base) of a page in this archive → its path in the archive. */
  const pageInArchive = (path: string): string | undefined => {
    if (path === editionDir) return 'index.html';
    const view = views.get(path);
    if (view) return view;
    if (!path.startsWith(editionDir)) return undefined;
    const slug = path.slice(editionDir.length, -1);
    return path.endsWith('/') && slugSet.has(slug) ? `articles/${slug}.html` : undefined;
  };

  const resolverFor = (page: string): ZipResolver => {
    const resolve = (url: URL, use: UrlUse): string | undefined => {
      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        pathname = url.pathname;
      }
      if (url.origin !== siteUrl.origin || !pathname.startsWith(base)) {
        if (use === 'resource') warnings.push(`${page}: ${url.href} is loaded from elsewhere and will not show offline`);
        return undefined;
      }
      const asked = pathname.slice(base.length).replace(/(^|\/)index\.html$/, '$1');
      const inArchive = pageInArchive(asked);
      if (inArchive) return inArchive;
      if (pdfs.has(asked)) return undefined;
      const path = pictures.get(asked) ?? asked;
      // Another page of the site, or another download (never copied into this one).
      if (path === '' || path.endsWith('/') || path.endsWith('.html') || path.startsWith(`${DOWNLOADS_DIR}/`)) return undefined;
      if (files.has(path)) return path;
      const bytes = built.readBuild(path);
      if (!bytes) {
        if (use === 'resource') throw new Error(`${page}: ${url.pathname} is not in the build`);
        return undefined;
      }
      files.set(path, bytes);
      if (path.endsWith('.css')) {
        files.set(path, encoder.encode(offlineCss(decoder.decode(bytes), { url: live(path), zipPath: path }, resolverFor(path))));
      }
      return path;
    };
    return resolve;
  };

  const readPage = (path: string): string => {
    const bytes = built.readBuild(`${path}index.html`);
    if (!bytes) throw new Error(`${path}index.html is missing from the build`);
    return decoder.decode(bytes);
  };

  const index = offlinePage(readPage(editionDir), { url: live(editionDir), zipPath: 'index.html' }, resolverFor(`${editionDir}index.html`));
  const indexScan = scanHtml(index);

  // Reading order: the order the edition page first links its articles; any it does not link come last.
  const linked = indexScan.tokens
    .map((t) => (t.kind === 'start' && t.name === 'a' ? attribute(t, 'href') : undefined))
    .map((href) => (href === undefined ? undefined : /^articles\/([^/#]+)\.html(#|$)/.exec(safeDecode(href))?.[1]))
    .filter((slug): slug is string => slug !== undefined && slugSet.has(slug));
  const order = [...new Set([...linked, ...[...slugs].sort()])];

  const articles: SearchEntry[] = [];
  for (const slug of order) {
    const path = `${editionDir}${slug}/`;
    const zipPath = `articles/${slug}.html`;
    // One scan of the built page serves both the offline copy and its search text (which no URL rewrite changes).
    const page = scanHtml(readPage(path));
    files.set(zipPath, encoder.encode(offlinePage(page, { url: live(path), zipPath }, resolverFor(`${path}index.html`))));
    articles.push(articleEntry(page, zipPath, `${path}index.html`));
  }

  for (const n of pages) {
    const path = epaperPagePath(date, n).slice(1);
    const zipPath = pageViewFile(n);
    files.set(zipPath, encoder.encode(offlinePage(readPage(path), { url: live(path), zipPath }, resolverFor(`${path}index.html`))));
  }

  // The search box goes under the masthead, or at the top of <main>; its script at the end of <body>.
  const editionUrl = live(editionDir).href;
  const note = `<p class="offline-note">本期离线版${C.comma}在线阅读${C.colon}<a href="${escapeHtml(editionUrl)}">${escapeHtml(editionUrl)}</a></p>`;
  const masthead = findStart(indexScan, (t) => hasClass(t, 'masthead'));
  const main = findStart(indexScan, (t) => t.name === 'main');
  const boxAt = masthead !== -1 ? indexScan.tokens[indexScan.closes.get(masthead)!]!.end : main !== -1 ? indexScan.tokens[main]!.end : -1;
  if (boxAt === -1) throw new Error(`${editionDir}index.html: no <main> to put the offline search in`);
  const bodyEnd = indexScan.tokens.findLast((t) => t.kind === 'end' && t.name === 'body')?.start ?? index.length;
  files.set(
    'index.html',
    encoder.encode(
      index.slice(0, boxAt) + note + searchMarkup() + index.slice(boxAt, bodyEnd) + searchAssets(articles) + index.slice(bodyEnd),
    ),
  );

  // The sources, under content/ as in the repository, whichever folder the site was built from.
  for (const source of [`${editionDir}edition.yaml`, ...order.map((slug) => `${editionDir}${slug}.md`)]) {
    const bytes = built.readSource(source);
    if (!bytes) throw new Error(`the source file ${source} of a published page is missing from the content folder`);
    files.set(`content/${source}`, bytes);
  }

  files.set(CHECKSUMS_FILE, encoder.encode(sha256sums(files)));
  return { date, files, articles, warnings };
}

/** Zips an edition's archive; every entry is dated with the edition. */
export function zipEdition(archive: EditionArchive): ZippedArchive {
  const entries = [...archive.files].map(([path, bytes]) => prepareEntry(path, bytes, archive.date));
  return { name: archiveName(archive.date), files: archive.files, entries, zip: writeZip(entries) };
}

function safeDecode(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

/** The bundle's index.html: the month's editions, each a link into its folder. */
function monthIndexHtml(month: string, editions: readonly EditionArchive[], liveArchiveUrl: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const heading = `${paper.name} · ${year}年${monthNumber}月`;
  const items = editions
    .map((e) => {
      const lead = e.articles[0]?.title;
      return `<li><a href="${e.date}/index.html">${formatEditionDate(e.date)}</a> · ${e.articles.length}篇${lead ? ` · ${escapeHtml(lead)}` : ''}</li>`;
    })
    .join('');
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${heading} 离线合集</title>` +
    `<style>body{font-family:system-ui,sans-serif;line-height:1.75;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;background:#fdfcf9}a{color:#a3141c}li{margin:.4rem 0}</style>` +
    `</head><body><main><h1>${heading}</h1>` +
    `<p>离线合集${C.comma}共${editions.length}期。打开各期文件夹中的 index.html 阅读${C.semicolon}稿件原文在 content/ 文件夹中${C.comma}可用 SHA256SUMS 校验文件是否完整。</p>` +
    `<ol>${items}</ol>` +
    `<p>往期报纸在线阅读${C.colon}<a href="${escapeHtml(liveArchiveUrl)}">${escapeHtml(liveArchiveUrl)}</a></p>` +
    `</main></body></html>`
  );
}

/**
 * A month's bundle: each edition's archive in a folder named by its date (`2022-04-19/index.html` …), an index.html
 * listing them, and a SHA256SUMS over every file. Reuses the editions' compressed entries.
 */
export function zipMonth(
  month: string,
  editions: readonly { archive: EditionArchive; zipped: ZippedArchive }[],
  built: BuiltSite,
): ZippedArchive {
  if (editions.length === 0) throw new Error(`no editions in ${month}`);
  const sorted = [...editions].sort((a, b) => (a.archive.date < b.archive.date ? -1 : 1));
  const date = sorted.at(-1)!.archive.date;
  const files = new Map<string, Uint8Array>();
  const entries: PreparedEntry[] = [];
  for (const { archive, zipped } of sorted) {
    for (const [path, bytes] of archive.files) files.set(`${archive.date}/${path}`, bytes);
    for (const entry of zipped.entries) entries.push(moveEntry(entry, `${archive.date}/${entry.path}`));
  }
  const archiveUrl = new URL(withBase(archivePath, built.base), built.site).href;
  files.set(
    'index.html',
    encoder.encode(
      monthIndexHtml(
        month,
        sorted.map((e) => e.archive),
        archiveUrl,
      ),
    ),
  );
  const checksums = encoder.encode(sha256sums(files));
  files.set(CHECKSUMS_FILE, checksums);
  entries.push(prepareEntry('index.html', files.get('index.html')!, date), prepareEntry(CHECKSUMS_FILE, checksums, date));
  return { name: archiveName(month), files, entries, zip: writeZip(entries) };
}
