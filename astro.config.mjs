// Astro configuration: where the site is deployed and how Markdown is processed.
// SITE_URL and BASE_PATH let the same repository deploy to any host or sub-folder.
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import remarkArticleImages from './src/markdown/remark-article-images.ts';
import remarkCjkPunctuation from './src/markdown/remark-cjk-punctuation.ts';
import rehypeDateline from './src/markdown/rehype-dateline.ts';
import rehypeHeadingIds from './src/markdown/rehype-heading-ids.ts';
import rehypeLeadParagraph from './src/markdown/rehype-lead-paragraph.ts';
import rehypeSanitizeArticle from './src/markdown/rehype-sanitize-article.ts';
import buildLock from './src/integrations/build-lock.ts';
import contentCheck from './src/integrations/content-check.ts';
import searchIndex from './src/integrations/search-index.ts';
import offlineDownloads from './src/integrations/downloads.ts';
import cdnHeaders from './src/integrations/cdn-headers.ts';
import reuseOutput from './src/integrations/reuse-output.ts';
import decapCms from './src/integrations/decap-cms.ts';
import assembleParts from './src/integrations/assemble-parts.ts';
import { CONTENT_DIR } from './src/lib/content/content-files-fs.ts';
import { isLayoutId } from './src/lib/layout-ids.ts';
import { astroRedirects } from './src/lib/permanent-urls/redirects.ts';
import { configRedirects } from './src/lib/permanent-urls/redirects-fs.ts';

const base = process.env.BASE_PATH ?? '/';

const contentRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), CONTENT_DIR);
const outsideSources = /[\\/](tests[\\/]\.tmp|bench[\\/]\.out|dist|parts)([\\/]|$)/;
/** What the dev server does not watch: test builds, benchmark archives, the output (never the content folder). */
const notSources = (path) =>
  outsideSources.test(path) && !(path === contentRoot || path.startsWith(contentRoot + sep) || contentRoot.startsWith(path + sep));

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://example.org',
  base,
  trailingSlash: 'always',
  // Separate caches let test builds of other content run beside each other without clashing.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  // Stylesheets are always files, never inlined <style>: the Content-Security-Policy (src/lib/seo/headers.ts) allows no inline style.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Moved article URLs keep working: declared in <content>/redirects.yaml (see src/lib/permanent-urls/redirects.ts).
  redirects: astroRedirects(configRedirects(fileURLToPath(new URL('.', import.meta.url)), CONTENT_DIR), base),
  markdown: {
    // No syntax highlighting: Shiki colours code with inline styles, which the Content-Security-Policy forbids,
    // and a newspaper has next to no code. Code blocks render as plain <pre><code>.
    syntaxHighlight: false,
    processor: unified({
      // Smartypants would turn Chinese quotation marks and ellipses into English ones.
      smartypants: false,
      // Images first: every form of body image becomes the one Astro's image collector (after these) then imports.
      remarkPlugins: [remarkArticleImages, remarkCjkPunctuation],
      // Sanitizer first: it sees only what the Markdown produced; the trusted plugins after it add their own markup.
      // Heading ids before Astro's (which keeps them), never one of the layout's. The lead paragraph last: it
      // replaces the frontmatter copy the others read.
      rehypePlugins: [rehypeSanitizeArticle, rehypeDateline, [rehypeHeadingIds, { reserved: isLayoutId }], rehypeLeadParagraph],
    }),
  },
  // The search index is built in a worker from the start of the build, so the downloads (made from the finished
  // pages) run while it finishes; the CDN headers last, over every file.
  // buildLock first of all: a build takes its output folder before anything touches it, and a second build into the
  // same folder stops (it gives the folder up after the last integration is done: src/integrations/build-lock.ts).
  // reuseOutput next: it removes what earlier builds left in the output folder before the others read it; then
  // assembleParts, which in the assembly of a build in parts (src/lib/parts/scope.ts) merges the parts into it.
  // decapCms (the editor at /admin/: its bundle, and in dev its local git backend) before the headers, which list admin/.
  integrations: [buildLock(), reuseOutput(), assembleParts(), contentCheck(), offlineDownloads(), searchIndex(), decapCms(), cdnHeaders()],
  // Pages whose cacheKey (src/utils/site-data.ts) and code are unchanged are copied from the last build.
  experimental: { incrementalBuild: true },
  devToolbar: { enabled: false },
  // Test builds and benchmark archives are not sources: keep the dev server from watching them, except the content
  // folder itself (a dev test's CONTENT_DIR is a copy under tests/.tmp/).
  // The output folder is not emptied first: unchanged pages stay in place (src/integrations/reuse-output.ts).
  // Scripts are always files, never inlined: Astro inlines a small script (the article page's reading tools) unless
  // told not to, and the Content-Security-Policy allows no inline script.
  vite: {
    build: { emptyOutDir: false, assetsInlineLimit: (file) => (/\.[cm]?js$/.test(file) ? false : undefined) },
    server: { watch: { ignored: [notSources] } },
  },
});
