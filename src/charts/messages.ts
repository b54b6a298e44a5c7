/**
 * The words of chart titles, axes, tables and descriptions in each supported language. Numbers and dates
 * are formatted by `Intl` for the full locale; words fall back to English for languages not listed.
 */
import { numberFormat, listFormat } from '../locale/intl.ts';
import type { PostKind } from '../schema/index.ts';

export interface Messages {
  posts: (n: string, count: number) => string;
  kinds: Record<PostKind, string>;
  total: string;
  date: string;
  time: string;
  count: string;
  account: string;
  rank: string;
  day: string;
  zoneLabel: (what: string, timeZone: string) => string;
  timelineTitle: (tag: string, bin: 'day' | 'hour') => string;
  timelineIntro: (tag: string, bin: 'day' | 'hour', timeZone: string, range: string, total: string) => string;
  peak: (when: string, value: string) => string;
  peakLabel: (value: string) => string;
  byKind: (list: string) => string;
  events: (list: string) => string;
  leadIn: (when: string, posts: string) => string;
  topAccountsTitle: (tag: string) => string;
  topAccountsIntro: (n: number, first: string, value: string) => string;
  topAccountsLast: (label: string, value: string) => string;
  topAccountsSum: (value: string) => string;
  cascadeTitle: (root: string) => string;
  sinceRoot: (unit: string) => string;
  cumulative: string;
  units: Record<'minute' | 'hour' | 'day', string>;
  cascadeIntro: (root: string, when: string, timeZone: string) => string;
  cascadeNone: string;
  cascadeReached: (size: string, span: string, first: string, half: string) => string;
  heatmapTitle: (label: string) => string;
  heatmapIntro: (label: string, timeZone: string, total: string) => string;
  heatmapBusiest: (slots: string, value: string) => string;
  heatmapBusiestTied: (count: number, value: string) => string;
  heatmapBusiestDateTied: (count: string, value: string) => string;
  heatmapBusiestDay: (days: string, value: string) => string;
  heatmapBusiestHour: (hours: string, value: string) => string;
  hourOfDay: string;
  comparisonTitle: (tags: string, bin: 'day' | 'hour') => string;
  comparisonIntro: (tags: string, bin: 'day' | 'hour', timeZone: string, range: string) => string;
  comparisonPeak: (tag: string, total: string, when: string, value: string) => string;
  noData: string;
  both: string;
  comparisonBoth: (tags: string, total: string) => string;
  pair: (a: string, b: string) => string;
  comparisonPair: (pair: string, total: string) => string;
  comparisonPairs: (pairs: string[]) => string;
  timelineEmpty: (tag: string) => string;
  topAccountsEmpty: string;
  topAccountsTied: (n: string, value: string) => string;
  heatmapEmpty: (label: string) => string;
  heatmapDateTitle: (label: string) => string;
  heatmapDateIntro: (label: string, timeZone: string, total: string) => string;
  heatmapBusiestDate: (dates: string, value: string) => string;
  heatmapKey: string;
  stripTitle: (label: string) => string;
  stripIntro: (label: string, timeZone: string, total: string, times: string) => string;
  tableByDay: (rows: string) => string;
}

