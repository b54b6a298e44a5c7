import { describe, expect, it } from 'vitest';
import type { FigureQuery } from '../aggregate/figure-query.ts';
import { describeFigure } from './figure-describe.ts';

const zone = 'Pacific/Noumea';
// The zone as readers know it, in the description's language.
const named = 'New Caledonia Standard Time';
// The label a page shows for an account: a private person's pseudonym, never the handle.
const label = (account: string) => (account === 'x/party-member-a' ? 'Party member A' : `@${account}`);
const en = (query: FigureQuery) => describeFigure(query, 'en', zone, label);

describe('describeFigure(query, locale, timeZone, label)', () => {
  it('names each measure in words', () => {
    expect([
      en({ measure: 'count' }),
      en({ measure: 'accounts' }),
      en({ measure: 'peak', bin: 'hour' }),
      en({ measure: 'peak-time', bin: 'day' }),
      en({ measure: 'share', top: 10 }),
      en({ measure: 'first-time' }),
      en({ measure: 'cascade-size', post: '2002' }),
      en({ measure: 'status-count', status: 'suspended' }),
      en({ measure: 'status-count', status: 'protected' }),
    ]).toEqual([
      'posts',
      'accounts posting',
      `posts in the busiest hour (${named})`,
      `the busiest day (${named})`,
      'share of posts by the 10 most active accounts',
      `time of the first post (${named})`,
      'reposts and quotes of post 2002',
      'accounts with a dossier whose latest status is suspended',
      'accounts with a dossier whose latest status is protected',
    ]);
  });

  it('adds the hashtag, the kind, the accounts by their labels and the dates, naming the zone the days are counted in', () => {
    expect(en({ measure: 'count', hashtag: 'Kanaky', kind: 'repost', accounts: ['x/party-member-a', 'demo'], from: '2024-05-16', to: '2024-05-22' })).toBe(
      `posts under #Kanaky (reposts only) by Party member A and @demo from May 16 to 22, 2024 (${named})`,
    );
    expect(en({ measure: 'accounts', account: 'x/party-member-a', to: '2024-05-22' })).toBe(`accounts posting by Party member A to May 22, 2024 (${named})`);
    expect(en({ measure: 'count', kind: 'reply', from: '2024-05-16' })).toBe(`posts (replies only) from May 16, 2024 (${named})`);
  });

  it('names the accounts of a share once, as whose share it is', () => {
    expect(en({ measure: 'share', account: 'x/party-member-a', hashtag: 'Kanaky' })).toBe('share of posts by Party member A under #Kanaky');
    expect(en({ measure: 'share', accounts: ['a', 'b'] })).toBe('share of posts by @a and @b');
  });

  it('speaks the case language', () => {
    expect(describeFigure({ measure: 'count', hashtag: 'Kanaky', from: '2024-05-16' }, 'fr', zone, label)).toBe('publications sous #Kanaky du 16 mai 2024 (heure normale de la Nouvelle-Calédonie)');
  });

  it('says what the two ends of a range share once, in each language', () => {
    const range = (locale: string, to: string) => describeFigure({ measure: 'count', from: '2024-05-16', to }, locale, 'Asia/Baku', label);
    expect(range('fr', '2024-05-22')).toBe('publications du 16 au 22 mai 2024 (heure normale de l’Azerbaïdjan)');
    expect(range('fr', '2024-06-02')).toBe('publications du 16 mai au 2 juin 2024 (heure normale de l’Azerbaïdjan)');
    expect(range('fr', '2024-05-16')).toBe('publications le 16 mai 2024 (heure normale de l’Azerbaïdjan)');
    expect(range('ru', '2024-05-22')).toBe('публикации с 16 по 22 мая 2024\u202fг. (Азербайджан, стандартное время)');
    expect(range('ar', '2024-05-22')).toBe('المنشورات من 16 إلى 22 مايو 2024 (توقيت أذربيجان الرسمي)');
  });

  it('reads a query without a bin as counted by day and a status count without a status as of active accounts, naming no zone for them', () => {
    expect([en({ measure: 'peak' }), en({ measure: 'peak-time' }), en({ measure: 'status-count' }), en({ measure: 'status-count', status: 'active', hashtag: 'Kanaky' })]).toEqual([
      'posts in the busiest day',
      'the busiest day',
      'accounts with a dossier whose latest status is active',
      'accounts with a dossier whose latest status is active under #Kanaky',
    ]);
  });
});
