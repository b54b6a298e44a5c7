/** How a figure's value is shown, and whether it agrees with the value the prose states. */
import { numberFormat } from '../locale/intl.ts';
import { createHash } from 'node:crypto';
import type { FigureQuery } from '../aggregate/figure-query.ts';
import { unitOf } from './figure-parse.ts';
import { formatDay, formatInstantNamed, localIso } from './format.ts';

/** Count as a number, share as a percent with at most one decimal, time in the case zone with the zone named. */
export function formatFigure(value: number, query: FigureQuery, locale: string, timeZone: string): string {
  switch (unitOf(query.measure)) {
    case 'count':
      return numberFormat(locale).format(value);
    case 'share':
      return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'time':
      // A peak day is a day, not an instant: it is named without a clock time.
      return query.measure === 'peak-time' && query.bin === 'day'
        ? formatDay(value, locale, timeZone)
        : formatInstantNamed(value, locale, timeZone);
  }
}

/**
 * Whether `value` agrees with `stated` at the precision the text wrote it: `41%` matches 40.6 %–41.4 %,
 * `2024-05-16` matches any time that local day, `2024-05-16T09` any time in that local hour.
 */
export function expectMatches(value: number, query: FigureQuery, stated: string, timeZone: string): boolean {
  switch (unitOf(query.measure)) {
    case 'count':
      return value === Number(stated);
    case 'share': {
      const number = stated.slice(0, -1);
      const decimals = number.split('.')[1]?.length ?? 0;
      return Number((value * 100).toFixed(decimals)) === Number(number);
    }
    case 'time':
      return localIso(value, timeZone).startsWith(stated);
  }
}

/** Anchor of a figure's entry in the methodology appendix: short, stable, and free of the key's punctuation. */
export function figureAnchor(key: string): string {
  return `fig-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}
