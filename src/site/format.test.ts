import { describe, expect, it } from 'vitest';
import { formatPeriodParts } from './format.ts';

describe('formatPeriodParts(period, locale)', () => {
  const may = { from: '2024-05-16', to: '2024-05-22' };
  const prose = (p: ReturnType<typeof formatPeriodParts>, from: string, to: string) => `${from}${p.start}${to}${p.end}${p.after}`;

  it('names the two ends of a span within one month, with what they share after them', () => {
    expect(prose(formatPeriodParts(may, 'fr'), 'du ', ' au ')).toBe('du 16 au 22 mai 2024');
    expect(prose(formatPeriodParts(may, 'ru'), 'с ', ' по ')).toBe('с 16 по 22 мая 2024\u202fг.');
  });

  it('keeps what both ends share before them with the start', () => {
    expect(prose(formatPeriodParts(may, 'en'), 'from ', ' to ')).toBe('from May 16 to 22, 2024');
  });

  it('names each end in full when the months differ', () => {
    expect(prose(formatPeriodParts({ from: '2024-05-16', to: '2024-06-02' }, 'fr'), 'du ', ' au ')).toBe('du 16 mai au 2 juin 2024');
    expect(prose(formatPeriodParts({ from: '2023-12-30', to: '2024-01-02' }, 'fr'), 'du ', ' au ')).toBe('du 30 décembre 2023 au 2 janvier 2024');
  });

  it('says a one-day span is single, the day whole in its start', () => {
    expect(formatPeriodParts({ from: '2024-05-16', to: '2024-05-16' }, 'fr')).toEqual({ single: true, start: '16 mai 2024', end: '', after: '' });
  });
});
