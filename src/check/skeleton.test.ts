import { describe, expect, it } from 'vitest';
import { handlesLookAlike, skeleton } from './skeleton.ts';

describe('skeleton(text)', () => {
  it('maps look-alikes to one prototype, as TR39 does', () => {
    expect(skeleton('paypal')).toBe(skeleton('\u0440\u0430yp\u0430l'));
    expect(skeleton('m')).toBe('rn');
    expect(skeleton('l0I')).toBe('lOl');
    expect(skeleton('a\u200bb\u00adc')).toBe('abc');
    // Decomposed and precomposed accents agree.
    expect(skeleton('\u00e9')).toBe(skeleton('e\u0301'));
    expect(skeleton('%')).toBe(skeleton('\u0025'.normalize('NFD')));
  });

  it('keeps different letters apart', () => {
    expect(skeleton('esmira')).not.toBe(skeleton('esmera'));
  });
});

describe('handlesLookAlike(a, b)', () => {
  it('also compares handles case-folded and in their compatibility forms', () => {
    expect(handlesLookAlike('\uff45\uff53\uff4d\uff49\uff52\uff41', 'esmira')).toBe(true);
    expect(handlesLookAlike('ESMIRA', 'esmira')).toBe(true);
    expect(handlesLookAlike('esmiraI', 'esmiral')).toBe(true);
    expect(handlesLookAlike('esmira_b', 'esmira')).toBe(false);
  });
});
