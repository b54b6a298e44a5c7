/** Shared fuzzing inputs and the one property every diagnostic must have. */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';

/** Fixed so a run is reproducible; fast-check prints it with the failing path. */
export const FUZZ_SEED = 20_261_128;

/** Any text: full Unicode (lone surrogates included), controls, NUL, BOMs and line breaks. */
export const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\uFEFF', '\u202E', '\u200B', '\r', '\n', '\t', '"', "'", ':', '-', '#', '{', '[', ']', '}', '\\', ' ', 'a', '1'), maxLength: 200 }),
);

/** `source` with a few edits at random places: deletions, insertions of any text, repeats and truncation. */
export function mutated(source: string): fc.Arbitrary<string> {
  const edit = fc.record({
    at: fc.nat({ max: source.length }),
    remove: fc.nat({ max: 20 }),
    insert: fc.oneof(text, fc.constantFrom('\n', '---\n', '"', '\u0000', '\uFEFF', '{', ']', ': ', '  - ', '*a', '&a ', '!!binary ')),
  });
  return fc.array(edit, { minLength: 1, maxLength: 5 }).map((edits) =>
    edits.reduce((s, e) => s.slice(0, Math.min(e.at, s.length)) + e.insert + s.slice(Math.min(e.at, s.length) + e.remove), source),
  );
}

/** A message or hint reads as a sentence: it ends with a full stop (or a question or exclamation mark). */
export const SENTENCE_END = /[.?!]$/;

/** Every diagnostic names a file and a position of line ≥ 1 and column ≥ 1, its message and hint written as sentences. */
export function expectLocated(diagnostics: readonly Diagnostic[], file?: string): void {
  for (const d of diagnostics) {
    const where = `${d.file}:${d.start.line}:${d.start.column} ${d.ruleId} ${d.message}`;
    if (file !== undefined) expect(d.file, where).toBe(file);
    expect(d.file.length, where).toBeGreaterThan(0);
    expect(Number.isInteger(d.start.line) && d.start.line >= 1, where).toBe(true);
    expect(Number.isInteger(d.start.column) && d.start.column >= 1, where).toBe(true);
    expect(d.message.length, where).toBeGreaterThan(0);
    expect(d.message, where).toMatch(SENTENCE_END);
    if (d.hint !== undefined) expect(d.hint, where).toMatch(SENTENCE_END);
  }
}
