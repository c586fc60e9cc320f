// Remark plugin: full-width punctuation in the Chinese text of Markdown, via normalizeCjkPunctuation.
// Only `text` nodes change: code, inline code, HTML, link and image URLs, and autolinks (link text that is the URL) are
// never touched. The text nodes of one paragraph or heading are normalised together, so a mark at the edge of
// emphasis or a link (`**粗体**,后文`) sees the text on the other side as context.
import type { Nodes, Root, Text } from 'mdast';
import { normalizeCjkPunctuationPieces } from '../lib/typography.ts';

export type RemarkCjkPunctuationOptions = Record<string, never>;

/** Inline nodes whose text reads on with the text around them. */
const TRANSPARENT = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);

export default function remarkCjkPunctuation(_options: RemarkCjkPunctuationOptions = {}) {
  return (tree: Root): void => {
    const runs: Text[][] = [];
    collectRuns(tree, runs);
    for (const run of runs) {
      const pieces = normalizeCjkPunctuationPieces(run.map((node) => node.value));
      run.forEach((node, k) => {
        node.value = pieces[k] ?? node.value;
      });
    }
  };
}

/**
 * Groups the text nodes under `parent` into runs of text that read on: a run ends at any node that is neither text
 * nor transparent inline markup (inline code, a break, an image, HTML, an autolink) and at the end of a block.
 */
function collectRuns(parent: Nodes, runs: Text[][]): void {
  if (!('children' in parent)) return;
  let run: Text[] = [];
  const flush = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  const visit = (node: Nodes) => {
    if (node.type === 'text') {
      run.push(node);
    } else if (TRANSPARENT.has(node.type) && !isAutolink(node) && 'children' in node) {
      node.children.forEach(visit);
    } else {
      flush();
      if (!isAutolink(node)) collectRuns(node, runs);
    }
  };
  parent.children.forEach(visit);
  flush();
}

/** A link whose text is its own URL (`<https://…>`, a bare `www.…` or e-mail address under GFM). */
function isAutolink(node: Nodes): boolean {
  if (node.type !== 'link') return false;
  const text = textOf(node);
  return [text, `mailto:${text}`, `http://${text}`, `https://${text}`].includes(node.url);
}

function textOf(node: Nodes): string {
  if ('value' in node) return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}
