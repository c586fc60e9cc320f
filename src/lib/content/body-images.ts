// Every image an article body shows, in every Markdown form: inline `![alt](./a.jpg)`, and by reference, full
// `![alt][id]`, collapsed `![id][]` and shortcut `![id]`, through a definition `[id]: <./a.jpg> "title"`. The
// checker applies the image rules to exactly these (src/lib/check/markdown.ts), and the site's remark plugin
// (src/markdown/remark-article-images.ts) rewrites each into the one inline form Astro's image pipeline then sees,
// so no form can reach the build that the checker did not see. Pure: what is on disk is images-fs.ts's question.
import type { Definition, Image, ImageReference, Nodes, Root } from 'mdast';

export type ImageForm = 'inline' | 'full' | 'collapsed' | 'shortcut';

/** Where an image points, as the build would read it. */
export type ImageTarget =
  /** A file beside the article: `path` as Astro imports it (percent-escapes decoded, as its image collector does). */
  | { kind: 'local'; path: string }
  /** Another site: `https://…`, `http://…` or protocol-relative `//host/…`. */
  | { kind: 'remote' }
  /** Not a file the build can import: an empty address, a site-absolute path, a query or fragment, broken escapes, a backslash, another scheme. */
  | { kind: 'invalid'; reason: 'empty' | 'absolute' | 'query' | 'escape' | 'backslash' | 'scheme' };

export interface FoundImage {
  node: Image | ImageReference;
  form: ImageForm;
  /** The address as the Markdown gives it (character references and backslash escapes decoded by the parser). */
  url: string;
  alt: string;
  title: string | null;
  target: ImageTarget;
}

/** Where an image points: the same reading as Astro's remark-collect-images, minus what it would import by mistake. */
export function imageTarget(url: string): ImageTarget {
  if (url.trim() === '') return { kind: 'invalid', reason: 'empty' };
  if (url.startsWith('//')) return { kind: 'remote' };
  // A scheme as the sanitizer reads one (src/lib/check/safe-url.ts): whatever comes before a `:` that no `/`, `?` or
  // `#` precedes, so that `javasc<tab>ript:` is one too.
  const colon = url.indexOf(':');
  if (colon > -1 && !/[/?#]/.test(url.slice(0, colon))) {
    return /^https?$/i.test(url.slice(0, colon)) ? { kind: 'remote' } : { kind: 'invalid', reason: 'scheme' };
  }
  if (url.includes('\\')) return { kind: 'invalid', reason: 'backslash' };
  if (url.startsWith('/')) return { kind: 'invalid', reason: 'absolute' };
  let path: string;
  try {
    path = decodeURI(url);
  } catch {
    return { kind: 'invalid', reason: 'escape' };
  }
  // Astro would import `./a.jpg?raw` as a module, and `#x` as a file named so: neither is a photo. decodeURI leaves
  // escapes of `?`, `#`, `/` and the like as they are, which Vite would read otherwise than the checker.
  if (/[?#]/.test(path)) return { kind: 'invalid', reason: 'query' };
  if (/%3f|%23/i.test(path)) return { kind: 'invalid', reason: 'query' };
  if (path.includes('%')) return { kind: 'invalid', reason: 'escape' };
  if (path.includes('\\')) return { kind: 'invalid', reason: 'backslash' };
  if (path.startsWith('/')) return { kind: 'invalid', reason: 'absolute' };
  if (path.trim() === '') return { kind: 'invalid', reason: 'empty' };
  return { kind: 'local', path };
}

/** The address a local image is written with once resolved: Astro decodes it back to `path`. */
export function canonicalImageUrl(path: string): string {
  return encodeURI(path);
}

/** Definitions by identifier, the first of each winning as CommonMark says (mdast-util-definitions' reading). */
function definitionsOf(tree: Root): Map<string, Definition> {
  const found = new Map<string, Definition>();
  const visit = (node: Nodes): void => {
    if (node.type === 'definition') {
      const id = node.identifier.toUpperCase();
      if (!found.has(id)) found.set(id, node);
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return found;
}

/** Every image of `tree` in document order, with where it points. An image reference without a definition is text, not an image. */
export function findBodyImages(tree: Root): FoundImage[] {
  const definitions = definitionsOf(tree);
  const images: FoundImage[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'image') {
      images.push({ node, form: 'inline', url: node.url, alt: node.alt ?? '', title: node.title ?? null, target: imageTarget(node.url) });
    } else if (node.type === 'imageReference') {
      const definition = definitions.get(node.identifier.toUpperCase());
      if (definition) {
        const form = node.referenceType;
        images.push({ node, form, url: definition.url, alt: node.alt ?? '', title: definition.title ?? null, target: imageTarget(definition.url) });
      }
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return images;
}
