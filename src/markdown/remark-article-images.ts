// Remark plugin: every image of an article body reaches Astro's image pipeline in one form, or not at all. Astro's
// remark-collect-images imports any local address it finds, inline or through a reference's definition, relative
// to the article: `../../x.svg`, `./a.jpg?raw`, a file the checker never saw. This runs before it (user remark
// plugins do) and rewrites each image that src/lib/content/body-images.ts finds into an inline image with its
// resolved address; any other (another site's, a query, a site-absolute path) is taken out of the body, leaving its
// alt text. The checker refuses all of those with a located message, and the collection loader
// (src/loaders/content-loader.ts) holds each local file to the checker's rules before Astro may import it.
import type { Image, Parents, Root, Text } from 'mdast';
import { canonicalImageUrl, findBodyImages } from '../lib/content/body-images.ts';

export type RemarkArticleImagesOptions = Record<string, never>;

export default function remarkArticleImages(_options: RemarkArticleImagesOptions = {}): (tree: Root) => void {
  return (tree) => {
    const replacements = new Map<object, Image | Text>();
    for (const found of findBodyImages(tree)) {
      const { node, alt, title, target } = found;
      const position = node.position ? { position: node.position } : {};
      replacements.set(
        node,
        target.kind === 'local'
          ? { type: 'image', url: canonicalImageUrl(target.path), alt, title, ...position }
          : { type: 'text', value: alt, ...position },
      );
    }
    if (replacements.size === 0) return;
    const visit = (parent: Parents): void => {
      parent.children = parent.children.map((child) => replacements.get(child) ?? child) as typeof parent.children;
      for (const child of parent.children) if ('children' in child) visit(child);
    };
    visit(tree);
  };
}
