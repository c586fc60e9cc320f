// Rehype plugin, last in the pipeline: records the article's first paragraph as plain text in the rendered entry's
// metadata (`frontmatter.leadParagraph`), for listings, meta descriptions and feeds, and keeps nothing else there.
// Astro keeps no article bodies in its data store (content.config.ts: `retainBody: false`), so the excerpt is taken
// here, while the Markdown source is at hand; and the pages read the schema-checked `data`, never this copy of the
// raw frontmatter, which at 50,000 articles was another tenth of the data store Astro bundles.
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { LEAD_PARAGRAPH, leadParagraph } from '../lib/excerpt.ts';

export default function rehypeLeadParagraph() {
  return (_tree: Root, file: VFile): void => {
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    (data.astro ??= {}).frontmatter = { [LEAD_PARAGRAPH]: leadParagraph(String(file.value)) };
  };
}
