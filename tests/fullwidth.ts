// Test helper: writes expected Chinese text with full-width punctuation, so expectations can be typed
// with ASCII `,:;()?!` and still say exactly which characters readers must see. Deliberately dumb:
// it maps every such character, it does not guess context like the code under test.
const FULL: Record<string, string> = {
  ',': '\uFF0C',
  ':': '\uFF1A',
  ';': '\uFF1B',
  '(': '\uFF08',
  ')': '\uFF09',
  '?': '\uFF1F',
  '!': '\uFF01',
};

export function fw(text: string): string {
  return text.replace(/[,:;()?!]/g, (c) => FULL[c]!);
}
