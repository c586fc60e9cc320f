// What readers get of a source file in an offline download: the Markdown and YAML as written, minus what is meant
// for the newsroom only: HTML comments in an article's body, YAML comments in its frontmatter, and an edition's
// `note` (with any comments in edition.yaml). A file with none of these is byte for byte the repository's. The YAML
// is never parsed here: its published copy comes from the content door's read of the file (ReadFile.publishedYaml),
// so that a build parses each file once.
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { EDITION_FILE } from './files.ts';
import { decodeSource, splitFrontmatter } from './source.ts';

const COMMENT = /^<!--[\s\S]*-->$/;

const isEdition = (path: string) => path === EDITION_FILE || path.endsWith(`/${EDITION_FILE}`);

/** The top-level keys of a source's YAML that are for the newsroom only: an edition's note. */
export const newsroomKeys = (path: string): readonly string[] => (isEdition(path) ? ['note'] : []);

/** Whether `yaml` may hold what readers do not get: a comment needs a `#`, a newsroom key its name. If not, it is published as written. */
export const mayHoldNotes = (yaml: string, keys: readonly string[]): boolean => yaml.includes('#') || keys.some((key) => yaml.includes(key));

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

/**
 * The published copy of the source at `path` (relative to the content folder); other files are returned as they are.
 * `publishedYaml` gives the door's read of the file's publishedYaml; it is asked for only when the YAML may hold
 * comments or a note. Throws when it has none (the file's YAML cannot be parsed): no copy rather than one with notes.
 */
export function publishedSource(path: string, bytes: Uint8Array, publishedYaml: () => string | undefined): Uint8Array {
  const decoded = decodeSource(bytes);
  if (!decoded.ok || (!isEdition(path) && !path.endsWith('.md'))) return bytes;
  const published = (yaml: string) => {
    if (!mayHoldNotes(yaml, newsroomKeys(path))) return yaml;
    const copy = publishedYaml();
    if (copy === undefined) throw new Error(`${path}: the YAML cannot be read, so its newsroom notes cannot be left out`);
    return copy;
  };
  if (isEdition(path)) {
    const yaml = published(decoded.text);
    return yaml === decoded.text ? bytes : new TextEncoder().encode(yaml);
  }
  const split = splitFrontmatter(decoded.text);
  if (!split.ok) return bytes;
  const yaml = published(split.value.yaml);
  const body = withoutHtmlComments(split.value.body);
  if (yaml === split.value.yaml && body === split.value.body) return bytes;
  return new TextEncoder().encode(`---\n${yaml.endsWith('\n') ? yaml : `${yaml}\n`}---\n${body}`);
}
