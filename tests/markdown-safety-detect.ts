// Test helper: finds everything in an HTML document or fragment that could run code in a reader's browser, parsing it
// the way a browser does (parse5, via hast-util-from-html) rather than with regular expressions. Also renders
// Markdown through Astro's own Markdown processor, with or without this site's plugins.
import { createMarkdownProcessor, markdownConfigDefaults } from '@astrojs/markdown-remark';
import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import config from '../astro.config.mjs';

/** Elements that load or run other code, or redirect every link on the page. (A form is fine; its action is a URL.) */
const FORBIDDEN = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal']);
/** Properties (hast names) holding a URL the browser may navigate to, fetch or run. */
const URL_PROPERTIES = new Set([
  'href',
  'src',
  'action',
  'formAction',
  'data',
  'poster',
  'cite',
  'background',
  'longDesc',
  'codeBase',
  'archive',
  'manifest',
  'ping',
  'xLinkHref',
  'srcSet',
  'icon',
  'dynsrc',
  'lowsrc',
  'xlinkHref',
]);
/** Scripts the site itself bundles: Astro emits them as external modules under _astro/. */
const SITE_SCRIPT = /^\/(?:[\w-]+\/)*_astro\/[\w.-]+\.js$/;

/** The scheme a browser's URL parser finds (WHATWG: trim C0 and space, drop tab and newline), lowercased. */
export function browserScheme(url: string): string | undefined {
  const cleaned = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  return /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned)?.[1]?.toLowerCase();
}

const isExecutableUrl = (url: string) => ['javascript', 'vbscript', 'data'].includes(browserScheme(url) ?? '');

function text(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(text).join('') : '';
}

/**
 * A JSON data block (structured data for search engines): never executed, as long as it is the whole of its
 * element; a `</script>` smuggled into the data would end it early and leave unparseable JSON (and a script after).
 */
function isDataBlock(el: Element): boolean {
  const type = String(el.properties['type'] ?? '').toLowerCase();
  if (type !== 'application/ld+json' && type !== 'application/json') return false;
  try {
    JSON.parse(text(el));
    return true;
  } catch {
    return false;
  }
}

/** Every way `html` could run code or navigate to code, as short descriptions; [] when it cannot. */
export function executableParts(html: string, options: { fragment: boolean }): string[] {
  const found: string[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'element') check(node);
    if ('children' in node) node.children.forEach(visit);
    // <template> content lives in a separate fragment.
    if (node.type === 'element' && node.content) visit(node.content);
  };
  const check = (el: Element): void => {
    const props = el.properties;
    if (el.tagName === 'script' && !isDataBlock(el)) {
      const src = typeof props['src'] === 'string' ? props['src'] : '';
      if (!SITE_SCRIPT.test(src) || text(el).trim() !== '') found.push(`<script> ${src || text(el).slice(0, 60)}`);
    }
    if (FORBIDDEN.has(el.tagName)) found.push(`<${el.tagName}>`);
    if (
      el.tagName === 'meta' &&
      String(props['httpEquiv'] ?? '')
        .toLowerCase()
        .includes('refresh')
    )
      found.push('<meta http-equiv=refresh>');
    if (el.tagName === 'style' && /javascript:|expression\(|PWNED|@import/i.test(text(el))) found.push(`<style> ${text(el).slice(0, 60)}`);
    for (const [name, value] of Object.entries(props)) {
      const values = Array.isArray(value) ? value.map(String) : [String(value)];
      if (/^on/i.test(name)) found.push(`${name}=${values.join(' ').slice(0, 60)}`);
      if (name === 'style' && /url\(|expression\(|javascript:|PWNED/i.test(values.join(' ')))
        found.push(`style=${values.join(' ').slice(0, 60)}`);
      if (URL_PROPERTIES.has(name)) {
        const urls = name === 'srcSet' ? values.flatMap((v) => v.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '')) : values;
        for (const url of urls) if (isExecutableUrl(url)) found.push(`${name}=${url.slice(0, 60)}`);
      }
    }
  };
  visit(fromHtml(html, { fragment: options.fragment }));
  return found;
}

type Options = NonNullable<Parameters<typeof createMarkdownProcessor>[0]>;
const siteOptions = (config.markdown as unknown as { processor: { options: Required<Pick<Options, 'remarkPlugins' | 'rehypePlugins'>> } })
  .processor.options;

/** Astro's Markdown processor as this site configures it, or (`plain`) with none of the site's plugins: Astro's default. */
export async function markdownRenderer(
  kind: 'site' | 'plain',
): Promise<(markdown: string, frontmatter?: Record<string, unknown>) => Promise<string>> {
  const processor = await createMarkdownProcessor({
    ...markdownConfigDefaults,
    smartypants: false,
    ...(kind === 'site' ? { remarkPlugins: siteOptions.remarkPlugins, rehypePlugins: siteOptions.rehypePlugins } : {}),
  });
  return async (markdown, frontmatter = {}) => (await processor.render(markdown, { frontmatter })).code;
}
