/**
 * A seeded NDJSON dataset for the coordination benchmark: posts in time order over 7 days from
 * 50k accounts, shaped so that every default signal has work to do. Reposts and replies go mostly to
 * recent posts (so popular posts gather many accounts within a minute, some beyond the burst cap),
 * links come from a skewed pool with tracking parameters, a few texts are copied slogans, hashtag
 * sets repeat; 200 planted groups of 8 accounts repost the same target and post the same text
 * and link within a minute, 20 times each; and, as in the New Caledonia montage, a few posts are each
 * reposted by hundreds of ordinary accounts within a minute: bursts, which the analysis must report as
 * such and not expand into pairs (the burst cap path real data takes).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { random } from './random.ts';

const ACCOUNTS = 50_000;
const DAYS = 7;
const START = Date.UTC(2024, 4, 13, 0, 0, 0);
const SPAN_S = DAYS * 86_400;
const GROUPS = 200;
const GROUP_SIZE = 8;
const CAMPAIGNS = 20;
/** The dataset's file name under bench/out/, versioned so a changed generator writes a new file. */
export const COORDINATION_DATASET = 'coordination-1m.v2.ndjson';
/** Planted bursts: each one post reposted by this many distinct ordinary accounts within `BURST_SPAN_S`. */
export const PLANTED_BURSTS = 5;
const BURST_ACCOUNTS = 300;
const BURST_SPAN_S = 45;
const WORDS = 'the vote island referendum independence france kanaky solidarity azerbaijan baku freedom colonial people voice news'.split(' ');

interface Line {
  time: number;
  line: string;
}

/** Writes `posts` posts (planted ones included) to `path`; returns the bytes written. */
export async function writeCoordinationDataset(path: string, posts: number, seed = 17): Promise<number> {
  const rnd = random(seed);
  const pick = (n: number): number => Math.floor(rnd() * n);
  const words = (n: number): string => Array.from({ length: n }, () => WORDS[pick(WORDS.length)]).join(' ');
  const slogans = Array.from({ length: 500 }, (_, k) => `slogan ${k}: ${words(8)}`);
  const tags = (n: number): string[] => Array.from({ length: n }, () => `Tag${Math.floor(rnd() ** 3 * 400)}`);
  const iso = (s: number): string => new Date(START + Math.floor(s) * 1000).toISOString().replace('.000Z', 'Z');
  const post = (id: string, author: string, seconds: number, fields: Record<string, unknown>): Line => ({
    time: seconds,
    line: JSON.stringify({ id, platform: 'x', author: { id: author, handle: author }, createdAt: iso(seconds), text: '', kind: 'post', ...fields }),
  });

  // The planted groups' posts, interleaved in time with the rest.
  const planted: Line[] = [];
  for (let g = 0; g < GROUPS; g++) {
    for (let c = 0; c < CAMPAIGNS; c++) {
      const start = rnd() * (SPAN_S - 200);
      const text = `campaign ${g}-${c}: ${words(10)}`;
      for (let m = 0; m < GROUP_SIZE; m++) {
        const author = `op${g}-${m}`;
        planted.push(post(`c${g}-${c}-${m}r`, author, start + rnd() * 30, { kind: 'repost', ref: { id: `target${g}-${c}`, authorId: `t${g}` } }));
        planted.push(post(`c${g}-${c}-${m}t`, author, start + 60 + rnd() * 30, { text: `${text} https://short.example/${author}`, urls: [`https://campaign.example/${g}/${c}?utm_source=${m}`], hashtags: tags(3) }));
      }
    }
  }
  // Bursts: ordinary accounts (the u… pool), so their other posts are the organic ones below.
  for (let b = 0; b < PLANTED_BURSTS; b++) {
    const start = ((b + 0.5) / PLANTED_BURSTS) * SPAN_S;
    const reposters = new Set<number>();
    while (reposters.size < BURST_ACCOUNTS) reposters.add(pick(ACCOUNTS));
    planted.push(post(`montage${b}`, `montage-author${b}`, start, { text: `montage ${b}: ${words(12)}` }));
    for (const u of reposters) planted.push(post(`montage${b}-u${u}`, `u${u}`, start + 1 + rnd() * BURST_SPAN_S, { kind: 'repost', ref: { id: `montage${b}`, authorId: `montage-author${b}` } }));
  }
  planted.sort((x, y) => x.time - y.time);

  const out = createWriteStream(path);
  let bytes = 0;
  let buffer = '';
  const write = async (line: string): Promise<void> => {
    buffer += `${line}\n`;
    if (buffer.length > 1 << 20) {
      bytes += Buffer.byteLength(buffer);
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  };
  const organic = posts - planted.length;
  let next = 0;
  for (let i = 1; i <= organic; i++) {
    const seconds = (i / organic) * SPAN_S;
    while (next < planted.length && planted[next]!.time <= seconds) await write(planted[next++]!.line);
    const author = `u${Math.floor(rnd() ** 2 * ACCOUNTS)}`;
    const r = rnd();
    // Mostly recent posts: a post is reposted and answered while it is new.
    const recent = (): { id: string } => ({ id: `p${Math.max(1, i - 1 - Math.floor(rnd() ** 3 * Math.min(i - 1, 20_000)))}` });
    let fields: Record<string, unknown>;
    if (i > 10 && r < 0.3) fields = { kind: 'repost', ref: recent() };
    else if (i > 10 && r < 0.4) fields = { kind: 'reply', ref: recent(), text: words(6 + pick(10)) };
    else {
      const text = rnd() < 0.03 ? slogans[Math.floor(rnd() ** 2 * slogans.length)]! : words(8 + pick(16));
      const link = rnd() < 0.25 ? [`https://news.example/${Math.floor(rnd() ** 3 * 20_000)}${rnd() < 0.3 ? `?utm_source=${pick(5)}` : ''}`] : [];
      fields = { text, urls: link, hashtags: tags(pick(5)) };
    }
    await write(post(`p${i}`, author, seconds, fields).line);
  }
  while (next < planted.length) await write(planted[next++]!.line);
  bytes += Buffer.byteLength(buffer);
  out.end(buffer);
  await once(out, 'finish');
  return bytes;
}