const en: Messages = {
  posts: (n, count) => `${n} ${count === 1 ? 'post' : 'posts'}`,
  kinds: { post: 'Original posts', repost: 'Reposts', quote: 'Quotes', reply: 'Replies' },
  total: 'Total',
  date: 'Date',
  time: 'Time',
  count: 'Posts',
  account: 'Account',
  rank: 'Rank',
  day: 'Day',
  zoneLabel: (what, timeZone) => `${what} (${timeZone} time)`,
  timelineTitle: (tag, bin) => `Posts per ${bin} under #${tag}`,
  timelineIntro: (tag, bin, timeZone, range, total) =>
    `Posts per ${bin} under #${tag} in ${timeZone} time, ${range}: ${total} in total.`,
  peak: (when, value) => `The peak was ${when} with ${value}.`,
  peakLabel: (value) => `Peak: ${value}`,
  byKind: (list) => `By kind: ${list}.`,
  events: (list) => `Marked events: ${list}.`,
  leadIn: (when, posts) => `Before the period, ${when}: ${posts}, drawn faded and not counted above.`,
  topAccountsTitle: (tag) => `Most active accounts under #${tag}`,
  topAccountsIntro: (n, first, value) => `${n === 1 ? 'One account is' : `${n} accounts are`} shown, most active first. ${first} leads with ${value}.`,
  topAccountsLast: (label, value) => `The last shown, ${label}, has ${value}.`,
  topAccountsSum: (value) => `Together they account for ${value}.`,
  cascadeTitle: (root) => `Reposts and quotes of the post by ${root}`,
  sinceRoot: (unit) => `${unit} since the original post`,
  cumulative: 'Reposts and quotes so far',
  units: { minute: 'Minutes', hour: 'Hours', day: 'Days' },
  cascadeIntro: (root, when, timeZone) => `Cumulative reposts and quotes of the post by ${root}, first posted ${when} (${timeZone} time).`,
  cascadeNone: 'No reposts or quotes of it were found in the dataset.',
  cascadeReached: (size, span, first, half) =>
    `It reached ${size} within ${span}; the first came after ${first}, and half of them within ${half}.`,
  heatmapTitle: (label) => `Posts by ${label} by day of week and hour`,
  heatmapIntro: (label, timeZone, total) => `Posts by ${label} by day of week and hour of day in ${timeZone} time: ${total} in total.`,
  heatmapBusiest: (slots, value) => `The busiest hour was ${slots}, with ${value}.`,
  heatmapBusiestTied: (count, value) => `${count} different hours of the week tie as the busiest, with ${value} each.`,
  heatmapBusiestDateTied: (count, value) => `${count} one-hour slots across the dates tie as the busiest, with ${value} each.`,
  heatmapBusiestDay: (days, value) => `The busiest day of the week was ${days} (${value}).`,
  heatmapBusiestHour: (hours, value) => `The busiest hour of the day was ${hours} (${value}).`,
  hourOfDay: 'Hour of day',
  comparisonTitle: (tags, bin) => `Posts per ${bin}: ${tags}`,
  comparisonIntro: (tags, bin, timeZone, range) => `Posts per ${bin} under ${tags} in ${timeZone} time, ${range}.`,
  comparisonPeak: (tag, total, when, value) => `#${tag}: ${total} in total, peaking ${when} with ${value}.`,
  noData: 'There is no data to show.',
  both: 'Both tags',
  comparisonBoth: (tags, total) => `${total} carry both ${tags} (shaded).`,
  pair: (a, b) => `${a} and ${b}`,
  comparisonPair: (pair, total) => `${pair}, ${total}`,
  // Semicolons: each pair already holds an “and”.
  comparisonPairs: (pairs) => `Posts carrying two of the tags at once: ${pairs.join('; ')}.`,
  timelineEmpty: (tag) => `No post carries #${tag} in the case period, so there is no timeline to draw.`,
  topAccountsEmpty: 'No account posted under this hashtag in the case period, so there is no ranking to draw.',
  topAccountsTied: (n, value) => `All ${n} accounts shown tie with ${value} each, so none stands out and no ranking is drawn.`,
  heatmapEmpty: (label) => `${label} has no posts in the data, so there is no activity to draw.`,
  heatmapDateTitle: (label) => `Posts by ${label} by date and hour`,
  heatmapDateIntro: (label, timeZone, total) => `Posts by ${label} by date and hour of day in ${timeZone} time: ${total} in total.`,
  heatmapBusiestDate: (dates, value) => `The busiest date was ${dates} (${value}).`,
  heatmapKey: 'Posts in the hour',
  stripTitle: (label) => `When ${label} posted`,
  stripIntro: (label, timeZone, total, times) => `${label} has ${total} in the data, at ${times} (${timeZone} time).`,
  tableByDay: (rows) => `Totals per day; the CSV has every hour (${rows} rows).`,
};

