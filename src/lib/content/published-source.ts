// What readers get of a source file in an offline download: the Markdown and YAML as written, minus what is meant
// for the newsroom only: HTML comments in an article's body, YAML comments in its frontmatter, and an edition's
// `note` (with any comments in edition.yaml). A file with none of these is byte for byte the repository's.
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { isDocument, parseDocument, visit } from 'yaml';
import { EDITION_FILE } from './files.ts';
import { decodeSource, splitFrontmatter } from './source.ts';

const COMMENT = /^<!--[\s\S]*-->$/;

/** The Markdown without its HTML comments (not those in code, which are text): block comments take their line with them. */
export function withoutHtmlComments(markdown: string): string {
  // Without `<!--` there is no comment to cut, and no need to parse (most articles: the zips read every one).
  if (!markdown.includes('<!--')) return markdown;
  const cuts: [number, number][] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'html' && COMMENT.test(node.value.trim()) && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      cuts.push([node.position.start.offset, node.position.end.offset]);
    }
    if ('children' in node) node.children.forEach(walk);
  };
  walk(fromMarkdown(markdown));
  let out = markdown;
  for (const [start, end] of cuts.reverse()) {
    const lineEnd = out[end] === '\n' && (start === 0 || out[start - 1] === '\n') ? end + 1 : end;
    out = out.slice(0, start) + out.slice(lineEnd);
  }
  return out;
}

/** YAML without comments and, when given, without the top-level keys `drop`; the text itself when it has neither. */
function withoutYamlComments(yaml: string, drop: readonly string[] = []): string {
  // A YAML comment needs a `#`, a key to drop its name: without them the text is returned unparsed.
  if (!yaml.includes('#') && !drop.some((key) => yaml.includes(key))) return yaml;
  const doc = parseDocument(yaml, { version: '1.2', schema: 'core' });
  if (!isDocument(doc)) return yaml;
  let found = Boolean(doc.commentBefore || doc.comment) || drop.some((key) => doc.has(key));
  doc.commentBefore = null;
  doc.comment = null;
  visit(doc, (_key, node) => {
    if (!node || typeof node !== 'object') return;
    const commented = node as { comment?: string | null; commentBefore?: string | null };
    if (commented.comment || commented.commentBefore) found = true;
    Object.assign(node, { comment: null, commentBefore: null });
  });
  if (!found) return yaml;
  for (const key of drop) doc.delete(key);
  return doc.toString({ lineWidth: 0 });
}

/** The published copy of the source at `path` (relative to the content folder); other files are returned as they are. */
export function publishedSource(path: string, bytes: Uint8Array): Uint8Array {
  const decoded = decodeSource(bytes);
  if (!decoded.ok) return bytes;
  if (path.endsWith(`/${EDITION_FILE}`) || path === EDITION_FILE) {
    const yaml = withoutYamlComments(decoded.text, ['note']);
    return yaml === decoded.text ? bytes : new TextEncoder().encode(yaml);
  }
  if (!path.endsWith('.md')) return bytes;
  const split = splitFrontmatter(decoded.text);
  if (!split.ok) return bytes;
  const yaml = withoutYamlComments(split.value.yaml);
  const body = withoutHtmlComments(split.value.body);
  if (yaml === split.value.yaml && body === split.value.body) return bytes;
  return new TextEncoder().encode(`---\n${yaml.endsWith('\n') ? yaml : `${yaml}\n`}---\n${body}`);
}
