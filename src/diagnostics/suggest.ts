/**
 * "Did you mean": the closest known word to what an editor typed, so a typo in an option, a value or a
 * name gets the one word that fixes it rather than the whole list to read through.
 */

/**
 * The closest known word within a small edit distance (a third of the word's length, at least 2), ignoring case;
 * failing that, the one known word that begins with it and goes on after a separator, as an id written short
 * (`rferl-2024` for `rferl-2024-new-caledonia`) does.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  return nearest(word, candidates) ?? longerForm(word, candidates);
}

function longerForm(word: string, candidates: readonly string[]): string | undefined {
  if (word.length < 3) return undefined;
  const start = word.toLowerCase();
  const longer = candidates.filter((c) => c.toLowerCase().startsWith(start) && /^[-_./]/.test(c.slice(word.length)));
  return longer.length === 1 ? longer[0] : undefined;
}

function nearest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length === 0) return undefined;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * The hint for a value outside a fixed list (`kind=timline`): the closest value written as it should be
 * (`Did you mean kind=timeline?`), or, when nothing is close, the instruction to pick one of `expected`.
 */
export function choiceHint(name: string, value: string, choices: readonly string[], expected: string): string {
  const suggestion = closest(value, choices);
  return suggestion !== undefined ? `Did you mean ${name}=${suggestion}?` : `Write ${name}= as ${expected}.`;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
