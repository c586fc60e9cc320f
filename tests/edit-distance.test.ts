import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../src/lib/util/edit-distance.ts';

/** The textbook full-matrix version (optimal string alignment with `swaps`), to check the two-row one against. */
function reference(a: string, b: string, swaps: boolean): number {
  const x = [...a];
  const y = [...b];
  const d = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (swaps && i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[x.length]![y.length]!;
}

describe('editDistance', () => {
  it('is 0 for identical strings', () => {
    expect(editDistance('title', 'title')).toBe(0);
    expect(editDistance('张家口市', '张家口市')).toBe(0);
  });

  it('counts an insertion, a deletion and a substitution as one edit each', () => {
    expect(editDistance('titl', 'title')).toBe(1);
    expect(editDistance('titlee', 'title')).toBe(1);
    expect(editDistance('tatle', 'title')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('counts a Chinese character as one, wherever it is in Unicode', () => {
    expect(editDistance('张家囗市', '张家口市')).toBe(1);
    expect(editDistance('曲周', '曲周县')).toBe(1);
    expect(editDistance('宣化县', '宣化区')).toBe(1);
    expect(editDistance('𠀀', '𠀁')).toBe(1); // CJK Extension B: two UTF-16 units, one character
    expect(editDistance('𠀀市', '市')).toBe(1);
  });

  it('measures from an empty string by the other’s length', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('县区', '')).toBe(2);
  });

  it('counts a swap of neighbours as two edits, or as one with transpositions', () => {
    expect(editDistance('tilte', 'title')).toBe(2);
    expect(editDistance('tilte', 'title', { transpositions: true })).toBe(1);
    expect(editDistance('ca', 'abc', { transpositions: true })).toBe(3); // optimal string alignment, not full Damerau
  });

  it('agrees with the full-matrix computation, and is symmetric', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '张', '口', '𠀀'), maxLength: 8 });
    fc.assert(
      fc.property(text, text, fc.boolean(), (a, b, transpositions) => {
        const d = editDistance(a, b, { transpositions });
        expect(d).toBe(reference(a, b, transpositions));
        expect(editDistance(b, a, { transpositions })).toBe(d);
      }),
    );
  });
});
