// Character references in an article's Markdown body (`&#x202E;`, `&#8238;`, `&rlm;`): the parser decodes them in
// text, headings, link and image URLs, titles and alt text, so a reference puts into pages, feeds and the search index
// the character it stands for. One that stands for a character the body may not hold when typed (text.ts) is refused
// the same way, at the reference, named as written. References in code, inline code and HTML stay as written (the
// parser does not decode them there) and are not looked at.
import type { Root } from 'mdast';
import type { CompileContext, Extension } from 'mdast-util-from-markdown';
import type { Processor } from 'unified';
import { decodeCharacterReference } from '../util/character-reference.ts';
import { characterDescription, forbiddenCharacters } from '../content/text.ts';
import type { Position } from '../content/problem.ts';

/** A character reference the parser decoded: as written, and where (line and column in the parsed text, offset from its start). */
export interface CharacterReference {
  written: string;
  line: number;
  column: number;
  offset: number;
}

declare module 'mdast' {
  interface RootData {
    /** Every character reference the parser decoded, in document order (see rememberCharacterReferences). */
    characterReferences?: CharacterReference[];
  }
}

/** A body full of references to control characters is one mistake: the first few are located, the rest not repeated. */
const MAX_REFERENCE_PROBLEMS = 10;

const listener: Extension = {
  // A listener sees every token without taking over how the tree is built (the decoding stays the parser's own).
  afterExit(this: CompileContext, token) {
    if (token.type !== 'characterReference') return;
    const root = this.stack[0] as Root;
    ((root.data ??= {}).characterReferences ??= []).push({
      written: this.sliceSerialize(token),
      line: token.start.line,
      column: token.start.column,
      offset: token.start.offset,
    });
  },
};

/**
 * Unified plugin for a remark-parse processor: the tree's `data.characterReferences` lists every character reference
 * the parser decoded, with its position (positions inside block quotes and lists included: they are the file's).
 */
export function rememberCharacterReferences(this: Processor): void {
  const data = this.data() as { fromMarkdownExtensions?: Extension[] };
  (data.fromMarkdownExtensions ??= []).push(listener);
}

/**
 * The character references in `tree` (parsed with rememberCharacterReferences from a body whose first line is line
 * `firstLine` of the file) that stand for a character the body may not hold, with a message naming the reference as
 * written and what it becomes.
 */
export function characterReferenceProblems(tree: Root, firstLine: number): (Position & { message: string })[] {
  const problems: (Position & { message: string })[] = [];
  for (const reference of tree.data?.characterReferences ?? []) {
    const decoded = decodeCharacterReference(reference.written);
    const [found] = forbiddenCharacters(decoded, 'body');
    if (!found) continue;
    problems.push({
      line: reference.line + firstLine - 1,
      column: reference.column,
      message: `正文里的「${reference.written}」会变成${characterDescription([...decoded.slice(found.index)][0]!)}\uFF1B请删掉「${reference.written}」`,
    });
    if (problems.length === MAX_REFERENCE_PROBLEMS) break;
  }
  return problems;
}
