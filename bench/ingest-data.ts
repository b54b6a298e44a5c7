/**
 * Synthetic NDJSON datasets for the ingest benchmark: 20k accounts, 400 hashtags, 30% reposts,
 * 7 days, from a seeded generator so every run measures the same bytes.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { AggregateInput } from '../src/aggregate/input.ts';
import { random } from './random.ts';

export const ACCOUNTS = 20_000;
export const HASHTAGS = 400;
const DAYS = 7;
const START = Date.UTC(2024, 4, 13, 0, 0, 0);

export const benchInput: AggregateInput = {
  caseId: 'bench',
  timeZone: 'Pacific/Noumea',
  period: { from: '2024-05-13', to: '2024-05-19' },
  hashtags: [
    { tag: 'Tag0', aliases: ['Tagzero'] },
    { tag: 'Tag1', aliases: [] },
    { tag: 'Tag2', aliases: [] },
    { tag: 'Tag3', aliases: [] },
    { tag: 'Tag4', aliases: [] },
  ],
  dossiers: [{ id: 'x/user7', platform: 'x', handle: 'user7', status: 'suspended' }],
  wantedPostIds: ['p1', 'p500'],
  topAccounts: 50,
  figureQueries: [
    { measure: 'count', hashtag: 'Tag0' },
    { measure: 'accounts', hashtag: 'Tag1' },
    { measure: 'peak', hashtag: 'Tag0', bin: 'hour' },
    { measure: 'share', hashtag: 'Tag0', top: 10 },
    { measure: 'first-time', hashtag: 'Tag2' },
    { measure: 'cascade-size', post: 'p1' },
    { measure: 'status-count', status: 'suspended' },
  ],
};


const WORDS = 'the vote island referendum independence france kanaky solidarity azerbaijan baku freedom colonial people voice news'.split(' ');
// Real exports are not plain ASCII: accented and non-Latin words, emoji, line breaks and quotes
// (escaped by JSON) appear in a fair share of texts and names, so the benchmark carries them too.
const OTHER_WORDS = ['Nouvelle-Calédonie', 'indépendance', 'Azərbaycan', 'Qarabağ', 'свобода', '🇦🇿', '✊', '«\u00a0Kanaky\u00a0»'];
const BREAKS = ['\n', '\n\n', ' "', '" '];

export async function writeDataset(path: string, posts: number, seed = 1): Promise<number> {
  const rnd = random(seed);
  const out = createWriteStream(path);
  let bytes = 0;
  let buffer = '';
  for (let i = 1; i <= posts; i++) {
    const author = Math.floor(rnd() ** 2 * ACCOUNTS);
    const time = START + Math.floor(((rnd() * DAYS * 86_400_000) / 1000)) * 1000;
    const repost = i > 10 && rnd() < 0.3;
    const tagCount = 1 + Math.floor(rnd() * 3);
    const tags: string[] = [];
    for (let k = 0; k < tagCount; k++) tags.push(`Tag${Math.floor(rnd() ** 3 * HASHTAGS)}`);
    if (rnd() < 0.01) tags.push('#TAGZERO');
    const words: string[] = [];
    const wordCount = 8 + Math.floor(rnd() * 16);
    for (let k = 0; k < wordCount; k++) words.push(WORDS[Math.floor(rnd() * WORDS.length)]!);
    if (rnd() < 0.2) words.splice(Math.floor(rnd() * wordCount), 0, OTHER_WORDS[Math.floor(rnd() * OTHER_WORDS.length)]!);
    if (rnd() < 0.1) words.splice(Math.floor(rnd() * wordCount), 0, BREAKS[Math.floor(rnd() * BREAKS.length)]!);
    const post: Record<string, unknown> = {
      id: `p${i}`,
      platform: 'x',
      url: `https://x.com/user${author}/status/${i}`,
      author: { id: `u${author}`, handle: `user${author}`, name: author % 10 === 0 ? `Usér ${author} 🇦🇿` : `User ${author}` },
      createdAt: new Date(time).toISOString().replace('.000Z', 'Z'),
      text: words.join(' '),
      lang: 'en',
      kind: repost ? 'repost' : 'post',
      hashtags: tags,
      mentions: rnd() < 0.2 ? [`user${Math.floor(rnd() * ACCOUNTS)}`] : [],
    };
    if (rnd() < 0.5) post['metrics'] = { reposts: Math.floor(rnd() * 50), likes: Math.floor(rnd() * 500), observedAt: '2024-05-25T00:00:00Z' };
    if (repost) {
      const target = 1 + Math.floor(rnd() * (i - 1));
      post['ref'] = { id: `p${target}` };
    }
    if (rnd() < 0.05) post['media'] = [{ type: 'photo', sha256: (author % 97).toString(16).padStart(64, '0') }];
    buffer += `${JSON.stringify(post)}\n`;
    if (buffer.length > 1 << 20) {
      bytes += Buffer.byteLength(buffer);
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  bytes += Buffer.byteLength(buffer);
  out.end(buffer);
  await once(out, 'finish');
  return bytes;
}
