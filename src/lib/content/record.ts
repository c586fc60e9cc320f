// What the pages that span years know of an article: its frontmatter and its lead paragraph, never its body.
// The listings, the home page, the archive, the sitemaps and the search page's facets are built from records
// alone, so a build in parts (src/lib/parts/scope.ts) can give them every year's articles from the parts'
// catalogues while holding only one year's bodies, and renders them byte for byte as a whole build does.
import { createHash } from 'node:crypto';
import type { Article, Edition } from '../schema.ts';
import { leadParagraph } from '../excerpt.ts';

export interface ArticleRecord {
  /** `2022/04/19/slug` */
  id: string;
  /** `content/2022/04/19/slug.md` */
  filePath: string;
  data: Article;
  /**
   * The first paragraph as plain text (src/lib/excerpt.ts), as the Markdown pipeline records it, cut after
   * LEAD_CHARS characters: every excerpt is shorter (summaryOf cuts at most at 200), and a record is kept for
   * every article of the archive.
   */
  lead: string;
  /** Changes whenever `data` or `lead` does: for page cache keys. */
  digest: string;
}

export interface EditionRecord {
  id: string;
  filePath: string;
  data: Edition;
}

/** One more than the longest excerpt any page takes (summaryOf's 200), so that an excerpt of a cut lead still ends in an ellipsis. */
export const LEAD_CHARS = 201;

/** `data` as the content door reads it, without what only an article's own page uses (Astro's image objects). */
export function articleRecord(id: string, filePath: string, data: Article & { photos?: unknown; bodyPhotos?: unknown }, fullLead: string): ArticleRecord {
  // Reading an image object's fields would also make Astro keep the original file (EXIF and all) in the build.
  const { photos: _photos, bodyPhotos: _bodyPhotos, ...rest } = data;
  const plain = rest as Article;
  const chars = [...fullLead];
  const lead = chars.length > LEAD_CHARS ? chars.slice(0, LEAD_CHARS).join('') : fullLead;
  return { id, filePath, data: plain, lead, digest: createHash('sha256').update(JSON.stringify([plain, lead])).digest('base64url').slice(0, 22) };
}

/** The lead as the Markdown pipeline takes it (src/markdown/rehype-lead-paragraph.ts renders `body.trim()`). */
export const leadOfBody = (body: string): string => leadParagraph(body.trim());
