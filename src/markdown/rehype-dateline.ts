// Puts an article's source line (河北法制报讯, 新华社北京电) at the start of its first paragraph,
// where the printed paper has it, taking it from the frontmatter rather than the body text.
import type { Element, Root } from 'hast';
import { formatSourceLine } from '../lib/format.ts';

interface FileWithFrontmatter {
  data: { astro?: { frontmatter?: Record<string, unknown> } };
}

export default function rehypeDateline() {
  return (tree: Root, file: FileWithFrontmatter) => {
    const frontmatter = file.data.astro?.frontmatter ?? {};
    const source = typeof frontmatter['source'] === 'string' ? frontmatter['source'] : undefined;
    const dateline = typeof frontmatter['dateline'] === 'string' ? frontmatter['dateline'] : undefined;
    const line = formatSourceLine(source, dateline);
    if (!line) return;
    const first = tree.children.find((n): n is Element => n.type === 'element' && n.tagName === 'p');
    const label: Element = {
      type: 'element',
      tagName: 'span',
      properties: { className: ['dateline'] },
      children: [{ type: 'text', value: line }],
    };
    if (first) first.children.unshift(label, { type: 'text', value: ' ' });
    else tree.children.unshift({ type: 'element', tagName: 'p', properties: {}, children: [label] });
  };
}
