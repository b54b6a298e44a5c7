import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseText, TextKeys } from './text-keys.ts';

/** The definition of "same content", written plainly. */
const reference = (text: string) => text.replace(/\s+/g, ' ').trim().normalize('NFC').toLowerCase();

// Words and the spaces, line breaks, no-break spaces, accents (precomposed and combining) and cases that normalising must see through.
const piece = fc.constantFrom('a', 'A', 'vote', 'VOTE', 'é', 'e\u0301', 'É', ' ', '  ', '\n', '\t', '\u00a0', '\u2028', '🇦🇿', 'ß', '!');
const text = fc.oneof(fc.array(piece, { maxLength: 8 }).map((p) => p.join('')), fc.string({ unit: 'grapheme' }));

describe('normaliseText(text) and TextKeys', () => {
  it('normaliseText(text) is whitespace collapsed, trimmed, NFC and lower case', () => {
    fc.assert(fc.property(text, (t) => {
      expect(normaliseText(t)).toBe(reference(t));
    }), { seed: 37, numRuns: 3000 });
  });

  it('key(a) equals key(b) exactly when a and b normalise to the same text, and texts seen twice are kept', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), (texts) => {
        const keys = new TextKeys();
        const byText = new Map<string, number>();
        for (const t of texts) {
          const k = keys.key(t);
          const normal = reference(t);
          if (normal === '') {
            expect(k).toBe(-1);
            continue;
          }
          expect(k).toBe(byText.get(normal) ?? byText.size);
          if (byText.has(normal)) expect(keys.repeated.get(k)).toBe(normal);
          byText.set(normal, k);
        }
      }),
      { seed: 41, numRuns: 1000 },
    );
  });
});

describe('TextKeys as it grows', () => {
  it('gives a text read again after the table has grown (twice) the key it had, and a new text a new key', () => {
    const keys = new TextKeys();
    const texts = Array.from({ length: 70_000 }, (_, k) => `text number ${k}`);
    // The first text whose key is not its number: -1 when every key is right (and a failure stays cheap to report).
    const wrong = (read: (t: string) => string) => texts.findIndex((t, k) => keys.key(read(t)) !== k);
    expect(wrong((t) => t)).toBe(-1);
    expect(wrong((t) => t.toUpperCase())).toBe(-1);
    expect(keys.key('one more text')).toBe(70_000);
    expect(keys.repeated.get(69_999)).toBe('text number 69999');
  });

  it('keeps keys when told how many texts are coming, before and after', () => {
    const keys = new TextKeys();
    const before = ['same words', 'other words'].map((t) => keys.key(t));
    keys.reserve(100_000);
    expect(['Same  words', 'other words', 'new words'].map((t) => keys.key(t))).toEqual([...before, 2]);
  });
});
