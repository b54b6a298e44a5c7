import { describe, expect, it } from 'vitest';
import type { FigureQuery } from '../aggregate/figure-query.ts';
import { expectMatches, figureAnchor, formatFigure } from './figure-format.ts';

const zone = 'Asia/Baku';
// 09:30 on 16 May 2024 in Baku (UTC+4).
const morning = Date.parse('2024-05-16T05:30:00Z');

describe('formatFigure(value, query, locale, timeZone)', () => {
  it('shows a peak day as a day, and a peak hour or a first post as a time with its zone named', () => {
    expect(formatFigure(morning, { measure: 'peak-time', bin: 'day' }, 'en', zone)).toBe('May 16, 2024');
    expect(formatFigure(morning, { measure: 'peak-time', bin: 'hour' }, 'en', zone)).toBe('May 16, 2024 at 09:30 GMT+4');
    expect(formatFigure(morning, { measure: 'first-time' }, 'en', zone)).toBe('May 16, 2024 at 09:30 GMT+4');
  });

  it('shows counts with grouping and shares as percents with at most one decimal, in the case language', () => {
    expect(formatFigure(48397, { measure: 'count' }, 'en', zone)).toBe('48,397');
    expect(formatFigure(0.41234, { measure: 'share', top: 10 }, 'en', zone)).toBe('41.2%');
    expect(formatFigure(0.5, { measure: 'share', top: 10 }, 'fr', zone)).toBe('50\u00A0%');
  });
});

describe('expectMatches(value, query, stated, timeZone)', () => {
  const count: FigureQuery = { measure: 'count' };
  const share: FigureQuery = { measure: 'share', top: 10 };
  const first: FigureQuery = { measure: 'first-time' };

  it('matches a count exactly', () => {
    expect([expectMatches(12, count, '12', zone), expectMatches(12, count, '13', zone), expectMatches(0, count, '0', zone)]).toEqual([true, false, true]);
  });

  it('matches a share at the precision written: 41% is 40.5 % up to 41.5 %, 41.2% is one decimal', () => {
    expect(['41%', '41.2%', '41.23%', '41.3%', '42%'].map((stated) => expectMatches(0.41234, share, stated, zone))).toEqual([true, true, true, false, false]);
    expect(expectMatches(0.406, share, '41%', zone)).toBe(true);
  });

  it('matches a time by its local date, hour or minute in the case zone', () => {
    expect(['2024-05-16', '2024-05-16T09', '2024-05-16T09:30', '2024-05-16T10', '2024-05-15'].map((stated) => expectMatches(morning, first, stated, zone))).toEqual([
      true, true, true, false, false,
    ]);
    // 02:00 in Baku on the 16th is still the 15th in UTC.
    expect(expectMatches(Date.parse('2024-05-15T22:00:00Z'), first, '2024-05-16', zone)).toBe(true);
  });
});

describe('figureAnchor(key)', () => {
  it('is fig- and twelve hex digits of the key\'s hash, stable across builds (links into the methodology keep working) and different for another key', () => {
    const key = 'hashtag=RecognizeNewCaledonia;measure=count';
    expect(figureAnchor(key)).toBe('fig-c2d83b7d9278');
    expect(figureAnchor(key)).not.toBe(figureAnchor(`${key};kind=post`));
  });
});
