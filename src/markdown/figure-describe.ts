/** A figure's query in plain words, for the methodology appendix and for diagnostics. */
import type { FigureQuery } from '../aggregate/figure-query.ts';
import type { AccountStatus, PostKind } from '../schema/index.ts';
import { formatCalendarDate } from './format.ts';

interface Words {
  measure: (q: FigureQuery, who: string) => string;
  under: (tag: string) => string;
  kind: Record<PostKind, string>;
  by: (who: string) => string;
  from: (date: string) => string;
  to: (date: string) => string;
  list: (items: string[]) => string;
}

const en: Words = {
  measure: (q, who) => {
    const unit = q.bin === 'hour' ? 'hour' : 'day';
    switch (q.measure) {
      case 'count': return 'posts';
      case 'accounts': return 'accounts posting';
      case 'peak': return `posts in the busiest ${unit}`;
      case 'peak-time': return `the busiest ${unit}`;
      case 'share': return q.top !== undefined ? `share of posts by the ${q.top} most active accounts` : `share of posts by ${who}`;
      case 'first-time': return 'time of the first post';
      case 'cascade-size': return `reposts and quotes of post ${q.post ?? ''}`;
      case 'status-count': return `accounts with a dossier whose latest status is ${statusWords.en[q.status ?? 'active']}`;
    }
  },
  under: (tag) => ` under #${tag}`,
  kind: { post: ' (original posts only)', repost: ' (reposts only)', quote: ' (quotes only)', reply: ' (replies only)' },
  by: (who) => ` by ${who}`,
  from: (date) => ` from ${date}`,
  to: (date) => ` to ${date}`,
  list: (items) => new Intl.ListFormat('en', { type: 'conjunction' }).format(items),
};

const fr: Words = {
  measure: (q, who) => {
    const day = q.bin !== 'hour';
    switch (q.measure) {
      case 'count': return 'publications';
      case 'accounts': return 'comptes ayant publié';
      case 'peak': return day ? 'publications du jour le plus actif' : 'publications de l’heure la plus active';
      case 'peak-time': return day ? 'jour le plus actif' : 'heure la plus active';
      case 'share': return q.top !== undefined ? `part des publications des ${q.top} comptes les plus actifs` : `part des publications de ${who}`;
      case 'first-time': return 'heure de la première publication';
      case 'cascade-size': return `republications et citations de la publication ${q.post ?? ''}`;
      case 'status-count': return `comptes suivis dont le dernier statut est « ${statusWords.fr[q.status ?? 'active']} »`;
    }
  },
  under: (tag) => ` sous #${tag}`,
  kind: { post: ' (publications originales seulement)', repost: ' (republications seulement)', quote: ' (citations seulement)', reply: ' (réponses seulement)' },
  by: (who) => ` de ${who}`,
  from: (date) => ` du ${date}`,
  to: (date) => ` au ${date}`,
  list: (items) => new Intl.ListFormat('fr', { type: 'conjunction' }).format(items),
};

const statusWords: Record<'en' | 'fr', Record<AccountStatus, string>> = {
  en: { active: 'active', suspended: 'suspended', deleted: 'deleted', protected: 'protected' },
  fr: { active: 'actif', suspended: 'suspendu', deleted: 'supprimé', protected: 'protégé' },
};

/**
 * "posts under #RecognizeNewCaledonia from 16 May 2024 to 22 May 2024 (Asia/Baku)". `label` names an
 * account as the site shows it, so a private individual stays pseudonymised here too.
 */
export function describeFigure(query: FigureQuery, locale: string, timeZone: string, label: (account: string) => string): string {
  const w = new Intl.Locale(locale).language === 'fr' ? fr : en;
  const accounts = query.accounts ?? (query.account !== undefined ? [query.account] : []);
  const who = w.list(accounts.map(label));
  let text = w.measure(query, who);
  if (query.hashtag) text += w.under(query.hashtag);
  if (query.kind) text += w.kind[query.kind];
  if (query.measure !== 'share' && accounts.length > 0) text += w.by(who);
  if (query.from) text += w.from(formatCalendarDate(query.from, locale));
  if (query.to) text += w.to(formatCalendarDate(query.to, locale));
  // Days and hours are the case zone's: name it wherever the figure depends on a calendar.
  if (query.from || query.to || query.bin || query.measure === 'first-time') text += ` (${timeZone})`;
  return text;
}