const fr: Messages = {
  posts: (n, count) => `${n} ${count < 2 ? 'publication' : 'publications'}`,
  kinds: { post: 'Publications originales', repost: 'Republications', quote: 'Citations', reply: 'Réponses' },
  total: 'Total',
  date: 'Date',
  time: 'Heure',
  count: 'Publications',
  account: 'Compte',
  rank: 'Rang',
  day: 'Jour',
  zoneLabel: (what, timeZone) => `${what} (heure de ${timeZone})`,
  timelineTitle: (tag, bin) => `Publications par ${bin === 'day' ? 'jour' : 'heure'} sous #${tag}`,
  timelineIntro: (tag, bin, timeZone, range, total) =>
    `Publications par ${bin === 'day' ? 'jour' : 'heure'} sous #${tag}, heure de ${timeZone}, ${range} : ${total} au total.`,
  peak: (when, value) => `Le pic a eu lieu le ${when} avec ${value}.`,
  peakLabel: (value) => `Pic : ${value}`,
  byKind: (list) => `Par type : ${list}.`,
  events: (list) => `Événements signalés : ${list}.`,
  leadIn: (when, posts) => `Avant la période, ${when} : ${posts}, en clair et non comptées ci-dessus.`,
  topAccountsTitle: (tag) => `Comptes les plus actifs sous #${tag}`,
  topAccountsIntro: (n, first, value) => `${n === 1 ? 'Un compte est affiché' : `${n} comptes sont affichés`}, du plus actif au moins actif. ${first} arrive en tête avec ${value}.`,
  topAccountsLast: (label, value) => `Le dernier affiché, ${label}, en compte ${value}.`,
  topAccountsSum: (value) => `Ensemble, ils totalisent ${value}.`,
  cascadeTitle: (root) => `Republications et citations de la publication de ${root}`,
  sinceRoot: (unit) => `${unit} depuis la publication d’origine`,
  cumulative: 'Republications et citations cumulées',
  units: { minute: 'Minutes', hour: 'Heures', day: 'Jours' },
  cascadeIntro: (root, when, timeZone) => `Cumul des republications et citations de la publication de ${root}, publiée le ${when} (heure de ${timeZone}).`,
  cascadeNone: 'Aucune republication ni citation n’a été trouvée dans les données.',
  cascadeReached: (size, span, first, half) =>
    `Elle a atteint ${size} en ${span} ; la première est venue après ${first}, et la moitié en ${half}.`,
  heatmapTitle: (label) => `Publications de ${label} par jour de la semaine et par heure`,
  heatmapIntro: (label, timeZone, total) => `Publications de ${label} par jour de la semaine et heure de la journée, heure de ${timeZone} : ${total} au total.`,
  heatmapBusiest: (slots, value) => `L’heure la plus active a été ${slots}, avec ${value}.`,
  heatmapBusiestTied: (count, value) => `${count} heures de la semaine sont à égalité comme les plus actives, avec ${value} chacune.`,
  heatmapBusiestDateTied: (count, value) => `${count} créneaux d’une heure, sur l’ensemble des dates, sont à égalité comme les plus actifs, avec ${value} chacun.`,
  heatmapBusiestDay: (days, value) => `Le jour de la semaine le plus actif a été ${days} (${value}).`,
  heatmapBusiestHour: (hours, value) => `L’heure de la journée la plus active a été ${hours} (${value}).`,
  hourOfDay: 'Heure de la journée',
  comparisonTitle: (tags, bin) => `Publications par ${bin === 'day' ? 'jour' : 'heure'} : ${tags}`,
  comparisonIntro: (tags, bin, timeZone, range) =>
    `Publications par ${bin === 'day' ? 'jour' : 'heure'} sous ${tags}, heure de ${timeZone}, ${range}.`,
  comparisonPeak: (tag, total, when, value) => `#${tag} : ${total} au total, avec un pic le ${when} à ${value}.`,
  noData: 'Il n’y a aucune donnée à afficher.',
  both: 'Les deux',
  comparisonBoth: (tags, total) => `${total} portent à la fois ${tags} (zone grisée).`,
  pair: (a, b) => `${a} et ${b}`,
  comparisonPair: (pair, total) => `${pair}, ${total}`,
  comparisonPairs: (pairs) => `Publications portant deux des mots-dièses à la fois : ${pairs.join(' ; ')}.`,
  timelineEmpty: (tag) => `Aucune publication ne porte #${tag} pendant la période de l’affaire : il n’y a pas de chronologie à tracer.`,
  topAccountsEmpty: 'Aucun compte n’a publié sous ce mot-dièse pendant la période : il n’y a pas de classement à tracer.',
  topAccountsTied: (n, value) => `Les ${n} comptes affichés sont à égalité avec ${value} chacun : aucun ne se détache et aucun classement n’est tracé.`,
  heatmapEmpty: (label) => `${label} n’a aucune publication dans les données : il n’y a pas d’activité à tracer.`,
  heatmapDateTitle: (label) => `Publications de ${label} par date et par heure`,
  heatmapDateIntro: (label, timeZone, total) => `Publications de ${label} par date et heure de la journée, heure de ${timeZone} : ${total} au total.`,
  heatmapBusiestDate: (dates, value) => `La date la plus active a été le ${dates} (${value}).`,
  heatmapKey: 'Publications dans l’heure',
  stripTitle: (label) => `Quand ${label} a publié`,
  stripIntro: (label, timeZone, total, times) => `${label} compte ${total} dans les données : ${times} (heure de ${timeZone}).`,
  tableByDay: (rows) => `Totaux par jour ; le CSV contient chaque heure (${rows} lignes).`,
};

const catalogue: Record<string, Messages> = { en, fr };

/** Messages for `locale`, matched on its language (`fr-CA` → French), English otherwise. */
export function messages(locale: string): Messages {
  return catalogue[new Intl.Locale(locale).language] ?? en;
}

/** Formats numbers and lists in `locale`. */
export function formatters(locale: string) {
  const number = numberFormat(locale);
  const list = listFormat(locale, { type: 'conjunction' });
  const m = messages(locale);
  return {
    m,
    number: (n: number) => number.format(n),
    list: (items: string[]) => list.format(items),
    posts: (n: number) => m.posts(number.format(n), n),
  };
}
