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

// Each word as it appears inside a JSON string: escaping is per character, so the escaped words
// joined by spaces are the escaped text, and no line needs JSON.stringify.
const escaped = (word: string): string => JSON.stringify(word).slice(1, -1);
const WORDS_JSON = WORDS.map(escaped);
const OTHER_WORDS_JSON = OTHER_WORDS.map(escaped);
const BREAKS_JSON = BREAKS.map(escaped);
const DAY_S = 86_400;
const days = Array.from({ length: DAYS }, (_, d) => new Date(START + d * DAY_S * 1000).toISOString().slice(0, 11));
const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * Writes `posts` seeded posts as NDJSON. Each line is written as text straight from the random draws
 * (no post object, no JSON.stringify, no Date per post), in batches of about 1 MB; the bytes are those
 * of a post object serialised by JSON.stringify (test/bench/ingest-data.test.ts holds it to that).
 */
export async function writeDataset(path: string, posts: number, seed = 1): Promise<number> {
  const rnd = random(seed);
  const out = createWriteStream(path);
  const words: string[] = [];
  let bytes = 0;
  let buffer = '';
  for (let i = 1; i <= posts; i++) {
    const author = Math.floor(rnd() ** 2 * ACCOUNTS);
    const offset = Math.floor((rnd() * DAYS * 86_400_000) / 1000);
    const repost = i > 10 && rnd() < 0.3;
    const tagCount = 1 + Math.floor(rnd() * 3);
    let hashtags = '';
    for (let k = 0; k < tagCount; k++) hashtags += `${k === 0 ? '' : ','}"Tag${Math.floor(rnd() ** 3 * HASHTAGS)}"`;
    if (rnd() < 0.01) hashtags += ',"#TAGZERO"';
    words.length = 0;
    const wordCount = 8 + Math.floor(rnd() * 16);
    for (let k = 0; k < wordCount; k++) words.push(WORDS_JSON[Math.floor(rnd() * WORDS.length)]!);
    if (rnd() < 0.2) words.splice(Math.floor(rnd() * wordCount), 0, OTHER_WORDS_JSON[Math.floor(rnd() * OTHER_WORDS.length)]!);
    if (rnd() < 0.1) words.splice(Math.floor(rnd() * wordCount), 0, BREAKS_JSON[Math.floor(rnd() * BREAKS.length)]!);
    const mentions = rnd() < 0.2 ? `"user${Math.floor(rnd() * ACCOUNTS)}"` : '';
    const seconds = offset % DAY_S;
    const createdAt = `${days[Math.floor(offset / DAY_S)]}${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}Z`;
    const name = author % 10 === 0 ? `Usér ${author} 🇦🇿` : `User ${author}`;
    let line =
      `{"id":"p${i}","platform":"x","url":"https://x.com/user${author}/status/${i}",` +
      `"author":{"id":"u${author}","handle":"user${author}","name":"${name}"},"createdAt":"${createdAt}",` +
      `"text":"${words.join(' ')}","lang":"en","kind":"${repost ? 'repost' : 'post'}","hashtags":[${hashtags}],"mentions":[${mentions}]`;
    // The optional members in the order the object-building generator added them.
    if (rnd() < 0.5) line += `,"metrics":{"reposts":${Math.floor(rnd() * 50)},"likes":${Math.floor(rnd() * 500)},"observedAt":"2024-05-25T00:00:00Z"}`;
    if (repost) line += `,"ref":{"id":"p${1 + Math.floor(rnd() * (i - 1))}"}`;
    if (rnd() < 0.05) line += `,"media":[{"type":"photo","sha256":"${(author % 97).toString(16).padStart(64, '0')}"}]`;
    buffer += `${line}}\n`;
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
