/** A figure's query in plain words, for the methodology appendix and for diagnostics. */
import type { FigureQuery } from '../aggregate/figure-query.ts';
import { listFormat } from '../locale/intl.ts';
import { translator } from '../locale/messages.ts';
import { formatCalendarDate, formatPeriodParts } from './format.ts';

/** The `figure.measure` message's choice for each measure (ICU choices are words, not `peak-time`). */
const measureWords: Record<FigureQuery['measure'], string> = {
  count: 'count',
  accounts: 'accounts',
  peak: 'peak',
  'peak-time': 'peakTime',
  share: 'share',
  'first-time': 'firstTime',
  'cascade-size': 'cascadeSize',
  'status-count': 'statusCount',
};

/**
 * "posts under #RecognizeNewCaledonia from May 16 to 22, 2024 (Azerbaijan Standard Time)". `label` names an
 * account as the site shows it, so a private individual stays pseudonymised here too.
 */
export function describeFigure(query: FigureQuery, locale: string, timeZone: string, label: (account: string) => string): string {
  const t = translator(locale);
  const accounts = query.accounts ?? (query.account !== undefined ? [query.account] : []);
  const who = listFormat(locale, { type: 'conjunction' }).format(accounts.map(label));
  let text = t('figure.measure', {
    measure: measureWords[query.measure] === 'share' && query.top !== undefined ? 'shareTop' : measureWords[query.measure],
    bin: query.bin ?? 'day',
    top: query.top ?? '',
    who,
    post: query.post ?? '',
    status: query.status ?? 'active',
  });
  if (query.hashtag) text += t('figure.under', { tag: query.hashtag });
  if (query.kind) text += t('figure.kind', { kind: query.kind });
  if (query.measure !== 'share' && accounts.length > 0) text += t('figure.by', { who });
  // Both ends as one range, so what they share is said once ("du 16 au 22 mai 2024").
  if (query.from && query.to) {
    const parts = formatPeriodParts({ from: query.from, to: query.to }, locale);
    text += t('figure.range', { ...parts, single: String(parts.single) });
  } else if (query.from) text += t('figure.from', { date: formatCalendarDate(query.from, locale) });
  else if (query.to) text += t('figure.to', { date: formatCalendarDate(query.to, locale) });
  // Days and hours are the case zone's: name it wherever the figure depends on a calendar.
  if (query.from || query.to || query.bin || query.measure === 'first-time') text += t('figure.zone', { timeZone });
  return text;
}
