/**
 * Presentation helpers for pages: numbers, dates and sizes in the reader's locale. Pure and clock-free,
 * so the same model always renders the same text.
 */
import { numberFormat, dateTimeFormat, listFormat, projectLanguage } from '../locale/intl.ts';
import { formatCalendarDate, formatDay, formatInstantNamed, formatPeriod, formatPeriodParts } from '../markdown/format.ts';
import { chromeLocale, translator } from '../locale/messages.ts';

export { formatCalendarDate, formatDay, formatInstantNamed, formatPeriod, formatPeriodParts };
export { figureAnchor } from '../markdown/figure-format.ts';

export const siteName = 'Casefile';

/** The language of the pages that belong to no one case (the index, search, sources, accounts, entities). */
export const siteLocale = projectLanguage;

/**
 * The page's `<title>`: the whole title (search engines and tabs cut what they must; a cut title misleads
 * in bookmarks and reference managers) and the site's name.
 */
export function documentTitle(title: string): string {
  return title === siteName ? title : `${title} · ${siteName}`;
}

/**
 * A title split where a line may break inside a hashtag: before each capital that starts a word of a
 * camel-cased tag (`#Recognize|New|Caledonia`), so a narrow screen never breaks one mid-word. Pages
 * join the parts with `<wbr>`.
 */
export function hashtagBreaks(text: string): string[] {
  return text.split(/(?<=#\p{L}[\p{L}\p{N}_]*?\p{Ll})(?=\p{Lu})/u);
}

export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale).format(value);
}

/** A share in 0..1 as a percent with at most one decimal, as the report's figures show shares. */
export function formatPercent(share: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** An instant as an ISO 8601 string for `<time datetime>`. */
export function isoInstant(time: number): string {
  return new Date(time).toISOString();
}

/** A local hour label (`2024-05-16T09`) as a date and hour in words; the label is already in the case's zone. */
export function formatHourLabel(label: string, locale: string): string {
  const [day, hour = '00'] = label.split('T') as [string, string?];
  return `${formatCalendarDate(day, locale)}, ${hour}:00`;
}

/** A short instant in the case's zone (day, month, time): for dense tables where the year and zone are in the caption. */
export function formatShortInstant(time: number, locale: string, timeZone: string): string {
  return dateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(time);
}

/** A delay in the largest unit that keeps it readable: seconds, minutes, hours or days. */
export function formatDuration(ms: number, locale: string): string {
  const seconds = ms / 1000;
  const [value, unit] =
    seconds < 60
      ? [seconds, 'second']
      : seconds < 3600
        ? [seconds / 60, 'minute']
        : seconds < 86_400
          ? [seconds / 3600, 'hour']
          : [seconds / 86_400, 'day'];
  return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** File size in decimal units, as download links usually state them. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let i = 0;
  while (value >= 1000 && i < units.length - 1) {
    value /= 1000;
    i++;
  }
  return numberFormat(locale, {
    style: 'unit',
    unit: units[i]!,
    unitDisplay: i === 0 ? 'long' : 'short',
    maximumFractionDigits: i === 0 ? 0 : 1,
  }).format(value);
}

/** A list in words ("A, B and C"). */
export function formatList(items: readonly string[], locale: string): string {
  return listFormat(locale, { type: 'conjunction' }).format(items);
}

/** Counts by kind are shown in this order (their names are the catalogue's `chart.kinds`). */
export const kindOrder = ['post', 'repost', 'quote', 'reply'] as const;

/** Country name for an ISO 3166-1 alpha-2 code, in the language of the page's words. */
export function countryName(code: string, locale: string): string {
  return new Intl.DisplayNames(locale, { type: 'region' }).of(code) ?? code;
}

/** Peak day labels (`YYYY-MM-DD`, several on a tie) in words. */
export function formatPeakDays(labels: readonly string[], locale: string): string {
  return formatList(
    labels.map((label) => formatCalendarDate(label, locale)),
    locale,
  );
}

/** The one line of numbers a case is known by, for the index: volume, peak and span of its first tracked hashtag. */
export function keyFigureLine(
  data: { language: string; period: { from: string; to: string }; hashtags: { tag: string }[] },
  timelines: Record<string, { total: number; peakDay: { labels: string[] } }>,
): string {
  const locale = data.language;
  const t = translator(chromeLocale(locale));
  const tag = data.hashtags[0]?.tag;
  const timeline = tag === undefined ? undefined : timelines[tag];
  const period = formatPeriod(data.period, locale);
  if (tag === undefined || !timeline) return period;
  const peak = timeline.peakDay.labels.length > 0 ? ` · ${t('key.linePeak', { days: formatPeakDays(timeline.peakDay.labels, locale) })}` : '';
  return `${t('key.line', { posts: timeline.total, tag })} · ${period}${peak}`;
}

/** A list in words with its items kept as values, so each can be rendered (linked) while the separators stay localised. */
export function listParts<T>(items: readonly T[], locale: string): ({ item: T } | { literal: string })[] {
  let next = 0;
  return listFormat(locale, { type: 'conjunction' })
    .formatToParts(items.map((_, i) => String(i)))
    .map((part) => (part.type === 'element' ? { item: items[next++]! } : { literal: part.value }));
}
