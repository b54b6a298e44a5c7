/**
 * Generates the SYNTHETIC example dataset that ships with Casefile:
 *   data/new-caledonia-2024/x-hashtags/posts.ndjson
 * and updates the sha256 / byte size of that file in the dataset's manifest.json.
 *
 * The example case reconstructs, for demonstration only, the public RFE/RL investigation into the
 * #RecognizeNewCaledonia hashtag campaign (May 2024). RFE/RL did not publish its post-level data, so
 * the posts are invented. What matches the article: 1,413 posts carrying the tag (or a variant) between
 * 16 and 22 May 2024 (Asia/Baku), a daily peak on 16 May, the montage captioned "The French police are
 * murderers." first posted by @esmirakhahil and reposted by the accounts of four named YAP-linked people,
 * and a video first posted by Elmeddin Behbud's account as the second largest cascade. Planted for the
 * coordination analysis (and said so in the manifest): the montage burst, 24 invented accounts reposting
 * it within one minute shortly after it appeared, and a small coordinated group, 8 invented accounts that
 * repost each other's posts and paste the same texts seconds apart, again and again. Everything else
 * (timings, pseudonymous accounts and their texts, counts per account, ids, hashes, archive addresses)
 * is made up by this script.
 *
 * Rules the generator keeps:
 *  - deterministic: a seeded PRNG (sfc32), no Math.random, no clock; same script, same bytes;
 *  - named people's accounts only carry what the article reports: Xalil's montage caption, the four
 *    reposts of it (text copied as X does for reposts), Behbud's video (its text is not reported, so a
 *    bracketed placeholder stands in). No other words are attributed to a named person;
 *  - every other account is an invented pseudonymous account with short, generic texts;
 *  - it checks its own output and exits non-zero when a figure the report relies on does not hold.
 *
 * Run: npx tsx scripts/generate-example-data.ts
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PostSchema, ManifestSchema, CoordinationSchema } from '../src/schema/index.ts';
import { analyseCoordination } from '../src/aggregate/coordination/analyse.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATASET_DIR = join(ROOT, 'data/new-caledonia-2024/x-hashtags');
const POSTS_FILE = 'posts.ndjson';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------
function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}
const rand = sfc32(0x9e3779b9, 0x243f6a88, 0xb7e15162, 2024_05_16);
for (let i = 0; i < 32; i++) rand();
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
function weighted<T>(items: readonly T[], weights: readonly number[]): T {
  let total = 0;
  for (const w of weights) total += w;
  let r = rand() * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i]!;
    if (r < 0) return items[i]!;
  }
  return items[items.length - 1]!;
}
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

// ---------------------------------------------------------------------------------------------
// Time: Asia/Baku is UTC+4 all year (no DST since 2016)
// ---------------------------------------------------------------------------------------------
const BAKU_OFFSET_MS = 4 * 3600_000;
/** Epoch ms of a Baku wall-clock time. */
const baku = (ymd: string, h: number, m = 0, s = 0) =>
  Date.parse(`${ymd}T00:00:00Z`) - BAKU_OFFSET_MS + ((h * 60 + m) * 60 + s) * 1000;
