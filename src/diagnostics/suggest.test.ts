import { describe, expect, it } from 'vitest';
import { choiceHint, closest } from './suggest.ts';

describe('closest(word, candidates)', () => {
  it('finds the known word a typo was meant to be, ignoring case, and nothing when every word is far', () => {
    expect(closest('timline', ['timeline', 'top-accounts', 'cascade'])).toBe('timeline');
    expect(closest('Repost', ['post', 'repost'])).toBe('repost');
    expect(closest('pie', ['timeline', 'top-accounts', 'cascade'])).toBeUndefined();
    expect(closest('', ['a'])).toBeUndefined();
  });

  it('finds the one known id a shortened id begins, and none when two begin with it or it runs on without a separator', () => {
    expect(closest('rferl-2024', ['rferl-2024-new-caledonia', 'viginum-2024-new-caledonia'])).toBe('rferl-2024-new-caledonia');
    expect(closest('VIGINUM', ['rferl-2024', 'viginum-2024-new-caledonia'])).toBe('viginum-2024-new-caledonia');
    expect(closest('viginum', ['viginum-2023-paris-2024', 'viginum-2024-new-caledonia'])).toBeUndefined();
    expect(closest('rfe', ['rferl-2024'])).toBeUndefined();
    expect(closest('ab', ['ab-cdefgh'])).toBeUndefined();
  });
});

describe('choiceHint(name, value, choices, expected)', () => {
  it('writes the closest value as the option should read, or asks for one of the list', () => {
    expect(choiceHint('kind', 'timline', ['timeline', 'heatmap'], 'one of timeline, heatmap')).toBe('Did you mean kind=timeline?');
    expect(choiceHint('kind', 'pie', ['timeline', 'heatmap'], 'one of timeline, heatmap')).toBe('Write kind= as one of timeline, heatmap.');
  });
});
