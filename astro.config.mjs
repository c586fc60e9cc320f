// Astro configuration: where the site is deployed and how Markdown is processed.
// SITE_URL and BASE_PATH let the same repository deploy to any host or sub-folder.
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import remarkCjkPunctuation from './src/markdown/remark-cjk-punctuation.ts';
import rehypeDateline from './src/markdown/rehype-dateline.ts';
import rehypeSanitizeArticle from './src/markdown/rehype-sanitize-article.ts';
import contentCheck from './src/integrations/content-check.ts';
import searchIndex from './src/integrations/search-index.ts';
import offlineDownloads from './src/integrations/downloads.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://example.org',
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  // Separate caches let test builds of other content run beside each other without clashing.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  build: { format: 'directory' },
  markdown: {
    processor: unified({
      // Smartypants would turn Chinese quotation marks and ellipses into English ones.
      smartypants: false,
      remarkPlugins: [remarkCjkPunctuation],
      // Sanitizer first: it sees only what the Markdown produced; the trusted plugins after it add their own markup.
      rehypePlugins: [rehypeSanitizeArticle, rehypeDateline],
    }),
  },
  // Downloads last: the offline copies are made from the finished pages.
  integrations: [contentCheck(), searchIndex(), offlineDownloads()],
  devToolbar: { enabled: false },
  // Test builds and benchmark archives are not sources: keep the dev server from watching them.
  vite: { server: { watch: { ignored: ['**/tests/.tmp/**', '**/bench/.out/**', '**/dist/**'] } } },
});
