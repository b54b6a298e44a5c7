/**
 * A small coordination result for the chart tests, computed by the analysis itself from readable posts:
 * six accounts (one of them a private person, labelled by pseudonym) repost eight posts within 40 s of
 * each other over two days and copy one text five times; four other accounts share three links.
 */
import { CoordinationSchema } from '../schema/index.ts';
import type { CoordinationPost } from '../aggregate/coordination/actions.ts';
import { analyseCoordination } from '../aggregate/coordination/analyse.ts';
import { seededRandom } from '../aggregate/seeded-random.ts';

const T0 = Date.UTC(2024, 4, 16, 5, 0, 0);
const rnd = seededRandom(7);
const posts: CoordinationPost[] = [];
const add = (accountId: string, seconds: number, fields: Partial<CoordinationPost>): void => {
  posts.push({ id: `${1000 + posts.length}`, accountId, time: T0 + Math.round(seconds) * 1000, kind: 'post', text: '', urls: [], hashtags: [], ...fields });
};

export const groupOne = ['101', '102', '103', '104', '105', '106'];
export const groupTwo = ['201', '202', '203', '204'];

for (let c = 0; c < 8; c++) {
  const start = c * 5 * 3600 + rnd() * 600;
  groupOne.forEach((account, k) => {
    // Not every account joins every time: the 6th skips half the campaigns.
    if (k === 5 && c % 2 === 1) return;
    add(account, start + rnd() * 40, { kind: 'repost', refId: `target${c}`, refAuthorId: c < 4 ? '900' : '901' });
    if (c < 5) add(account, start + 120 + rnd() * 50, { text: `the French police are murderers, campaign ${c} of the week` });
  });
}
for (let c = 0; c < 3; c++) {
  groupTwo.forEach((account) => add(account, 30 * 3600 + c * 1800 + rnd() * 50, { text: 'read this', urls: [`https://news.example/story-${c}?utm_source=tw`] }));
}

export const coordination = analyseCoordination(posts, CoordinationSchema.parse({}));

const names: Record<string, string> = {
  '101': '@kanaky_voice',
  '102': '@island_news_24',
  '103': '@baku_daily_report',
  '104': '@freedom_for_all_peoples',
  '105': '@nc_truth',
  '106': 'Account P-1',
  '201': '@link_one',
  '202': '@link_two',
  '203': '@link_three',
  '204': '@link_four',
  '900': '@origin_account',
  '901': 'Account P-2',
};

/** Labels as the site gives them: handles, and pseudonyms for private people. */
export const label = (id: string): string => names[id] ?? id;
