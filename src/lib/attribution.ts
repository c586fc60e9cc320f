// What an article page shows under the text about who is answerable for it (责任编辑) and, for a reprint, where it
// came from (来源, 原作者, 原标题), as the rules on reprinting news ask and as Chinese news sites print them.
import { isOwnSource, type Reprint } from './schema.ts';
import { normalizeCjkPunctuation as zh } from './typography.ts';

/** 责任编辑: the article's own editor, else its 版's (edition.yaml), else none. */
export function responsibleEditor(article: { editor?: string | undefined }, page?: { editor?: string | undefined }): string | undefined {
  return article.editor ?? page?.editor;
}

/** A reprint's credits, each as shown: 来源 (the outlet), 原作者, 原标题 (in 《》), and the original's address. */
export interface ReprintCredits {
  source?: string | undefined;
  author: string;
  title: string;
  url?: string | undefined;
}

/**
 * The credits of a reprint, or undefined for an article of the paper's own. The original title goes in 《》, any
 * 《》 inside it becoming 〈〉, as Chinese nests title marks.
 */
export function reprintCredits(article: { source?: string | undefined; reprint?: Reprint | undefined }): ReprintCredits | undefined {
  const { reprint } = article;
  if (!reprint) return undefined;
  const source = article.source !== undefined && !isOwnSource(article.source) ? article.source : undefined;
  return {
    ...(source !== undefined && { source }),
    author: zh(reprint.author),
    title: bookTitle(zh(reprint.title)),
    ...(reprint.url !== undefined && { url: reprint.url }),
  };
}

/** `title` in title marks: 《…》, with the marks inside it nested as 〈…〉. */
export function bookTitle(title: string): string {
  return `《${title.replace(/《/g, '〈').replace(/》/g, '〉')}》`;
}
