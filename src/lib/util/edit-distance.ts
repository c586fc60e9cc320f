// Edit distance between two strings, for "did you mean" suggestions (county names, frontmatter keys, command-line
// flags). Pure.

export interface EditDistanceOptions {
  /** Count a swap of two neighbouring characters as one edit (--tilte is --title), not two. */
  transpositions?: boolean;
}

/**
 * Levenshtein distance: the fewest insertions, deletions and substitutions that turn `a` into `b`, counted in
 * characters (code points: 张家囗市 → 张家口市 is one). With `transpositions`, a swap of two neighbouring
 * characters is one edit too (optimal string alignment).
 */
export function editDistance(a: string, b: string, options: EditDistanceOptions = {}): number {
  const x = [...a];
  const y = [...b];
  let before: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      let best = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (options.transpositions && i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        best = Math.min(best, before[j - 2]! + 1);
      cur.push(best);
    }
    before = prev;
    prev = cur;
  }
  return prev[y.length]!;
}
