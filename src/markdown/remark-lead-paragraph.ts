// Remark plugin: records the article's first paragraph as plain text in the rendered entry's metadata
// (`frontmatter.leadParagraph`), for listings, meta descriptions and feeds. Astro keeps no article bodies in its data
// store (content.config.ts: `retainBody: false`), so the excerpt is taken here, while the body is at hand.
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { LEAD_PARAGRAPH, leadParagraph } from '../lib/excerpt.ts';

export default function remarkLeadParagraph() {
  return (_tree: Root, file: VFile): void => {
    const astro = ((file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro ??= {});
    (astro.frontmatter ??= {})[LEAD_PARAGRAPH] = leadParagraph(String(file.value));
  };
}
