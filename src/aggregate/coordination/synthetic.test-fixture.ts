/**
 * A seeded synthetic case whose truth is known, for the tests and for the parameter sensitivity in
 * BENCHMARKS.md (bench/coordination-sensitivity.ts): three planted groups of eight, 200 ordinary
 * accounts posting at random, and one viral post 150 of them repost within half an hour.
 */
import { seededRandom } from '../seeded-random.ts';
import type { CoordinationPost } from './actions.ts';

const T0 = Date.UTC(2024, 4, 13);

/** Three planted groups of eight, 200 ordinary accounts, and one viral post 150 ordinary accounts repost within half an hour. */
export function syntheticCase(seed: number) {
  const rnd = seededRandom(seed);
  const posts: CoordinationPost[] = [];
  const planted = new Set<string>();
  const viral = new Set<string>();
  const add = (accountId: string, seconds: number, fields: Partial<CoordinationPost>): void => {
    posts.push({ id: `p${posts.length}`, accountId, time: T0 + Math.round(seconds) * 1000, kind: 'post', text: '', urls: [], hashtags: [], ...fields });
  };
  const days = 3 * 86_400;
  const words = 'vote island people france kanaky referendum colonial freedom news solidarity voice independence'.split(' ');
  for (let a = 0; a < 200; a++) {
    for (let k = 0; k < 30; k++) {
      const t = rnd() * days;
      const r = rnd();
      if (r < 0.4) add(`user${a}`, t, { kind: 'repost', refId: `orig${Math.floor(rnd() ** 2 * 400)}` });
      else if (r < 0.6) add(`user${a}`, t, { text: 'a popular link', urls: [`https://news.example/${Math.floor(rnd() ** 2 * 60)}`] });
      else add(`user${a}`, t, { text: Array.from({ length: 12 }, () => words[Math.floor(rnd() * words.length)]).join(' '), hashtags: ['kanaky', 'vote'] });
    }
  }
  // The viral post: ordinary accounts, heavy early then tailing off, once each.
  for (let a = 0; a < 150; a++) {
    add(`user${a}`, 86_400 + 1800 * rnd() ** 3, { kind: 'repost', refId: 'viral' });
    viral.add(`user${a}`);
  }
  for (let g = 0; g < 3; g++) {
    const members = Array.from({ length: 8 }, (_, m) => `op${g}-${m}`);
    members.forEach((m) => planted.add(m));
    for (let c = 0; c < 10; c++) {
      const start = rnd() * days;
      const text = `campaign ${g}-${c}: ${Array.from({ length: 10 }, () => words[Math.floor(rnd() * words.length)]).join(' ')}`;
      for (const m of members) {
        if (rnd() < 0.15) continue; // not every member joins every campaign
        add(m, start + rnd() * 40, { kind: 'repost', refId: `target${g}-${c}` });
        add(m, start + 60 + rnd() * 30, { text: `${text} https://short.example/${m}` });
      }
    }
    for (const m of members) for (let k = 0; k < 10; k++) add(m, rnd() * days, { text: `own words ${rnd()}` });
  }
  return { posts, planted, viral };
}

