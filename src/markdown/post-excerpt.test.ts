import { describe, expect, it } from 'vitest';
import { EXCERPT_CHARACTERS, postExcerpt } from './post-excerpt.ts';

describe('postExcerpt(text)', () => {
  it('keeps a post within the bound whole', () => {
    expect(postExcerpt('A short post.\nTwo lines.')).toEqual({ text: 'A short post.\nTwo lines.', cut: false });
    const exact = 'x'.repeat(EXCERPT_CHARACTERS);
    expect(postExcerpt(exact)).toEqual({ text: exact, cut: false });
  });

  it('cuts a long post to the bound, marking it cut', () => {
    const r = postExcerpt('word '.repeat(2_000_000));
    expect(r.cut).toBe(true);
    expect(r.text.length).toBeLessThanOrEqual(EXCERPT_CHARACTERS);
    expect(r.text.length).toBeGreaterThan(EXCERPT_CHARACTERS - 10);
    expect(r.text).toMatch(/^(word )+word$/);
  });

  it('ends on a whole word when a space comes near the bound, and cuts a long unbroken run where it must', () => {
    expect(postExcerpt('one two three', 10)).toEqual({ text: 'one two', cut: true });
    expect(postExcerpt(`a ${'W'.repeat(500)}`, 300)).toEqual({ text: `a ${'W'.repeat(298)}`, cut: true });
  });

  it('never splits a grapheme: a flag, a family emoji or a letter with its accents stays whole', () => {
    const family = '👨‍👩‍👧‍👦';
    // The bound falls inside the family emoji (11 code units) at offset 9 + 3.
    expect(postExcerpt(`123456789${family}${family}`, 12)).toEqual({ text: '123456789', cut: true });
    expect(postExcerpt(`12🇫🇷🇳🇨`, 5)).toEqual({ text: '12', cut: true });
    expect(postExcerpt(`e\u0301\u0301\u0301\u0301tc`, 3)).toEqual({ text: '', cut: true });
    expect(postExcerpt(`ab${family}`, 13)).toEqual({ text: `ab${family}`, cut: false });
  });

  it('cuts a post of many short lines after the last line allowed', () => {
    const r = postExcerpt('line\n'.repeat(500), 10_000, 30);
    expect(r).toEqual({ text: 'line\n'.repeat(30).trimEnd(), cut: true });
  });
});