const bakuDay = (ms: number) => new Date(ms + BAKU_OFFSET_MS).toISOString().slice(0, 10);
function isoZ(ms: number) {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
function isoBaku(ms: number) {
  return new Date(ms + BAKU_OFFSET_MS).toISOString().replace(/\.\d{3}Z$/, '+04:00');
}

// ---------------------------------------------------------------------------------------------
// The case's facts (from the article) and the period
// ---------------------------------------------------------------------------------------------
const PERIOD_DAYS = ['2024-05-16', '2024-05-17', '2024-05-18', '2024-05-19', '2024-05-20', '2024-05-21', '2024-05-22'];
/** Posts carrying #RecognizeNewCaledonia (or a variant) per Baku day; sums to the article's 1,413. */
const TAGGED_PER_DAY = [520, 310, 200, 140, 110, 75, 58];
const EXPECTED_TAGGED = 1413;
/** Posts carrying only #FrenchColonialism, per Baku day. */
const FC_ONLY_PER_DAY = [52, 40, 30, 24, 18, 14, 10];

const COLLECTED_AT = '2024-06-04T09:00:00Z';
const OBSERVED_AT = COLLECTED_AT;

interface Author {
  id: string;
  handle: string | null;
  name?: string;
  weight: number;
  suspended: boolean;
}

/** Accounts of the people the article names. Ids are synthetic; only @esmirakhahil's handle is reported. */
const XALIL: Author = { id: 'synthetic-esmirakhahil', handle: 'esmirakhahil', weight: 0, suspended: true };
const NAMED_REPOSTERS: Author[] = [
  { id: 'synthetic-rasadat-xaliqov', handle: null, weight: 0, suspended: true },
  { id: 'synthetic-ramila-seyidova', handle: null, weight: 0, suspended: true },
  { id: 'synthetic-anar-sahmurad', handle: null, weight: 0, suspended: true },
  { id: 'synthetic-yap-member', handle: null, weight: 0, suspended: true },
];
/**
 * The article lists Vuqar Agayev's account among the suspended ones but does not say what it posted,
 * so it has no post in the dataset (its dossier still matches by this id).
 */
const AGAYEV: Author = { id: 'synthetic-vuqar-agayev', handle: null, weight: 0, suspended: true };
const BEHBUD: Author = { id: 'synthetic-elmeddin-behbud', handle: null, weight: 0, suspended: false };

// The montage: caption exactly as the article reports it.
const MONTAGE_TIME = baku('2024-05-16', 0, 12, 37);
const MONTAGE_TEXT = 'The French police are murderers. #RecognizeNewCaledonia #FrenchColonialism';
const MONTAGE_TAGS = ['RecognizeNewCaledonia', 'FrenchColonialism'];
const MONTAGE_MEDIA_SHA = sha256('casefile synthetic example: montage photo (not the real image)');
const NAMED_REPOST_TIMES = [
  baku('2024-05-16', 0, 58, 4),
  baku('2024-05-16', 1, 34, 51),
  baku('2024-05-16', 2, 20, 13),
  baku('2024-05-16', 8, 5, 40),
];
// The video: the article does not report its text; a bracketed placeholder stands in (see the manifest).
const VIDEO_TIME = baku('2024-05-16', 9, 47, 19);
const VIDEO_TEXT = '[video accusing French police of murder in New Caledonia; text not reported by the source] #RecognizeNewCaledonia';
const VIDEO_TAGS = ['RecognizeNewCaledonia'];
const VIDEO_MEDIA_SHA = sha256('casefile synthetic example: video (not the real file)');

// ---------------------------------------------------------------------------------------------
// Invented pseudonymous accounts
// ---------------------------------------------------------------------------------------------
const N_PSEUDO = 540;
const pseudo: Author[] = [];
{
  const seen = new Set<string>();
  for (let i = 0; i < N_PSEUDO; i++) {
    let hex = '';
    do hex = Math.floor(rand() * 0xffffff).toString(16).padStart(6, '0');
    while (seen.has(hex));
    seen.add(hex);
    // A few very active accounts, a long tail of occasional ones.
    const weight = i < 10 ? 24 + int(10) : i < 40 ? 5 + int(4) : 1.2 / (1 + (i - 40) / 250);
    pseudo.push({
      id: `synthetic-u-${hex}`,
      handle: `user_${hex}`,
      name: `Account ${hex}`,
      weight,
      suspended: i < 10 ? rand() < 0.6 : rand() < 0.08,
    });
  }
}
const pseudoWeights = pseudo.map((a) => a.weight);

const PHRASES_EN = [
  'Solidarity with the Kanak people',
  'Let the people of New Caledonia decide their own future',
  'The world is watching New Caledonia',
  'Self-determination is a right, not a favour',
  'Stop the repression in New Caledonia',
  'Decolonisation now',
  'Listen to the people of New Caledonia',
  'Colonialism belongs in the past',
  'Standing with New Caledonia today',
  'Freedom for the Pacific',
];
const PHRASES_FR = ['Solidarité avec le peuple kanak', 'Le monde regarde la Nouvelle-Calédonie', 'Décolonisation maintenant'];
const QUOTE_PHRASES = ['Share this', 'Everyone should see this', 'Read this', 'This is why we speak up', 'Do not look away'];
const REPLY_PHRASES = ['Agreed', 'Exactly', 'Well said', 'Thank you for sharing', 'So true'];

/** How the main tag is written: mostly canonical, sometimes misspelt or differently cased. */
function mainTagVariant(): string {
  return weighted(
    ['RecognizeNewCaledonia', 'RecognizeNewCalendonia', 'recognizenewcaledonia', 'RECOGNIZENEWCALEDONIA', 'RecognizeNewCaledonie'],
    [70, 16, 8, 3, 3],
  );
}

// ---------------------------------------------------------------------------------------------
// Post construction
// ---------------------------------------------------------------------------------------------
interface Draft {
  time: number;
  author: Author;
  kind: 'post' | 'repost' | 'quote' | 'reply';
  text: string;
  tags: string[];
  lang?: string;
  ref?: { id?: string; draft?: Draft; authorId: string };
  mentions: string[];
  media: { type: 'photo' | 'video'; sha256: string }[];
  key?: 'montage' | 'video';
  id?: string;
  zulu: boolean;
  reposters: Set<string>;
  reposts: number;
  quotes: number;
  replies: number;
}
const drafts: Draft[] = [];
function draft(p: Partial<Draft> & Pick<Draft, 'time' | 'author' | 'kind' | 'text' | 'tags'>): Draft {
  const d: Draft = {
    mentions: [],
    media: [],
    zulu: rand() < 0.7,
    reposters: new Set(),
    reposts: 0,
    quotes: 0,
    replies: 0,
    ...p,
  };
  drafts.push(d);
  return d;
}

/** Hour-of-day profile (Baku) of posting activity. */
const HOUR_WEIGHTS = [2, 1, 1, 0.5, 0.5, 0.5, 1, 3, 6, 9, 10, 10, 9, 8, 8, 7, 7, 7, 8, 9, 9, 8, 6, 4];
const HOURS = HOUR_WEIGHTS.map((_, i) => i);
function randomTimeOn(day: string, notBefore = -Infinity): number {
  for (;;) {
    const t = baku(day, weighted(HOURS, HOUR_WEIGHTS), int(60), int(60));
    if (t > notBefore) return t;
  }
}

// Fixed posts from the article.
const montage = draft({
  time: MONTAGE_TIME,
  author: XALIL,
  kind: 'post',
  text: MONTAGE_TEXT,
  tags: MONTAGE_TAGS,
  lang: 'en',
  media: [{ type: 'photo', sha256: MONTAGE_MEDIA_SHA }],
  key: 'montage',
  zulu: false,
});
/** A repost of the montage as X exports one ("RT @…: " and the original's text, tags and photo). */
function repostMontage(author: Author, time: number, zulu: boolean): void {
  draft({
    time,
    author,
    kind: 'repost',
    text: `RT @esmirakhahil: ${MONTAGE_TEXT}`,
    tags: MONTAGE_TAGS,
    lang: 'en',
    ref: { draft: montage, authorId: XALIL.id },
    mentions: ['esmirakhahil'],
    media: [{ type: 'photo', sha256: MONTAGE_MEDIA_SHA }],
    zulu,
  });
  montage.reposters.add(author.id);
  montage.reposts++;
}
NAMED_REPOSTERS.forEach((author, i) => repostMontage(author, NAMED_REPOST_TIMES[i]!, false));
const video = draft({
  time: VIDEO_TIME,
  author: BEHBUD,
  kind: 'post',
  text: VIDEO_TEXT,
  tags: VIDEO_TAGS,
  media: [{ type: 'video', sha256: VIDEO_MEDIA_SHA }],
  key: 'video',
  zulu: false,
});

// ---------------------------------------------------------------------------------------------
// Planted for the coordination analysis, from a PRNG of its own
// ---------------------------------------------------------------------------------------------
const plant = sfc32(0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f, 2024_05_17);
const plantInt = (n: number) => Math.floor(plant() * n);

// The montage burst: invented accounts repost the montage within one minute, half an hour after it appeared.
const BURST_START = baku('2024-05-16', 0, 41, 6);
const BURST_ACCOUNTS = 24;
{
  const chosen = new Set<string>();
  // From the thirty busy accounts after the top ten: each posts often enough to be analysed (minPosts).
  while (chosen.size < BURST_ACCOUNTS) chosen.add(pseudo[10 + plantInt(30)]!.id);
  [...chosen].sort().forEach((id, k) => {
    repostMontage(pseudo.find((a) => a.id === id)!, BURST_START + Math.round((k * 52) / (BURST_ACCOUNTS - 1)) * 1000, true);
  });
}

// The coordinated group: invented accounts that take turns posting, the others reposting within seconds,
// and that paste the same text within a minute. Handles look like every other invented account's.
const GROUP_SIZE = 8;
const group: Author[] = [];
while (group.length < GROUP_SIZE) {
  const hex = Math.floor(plant() * 0xffffff).toString(16).padStart(6, '0');
  if (pseudo.some((a) => a.id.endsWith(hex)) || group.some((a) => a.id.endsWith(hex))) continue;
  group.push({ id: `synthetic-u-${hex}`, handle: `user_${hex}`, name: `Account ${hex}`, weight: 0, suspended: group.length % 3 === 0 });
}
const GROUP_TEXTS = [
  'France must answer for what its police did in New Caledonia',
  'The Kanak people deserve to decide their own future, not Paris',
  'Colonial rule in the Pacific has to end, and it has to end now',
  'The world sees what France is doing to the people of New Caledonia',
  'No more colonies: New Caledonia belongs to its own people',
  'Paris cannot silence the voice of New Caledonia forever',
  'Every free nation should stand with New Caledonia today',
  'The truth about New Caledonia will not stay hidden',
  'New Caledonia shows what French democracy really means',
  'It is time the world recognised New Caledonia',
];
/** Baku times of the group's drops: reposting rounds on the first days, copy-paste rounds after. */
const GROUP_DROPS: { ymd: string; h: number; m: number; kind: 'repost' | 'copy' }[] = [
  { ymd: '2024-05-16', h: 10, m: 14, kind: 'repost' },
  { ymd: '2024-05-16', h: 13, m: 2, kind: 'repost' },
  { ymd: '2024-05-16', h: 19, m: 47, kind: 'copy' },
  { ymd: '2024-05-17', h: 9, m: 31, kind: 'repost' },
  { ymd: '2024-05-17', h: 16, m: 8, kind: 'copy' },
  { ymd: '2024-05-18', h: 11, m: 40, kind: 'repost' },
  { ymd: '2024-05-19', h: 12, m: 25, kind: 'copy' },
  { ymd: '2024-05-19', h: 20, m: 11, kind: 'repost' },
  { ymd: '2024-05-20', h: 10, m: 3, kind: 'repost' },
  { ymd: '2024-05-21', h: 14, m: 36, kind: 'copy' },
];
/** Tagged posts the plant adds per Baku day: the random slots make room for them, keeping the day totals. */
const plantedPerDay = new Map<string, number>([['2024-05-16', BURST_ACCOUNTS]]);
GROUP_DROPS.forEach((drop, d) => {
  const at = baku(drop.ymd, drop.h, drop.m, plantInt(60));
  const tags = ['RecognizeNewCaledonia', 'FrenchColonialism'];
  const text = `${GROUP_TEXTS[d % GROUP_TEXTS.length]!} ${tags.map((t) => `#${t}`).join(' ')}`;
  const seeder = group[d % GROUP_SIZE]!;
  const seed = draft({ time: at, author: seeder, kind: 'post', text, tags, lang: 'en' });
  let added = 1;
  let t = at;
  for (const member of group) {
    if (member === seeder || plant() < 0.1) continue;
    t += (3 + plantInt(6)) * 1000;
    if (drop.kind === 'repost') {
      draft({ time: t, author: member, kind: 'repost', text: `RT @${seeder.handle}: ${text}`, tags, lang: 'en', ref: { draft: seed, authorId: seeder.id }, mentions: [seeder.handle!] });
      seed.reposters.add(member.id);
      seed.reposts++;
    } else draft({ time: t, author: member, kind: 'post', text, tags, lang: 'en' });
    added++;
  }
  plantedPerDay.set(drop.ymd, (plantedPerDay.get(drop.ymd) ?? 0) + added);
});

// Slots for the remaining tagged posts in the period, then the posts outside it.
interface Slot { time: number; fcOnly: boolean }
const slots: Slot[] = [];
PERIOD_DAYS.forEach((day, i) => {
  const fixed = (i === 0 ? 2 + NAMED_REPOSTERS.length : 0) + (plantedPerDay.get(day) ?? 0);
  for (let k = 0; k < TAGGED_PER_DAY[i]! - fixed; k++) slots.push({ time: randomTimeOn(day, i === 0 ? MONTAGE_TIME : -Infinity), fcOnly: false });
  for (let k = 0; k < FC_ONLY_PER_DAY[i]!; k++) slots.push({ time: randomTimeOn(day, i === 0 ? MONTAGE_TIME : -Infinity), fcOnly: true });
});
slots.sort((a, b) => a.time - b.time);

// Originals available as repost/quote/reply targets, with a cap so no invented cascade rivals the video.
const taggedOriginals: Draft[] = [];
const fcOriginals: Draft[] = [];
const PSEUDO_CASCADE_CAP = 45;

function pseudoAuthor(exclude?: (a: Author) => boolean): Author {
  for (let tries = 0; tries < 200; tries++) {
    const a = weighted(pseudo, pseudoWeights);
    if (!exclude || !exclude(a)) return a;
  }
  for (const a of pseudo) if (!exclude || !exclude(a)) return a;
  throw new Error('no eligible author');
}

function original(time: number, fcOnly: boolean): Draft {
  const author = pseudoAuthor();
  const fr = rand() < 0.15;
  const phrase = pick(fr ? PHRASES_FR : PHRASES_EN);
  let tags: string[];
  if (fcOnly) tags = ['FrenchColonialism'];
  else {
    tags = [mainTagVariant()];
    if (rand() < 0.45) tags.push('FrenchColonialism');
    if (rand() < 0.1) tags.push('Kanaky');
  }
  const d = draft({ time, author, kind: 'post', text: `${phrase} ${tags.map((t) => `#${t}`).join(' ')}`, tags, lang: fr ? 'fr' : 'en' });
  (fcOnly ? fcOriginals : taggedOriginals).push(d);
  return d;
}

function pickTarget(pool: Draft[], time: number, author: Author): Draft | undefined {
  const eligible = pool.filter(
    (p) => p.time < time && p.reposts + p.quotes < PSEUDO_CASCADE_CAP && p.author.id !== author.id && !p.reposters.has(author.id),
  );
  if (eligible.length === 0) return undefined;
  // Preferential attachment, fading with age.
  return weighted(
    eligible,
    eligible.map((p) => (1 + p.reposts + p.quotes) * Math.exp(-(time - p.time) / (36 * 3600_000))),
  );
}

function amplify(target: Draft, time: number, kind: 'repost' | 'quote'): Draft | undefined {
  const author = pseudoAuthor((a) => a.id === target.author.id || target.reposters.has(a.id));
  target.reposters.add(author.id);
  const handle = target.author.handle;
  if (kind === 'repost') {
    target.reposts++;
    return draft({
      time,
      author,
      kind,
      text: handle ? `RT @${handle}: ${target.text}` : target.text,
      tags: target.tags,
      lang: target.lang,
      ref: { draft: target, authorId: target.author.id },
      mentions: handle ? [handle] : [],
      media: target.media,
    });
  }
  target.quotes++;
  const tags = target.tags.filter((t) => t !== 'Kanaky');
  return draft({
    time,
    author,
    kind,
    text: `${pick(QUOTE_PHRASES)} ${tags.map((t) => `#${t}`).join(' ')}`,
    tags,
    lang: 'en',
    ref: { draft: target, authorId: target.author.id },
  });
}

let missingRefs = 0;
for (const slot of slots) {
  const { time, fcOnly } = slot;
  if (fcOnly) {
    const target = rand() < 0.4 ? pickTarget(fcOriginals, time, pseudo[0]!) : undefined;
    if (target) amplify(target, time, 'repost');
    else original(time, true);
    continue;
  }
  // The two key posts draw most of the early amplification.
  const sinceMontage = (time - MONTAGE_TIME) / 3600_000;
  const pMontage = 0.46 * Math.exp(-sinceMontage / 20);
  const sinceVideo = (time - VIDEO_TIME) / 3600_000;
  const pVideo = time > VIDEO_TIME ? 0.3 * Math.exp(-sinceVideo / 14) : 0;
  const r = rand();
  if (r < pMontage) {
    amplify(montage, time, rand() < 0.9 ? 'repost' : 'quote');
    continue;
  }
  if (r < pMontage + pVideo) {
    amplify(video, time, rand() < 0.9 ? 'repost' : 'quote');
    continue;
  }
  // Copy-pasted copies of the montage by invented accounts during the first hours.
  if (sinceMontage < 12 && rand() < 0.06) {
    const author = pseudoAuthor();
    draft({ time, author, kind: 'post', text: MONTAGE_TEXT, tags: MONTAGE_TAGS, lang: 'en', media: [{ type: 'photo', sha256: MONTAGE_MEDIA_SHA }] });
    continue;
  }
  const k = rand();
  if (k < 0.46) {
    if (missingRefs < 7 && rand() < 0.02) {
      // A repost of a post that is not in the dataset (posted before collection or already gone).
      missingRefs++;
      const absentAuthor = pick(pseudo);
      const tags = [mainTagVariant(), 'FrenchColonialism'];
      draft({
        time,
        author: pseudoAuthor((a) => a.id === absentAuthor.id),
        kind: 'repost',
        text: `RT @${absentAuthor.handle}: ${pick(PHRASES_EN)} ${tags.map((t) => `#${t}`).join(' ')}`,
        tags,
        lang: 'en',
        ref: { id: `syn-absent-${String(missingRefs).padStart(3, '0')}`, authorId: absentAuthor.id },
        mentions: [absentAuthor.handle!],
      });
      continue;
    }
    const author = pseudoAuthor();
    const target = pickTarget(taggedOriginals, time, author);
    if (target) amplify(target, time, 'repost');
    else original(time, false);
  } else if (k < 0.53) {
    const author = pseudoAuthor();
    const target = pickTarget(taggedOriginals, time, author);
    if (target) amplify(target, time, 'quote');
    else original(time, false);
  } else if (k < 0.65) {
    const eligible = taggedOriginals.filter((p) => p.time < time);
    if (eligible.length === 0) {
      original(time, false);
      continue;
    }
    const target = pick(eligible.slice(-60));
    const author = pseudoAuthor((a) => a.id === target.author.id);
    target.replies++;
    const tags = [target.tags[0]!];
    draft({
      time,
      author,
      kind: 'reply',
      text: `@${target.author.handle} ${pick(REPLY_PHRASES)} #${tags[0]}`,
      tags,
      lang: 'en',
      ref: { draft: target, authorId: target.author.id },
      mentions: [target.author.handle!],
    });
  } else {
    original(time, false);
  }
}

// Outside the period: a few tagged posts late on 15 May and on 23 May (Baku), so "outside period" is non-zero.
for (const t of [baku('2024-05-15', 21, 48, 10), baku('2024-05-15', 22, 31, 44), baku('2024-05-15', 23, 5, 2), baku('2024-05-15', 23, 40, 19), baku('2024-05-15', 23, 57, 31)]) {
  original(t, false);
}
for (const t of [baku('2024-05-23', 9, 14, 0), baku('2024-05-23', 12, 2, 55), baku('2024-05-23', 15, 40, 8), baku('2024-05-23', 18, 27, 33)]) {
  original(t, false);
}
original(baku('2024-05-23', 11, 11, 11), true);

// ---------------------------------------------------------------------------------------------
// Ids, order, serialisation
// ---------------------------------------------------------------------------------------------
drafts.sort((a, b) => a.time - b.time || (a.key ? -1 : 0) - (b.key ? -1 : 0));
const perDaySeq = new Map<string, number>();
for (const d of drafts) {
  const day = bakuDay(d.time);
  const n = (perDaySeq.get(day) ?? 0) + 1;
  perDaySeq.set(day, n);
  d.id = `syn-${day.slice(2).replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
}
const suspendedAt = '2024-06-04T09:00:00Z';

function serialise(d: Draft): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: d.id,
    platform: 'x',
  };
  if (d.author.handle) out.url = `https://x.com/${d.author.handle}/status/${d.id}`;
  const author: Record<string, unknown> = { id: d.author.id, handle: d.author.handle };
  if (d.author.name) author.name = d.author.name;
  out.author = author;
  out.createdAt = d.zulu ? isoZ(d.time) : isoBaku(d.time);
  out.precision = 'second';
  out.text = d.text;
  if (d.lang) out.lang = d.lang;
  out.kind = d.kind;
  if (d.ref) out.ref = { id: d.ref.draft ? d.ref.draft.id : d.ref.id, authorId: d.ref.authorId };
  out.hashtags = d.tags;
  out.mentions = d.mentions;
  out.urls = [];
  out.media = d.media;
  if (d.kind === 'post') {
    out.metrics = {
      reposts: d.reposts,
      quotes: d.quotes,
      replies: d.replies,
      likes: d.key === 'montage' ? 412 : d.key === 'video' ? 238 : d.reposts * 2 + int(5),
      observedAt: OBSERVED_AT,
    };
  }
  out.availability = { status: d.author.suspended ? 'suspended' : 'available', observedAt: suspendedAt };
  if (d.key === 'montage') {
    out.archives = [
      {
        url: `https://web.archive.org/web/20240516002015/https://x.com/esmirakhahil/status/${d.id}`,
        archivedAt: '2024-05-16T00:20:15Z',
        sha256: sha256('casefile synthetic example: archive of the montage post'),
      },
    ];
  } else if (d.key === 'video') {
    out.archives = [
      {
        url: `https://web.archive.org/web/20240516121502/https://x.com/i/status/${d.id}`,
        archivedAt: '2024-05-16T12:15:02Z',
        sha256: sha256('casefile synthetic example: archive of the video post'),
      },
    ];
  } else out.archives = [];
  return out;
}

const lines = drafts.map((d) => {
  const obj = serialise(d);
  const parsed = PostSchema.safeParse(obj);
  if (!parsed.success) {
    console.error(`post ${d.id} does not match PostSchema:`, parsed.error.issues);
    process.exit(1);
  }
  return JSON.stringify(obj);
});
const body = lines.join('\n') + '\n';

// ---------------------------------------------------------------------------------------------
// Self-check: the figures the report states
// ---------------------------------------------------------------------------------------------
const ALIASES = new Map([
  ['recognizenewcaledonia', 'RecognizeNewCaledonia'],
  ['recognizenewcalendonia', 'RecognizeNewCaledonia'],
  ['recognizenewcaledonie', 'RecognizeNewCaledonia'],
  ['frenchcolonialism', 'FrenchColonialism'],
]);
const norm = (t: string) => ALIASES.get(t.normalize('NFC').replace(/^#/, '').toLowerCase()) ?? t;
const periodStart = baku('2024-05-16', 0);
const periodEnd = baku('2024-05-23', 0);
const inPeriod = (d: Draft) => d.time >= periodStart && d.time < periodEnd;
const has = (d: Draft, tag: string) => d.tags.some((t) => norm(t) === tag);
const tagged = drafts.filter((d) => inPeriod(d) && has(d, 'RecognizeNewCaledonia'));
const fcTagged = drafts.filter((d) => inPeriod(d) && has(d, 'FrenchColonialism'));
const byDay = new Map<string, number>();
for (const d of tagged) byDay.set(bakuDay(d.time), (byDay.get(bakuDay(d.time)) ?? 0) + 1);
const byAuthor = new Map<string, number>();
for (const d of tagged) byAuthor.set(d.author.id, (byAuthor.get(d.author.id) ?? 0) + 1);
const ranked = [...byAuthor.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const top10 = ranked.slice(0, 10).reduce((s, [, n]) => s + n, 0);
const cascades = drafts
  .filter((d) => d.kind === 'post')
  .map((d) => ({ d, size: drafts.filter((x) => (x.kind === 'repost' || x.kind === 'quote') && x.ref?.draft === d).length }))
  .sort((a, b) => b.size - a.size);
const kinds = { post: 0, repost: 0, quote: 0, reply: 0 };
for (const d of tagged) kinds[d.kind]++;
const outside = drafts.filter((d) => !inPeriod(d)).length;
const variants = new Map<string, number>();
for (const d of tagged) for (const t of d.tags) if (norm(t) === 'RecognizeNewCaledonia') variants.set(t, (variants.get(t) ?? 0) + 1);

const summary = {
  totalPosts: drafts.length,
  taggedInPeriod: tagged.length,
  frenchColonialismInPeriod: fcTagged.length,
  byDay: Object.fromEntries([...byDay.entries()].sort()),
  kindsTagged: kinds,
  repostShareTagged: +(kinds.repost / tagged.length).toFixed(4),
  accountsTagged: byAuthor.size,
  top10Posts: top10,
  top10Share: top10 / tagged.length,
  top10SharePercent: +((top10 / tagged.length) * 100).toFixed(1),
  montageId: montage.id,
  montageCascade: cascades.find((c) => c.d === montage)!.size,
  montageReposts: montage.reposts,
  montageQuotes: montage.quotes,
  videoId: video.id,
  videoCascade: cascades.find((c) => c.d === video)!.size,
  thirdCascade: cascades[2]!.size,
  outsidePeriod: outside,
  missingRefs,
  variants: Object.fromEntries(variants),
};
console.log(JSON.stringify(summary, null, 2));

const failures: string[] = [];
if (tagged.length !== EXPECTED_TAGGED) failures.push(`expected ${EXPECTED_TAGGED} tagged posts in the period, got ${tagged.length}`);
const days = [...byDay.entries()].sort((a, b) => b[1] - a[1]);
if (days[0]![0] !== '2024-05-16') failures.push(`peak day should be 2024-05-16, got ${days[0]![0]}`);
for (let i = 1; i < PERIOD_DAYS.length; i++) {
  if ((byDay.get(PERIOD_DAYS[i]!) ?? 0) >= (byDay.get(PERIOD_DAYS[i - 1]!) ?? 0)) failures.push(`volume should decline after 16 May (${PERIOD_DAYS[i]})`);
}
if (cascades[0]!.d !== montage) failures.push('the montage should be the largest cascade');
if (cascades[1]!.d !== video) failures.push('the video should be the second largest cascade');
if (cascades[1]!.size <= cascades[2]!.size) failures.push('the video cascade should be strictly larger than the third');
if (outside === 0) failures.push('some posts should fall outside the period');
const repostShare = kinds.repost / tagged.length;
if (repostShare < 0.45 || repostShare > 0.6) failures.push(`repost share ${repostShare.toFixed(3)} outside 45-60%`);
if (byAuthor.size < 300 || byAuthor.size > 600) failures.push(`accounts ${byAuthor.size} outside 300-600`);
const firstTagged = [...tagged].sort((a, b) => a.time - b.time)[0]!;
if (firstTagged !== montage) failures.push('the montage should be the first tagged post in the period');
if (drafts.some((d) => d.author.id === AGAYEV.id)) failures.push('the article reports no post by Agayev\'s account');
for (const a of [XALIL, ...NAMED_REPOSTERS, BEHBUD]) {
  const own = drafts.filter((d) => d.author.id === a.id);
  const ok = own.every((d) => d === montage || d === video || (d.kind === 'repost' && d.ref?.draft === montage));
  if (!ok) failures.push(`named account ${a.id} carries a post the article does not report`);
}
// The coordination analysis at the case's parameters finds what was planted, and nothing else.
const coordination = analyseCoordination(
  drafts.filter(inPeriod).map((d) => ({
    id: d.id!,
    accountId: d.author.id,
    time: d.time,
    kind: d.kind,
    ...(d.ref ? { refId: d.ref.draft ? d.ref.draft.id! : d.ref.id!, refAuthorId: d.ref.authorId } : {}),
    text: d.text,
    urls: [],
    hashtags: d.tags,
  })),
  CoordinationSchema.parse({ window: 60, minWeight: 3 }),
);
const clustered = coordination.clusters.map((c) => c.accounts.map((a) => a.accountId).sort());
if (clustered.length !== 1 || clustered[0]!.join() !== group.map((a) => a.id).sort().join()) {
  failures.push(`the coordination analysis should find exactly the planted group, found ${JSON.stringify(clustered)}`);
}
const bursts = coordination.bursts;
if (bursts.length !== 1 || bursts[0]!.item !== montage.id || bursts[0]!.accounts !== BURST_ACCOUNTS) {
  failures.push(`the coordination analysis should find exactly the montage burst of ${BURST_ACCOUNTS} accounts, found ${JSON.stringify(bursts.map(({ postIds: _, ...b }) => b))}`);
}
console.log(JSON.stringify({ coordination: { clusters: coordination.clusters.map(({ evidence: _e, ...c }) => ({ ...c, accounts: c.accounts.length })), bursts: bursts.map(({ postIds: _, ...b }) => b), nullModel: coordination.nullModel } }, null, 2));
if (failures.length > 0) {
  for (const f of failures) console.error(`FAIL: ${f}`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Write the posts and pin them in the manifest
// ---------------------------------------------------------------------------------------------
mkdirSync(DATASET_DIR, { recursive: true });
writeFileSync(join(DATASET_DIR, POSTS_FILE), body);
const manifestPath = join(DATASET_DIR, 'manifest.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: { path: string; sha256: string; bytes?: number }[] };
const entry = manifest.files.find((f) => f.path === POSTS_FILE);
if (!entry) {
  console.error(`manifest.json lists no ${POSTS_FILE}`);
  process.exit(1);
}
entry.sha256 = sha256(body);
entry.bytes = Buffer.byteLength(body);
const checked = ManifestSchema.safeParse(manifest);
if (!checked.success) {
  console.error('manifest.json does not match ManifestSchema:', checked.error.issues);
  process.exit(1);
}
writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
console.log(`wrote ${lines.length} posts (${entry.bytes} bytes, sha256 ${entry.sha256})`);
