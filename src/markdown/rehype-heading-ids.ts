// Rehype plugin: the ids of an article's headings, never one the page's own markup uses (src/lib/layout-ids.ts), so
// that `## main` in a body does not make a second id="main" on the article page. Every heading gets the id Astro would
// give it (its rehypeHeadingIds, github-slugger: `## 案件回顾` → 案件回顾, readable and unchanged); one that the layout
// uses instead gets the prefix 正文- (`## main` → 正文-main), which no layout id has, and -1, -2 … if another heading
// already holds that. Astro's own rehypeHeadingIds, which runs after the user's plugins, keeps ids that are set.
import type { Element, Root } from 'hast';
import { rehypeHeadingIds as astroHeadingIds } from '@astrojs/markdown-remark';
import type { VFile } from 'vfile';

export interface RehypeHeadingIdsOptions {
  /** Ids a heading must not have (src/lib/layout-ids.ts's isLayoutId); none that starts with BODY_ID_PREFIX. */
  reserved: (id: string) => boolean;
}

/** What a heading id the layout uses is prefixed with: not ASCII, so that no layout id or pattern matches it. */
export const BODY_ID_PREFIX = '正文-';

const HEADING = /^h[1-6]$/;

function headings(tree: Root): Element[] {
  const found: Element[] = [];
  const visit = (node: Root | Element): void => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (HEADING.test(child.tagName)) found.push(child);
      visit(child);
    }
  };
  visit(tree);
  return found;
}

export default function rehypeHeadingIds({ reserved }: RehypeHeadingIdsOptions): (tree: Root, file: VFile) => void {
  // Astro's plugin is synchronous and always returns its transformer (typed as unified's optional, three-argument one).
  const slug = astroHeadingIds() as (tree: Root, file: VFile) => void;
  return (tree, file) => {
    // Headings that come with an id (the footnotes' footnote-label) are the pipeline's own, not the article's.
    const own = new Set(headings(tree).filter((h) => typeof h.properties['id'] !== 'string'));
    slug(tree, file);
    const body = headings(tree).filter((h) => own.has(h));
    const taken = new Set(body.map((h) => String(h.properties['id'])).filter((id) => !reserved(id)));
    for (const heading of body) {
      const id = String(heading.properties['id']);
      if (!reserved(id)) continue;
      let candidate = `${BODY_ID_PREFIX}${id}`;
      for (let n = 1; taken.has(candidate); n++) candidate = `${BODY_ID_PREFIX}${id}-${n}`;
      taken.add(candidate);
      heading.properties['id'] = candidate;
    }
  };
}
