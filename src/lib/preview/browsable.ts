// A copy of the built site that can be browsed straight from a folder (file://), as an editor does with the
// pull-request workflow's artifact: every link between pages and to their files becomes relative, as in the
// offline downloads (src/lib/offline/page.ts), and a folder link points at its index.html. Scripts are dropped
// (the site's pages need none; search, which needs a server, says so on its page).
import { posix } from 'node:path';
import { offlineCss, offlinePage, type UrlUse } from '../offline/page.ts';

export interface BuiltFiles {
  /** Every file of the build, by path relative to its folder (`2022/04/19/slug/index.html`). */
  has(path: string): boolean;
}

/** The file in the build that `url` stands for, or undefined when it is not on the site or not built. */
export function builtFileOf(url: URL, site: URL, files: BuiltFiles): string | undefined {
  if (url.origin !== site.origin || !url.pathname.startsWith(site.pathname)) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname.slice(site.pathname.length));
  } catch {
    return undefined;
  }
  const candidates = path === '' || path.endsWith('/') ? [`${path}index.html`] : [path, `${path}/index.html`];
  return candidates.find((c) => files.has(c));
}

/** One built file as it must be in the browsable copy: HTML and CSS rewritten, anything else unchanged. */
export function browsableFile(path: string, content: Buffer, site: URL, files: BuiltFiles): Buffer {
  const ext = posix.extname(path);
  if (ext !== '.html' && ext !== '.css') return content;
  const url = new URL(path.endsWith('index.html') ? path.slice(0, -'index.html'.length) : path, site);
  const at = { url, zipPath: path };
  // A page or file that is not in the build (another site, a feed reader's link) stays an absolute URL.
  const resolve = (target: URL, _use: UrlUse) => builtFileOf(target, site, files);
  const text = content.toString('utf8');
  return Buffer.from(ext === '.html' ? offlinePage(text, at, resolve) : offlineCss(text, at, resolve));
}
