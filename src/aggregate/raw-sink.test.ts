import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postNormaliser } from '../ingest/normalise-post.ts';
import { readPosts } from '../ingest/read-posts.ts';
import { createAggregator } from './aggregate-case.ts';
import { IdKeys } from './id-keys.ts';
import type { AggregateInput } from './input.ts';
import { Ranker } from './rank.ts';

const fixture = fileURLToPath(new URL('../../test/fixtures/aggregate/posts.ndjson', import.meta.url));
const T = 'RecognizeNewCaledonia';
const input: AggregateInput = {
  caseId: 'fixture',
  timeZone: 'Europe/Paris',
  period: { from: '2024-10-26', to: '2024-10-27' },
  hashtags: [{ tag: T, aliases: ['RecognizeNewCalendonia'] }],
  dossiers: [{ id: 'x/user1', platform: 'x', handle: 'USER1', status: 'suspended' }],
  wantedPostIds: ['p19', 'p02', 'absent'],
  topAccounts: 50,
  figureQueries: [
    { measure: 'count', hashtag: T },
    { measure: 'status-count', status: 'suspended' },
    { measure: 'status-count', status: 'suspended', hashtag: T },
  ],
};

describe('aggregator.rawSink(dataset, file)', () => {
  it('rawSink(…) gives the same model and duplicates as add(normalise(post)), reading the file twice', async () => {
    const normal = createAggregator(input);
    const raw = createAggregator(input);
    const normalise = postNormaliser(input.hashtags);
    // The second read repeats every id: each post of it is a duplicate of the first read's.
    for (const file of ['a.ndjson', 'b.ndjson']) {
      await readPosts({ path: fixture, file, dataset: 'd', format: 'ndjson', normalise, onPost: normal.add });
      await readPosts({ path: fixture, file, dataset: 'd', format: 'ndjson', onRawPost: raw.rawSink('d', file) });
    }
    expect(raw.duplicates.length).toBeGreaterThan(0);
    expect(raw.duplicates).toEqual(normal.duplicates);
    const model = raw.finish();
    expect(Object.keys(model.posts).length).toBeGreaterThan(2);
    expect(model).toEqual(normal.finish());
  });
});

describe('IdKeys', () => {
  it('key(id) is the same number for the same id and a different one for every other id, find(id) only finds added ids', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.string({ unit: 'binary' }), fc.constantFrom('\ud800', 'a\udc00b', 'é', ''))), fc.array(fc.string({ maxLength: 3 })), (ids, others) => {
        const keys = new IdKeys();
        const seen = new Map<string, number>();
        for (const id of ids) {
          const k = keys.key(id);
          expect(k).toBe(seen.get(id) ?? seen.size);
          seen.set(id, k);
          expect(keys.text(k)).toBe(id);
        }
        for (const other of others) expect(keys.find(other)).toBe(seen.get(other) ?? -1);
        expect(keys.size).toBe(seen.size);
      }),
      { seed: 5, numRuns: 300 },
    );
  });
});

describe('IdKeys as it grows', () => {
  const ids = Array.from({ length: 70_000 }, (_, k) => `${k}`);
  // The first id whose key is not its number: -1 when every key is right (and a failure stays cheap to report).
  const wrong = (keyOf: (id: string) => number) => ids.findIndex((id, k) => keyOf(id) !== k);

  it('gives an id read again after the table has grown the key it had, and its text back', () => {
    const keys = new IdKeys();
    expect(wrong((id) => keys.key(id))).toBe(-1);
    expect(wrong((id) => keys.key(id))).toBe(-1);
    expect(wrong((id) => keys.find(id))).toBe(-1);
    expect(ids.findIndex((id, k) => keys.text(k) !== id)).toBe(-1);
    expect([keys.find('70000'), keys.size]).toEqual([-1, 70_000]);
  });

  it('keeps keys when told how many ids are coming, a few or many', () => {
    const keys = new IdKeys();
    keys.reserve(10);
    expect(['p1', 'p2'].map((id) => keys.key(id))).toEqual([0, 1]);
    keys.reserve(100_000);
    const more = Array.from({ length: 5000 }, (_, k) => keys.key(`q${k}`));
    expect(more.findIndex((key, k) => key !== k + 2)).toBe(-1);
    expect(['p1', 'p2', 'q4999', 'new'].map((id) => keys.find(id))).toEqual([0, 1, 5001, -1]);
    expect([keys.text(1), keys.text(5001)]).toEqual(['p2', 'q4999']);
  });
});

describe('Ranker', () => {
  it('top(keys, counts, limit) is the head of the full sort by count, then name', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 60 }), fc.array(fc.nat(4), { minLength: 60, maxLength: 60 }), fc.integer({ min: 1, max: 25 }), (names, counts, limit) => {
        const keys = names.map((_, k) => k).filter((k) => counts[k]! > 0);
        const countOf = Int32Array.from(counts.slice(0, names.length));
        const expected = [...keys].sort((x, y) => countOf[y]! - countOf[x]! || (names[x]! < names[y]! ? -1 : 1)).slice(0, limit);
        expect(new Ranker(names).top(keys, countOf, limit)).toEqual(expected);
      }),
      { seed: 3, numRuns: 500 },
    );
  });
});

describe('aggregator.duplicates', () => {
  it('names, for each post whose id was seen before, where that id was first read', () => {
    const aggregator = createAggregator({ ...input, dossiers: [], wantedPostIds: [], figureQueries: [] });
    const post = (id: string, file: string, line: number) => ({
      id, platform: 'x' as const, authorId: 'w', handle: null, time: Date.parse('2024-10-26T10:00:00Z'), precision: 'second' as const, kind: 'post' as const,
      tags: [], text: id, mediaHashes: [], archives: [], dataset: 'd', file, line,
    });
    for (const [k, id] of ['p1', 'p2', 'p3'].entries()) aggregator.add(post(id, 'a.ndjson', k + 1));
    aggregator.add(post('p3', 'b.ndjson', 1));
    aggregator.add(post('p1', 'b.ndjson', 2));
    expect(aggregator.duplicates.map((d) => [d.post.id, d.post.file, d.post.line, d.first])).toEqual([
      ['p3', 'b.ndjson', 1, { dataset: 'd', file: 'a.ndjson', line: 3 }],
      ['p1', 'b.ndjson', 2, { dataset: 'd', file: 'a.ndjson', line: 1 }],
    ]);
    expect(aggregator.finish().summary.total).toBe(3);
  });
});

describe('aggregator.rawSink(dataset, file): hashtags as written', () => {
  /** A post of account w, as the reader hands it over (fields) with the object it was read from. */
  const read = (sink: ReturnType<ReturnType<typeof createAggregator>['rawSink']>, id: string, createdAt: string, hashtags: string[], line: number) => {
    const raw = { id, platform: 'x' as const, author: { id: 'w' }, createdAt, kind: 'post' as const, text: `post ${id}`, hashtags };
    sink({ id, platform: 'x', authorId: 'w', handle: null, name: undefined, time: Date.parse(createdAt), kind: 'post', refId: undefined, refAuthorId: undefined, text: raw.text, hashtags, urls: undefined, url: undefined, mediaHashes: undefined }, line, () => raw);
  };

  it('counts a bare "#" or "##" as no hashtag of the account, and a tag by its folded spelling', () => {
    const aggregator = createAggregator({ ...input, dossiers: [], wantedPostIds: [], figureQueries: [] });
    const sink = aggregator.rawSink('d', 'posts.ndjson');
    read(sink, 'w1', '2024-10-26T10:00:00Z', ['#', '##'], 1);
    read(sink, 'w2', '2024-10-26T11:00:00Z', ['#Other', 'other'], 2);
    read(sink, 'w3', '2024-10-26T12:00:00Z', ['#RecognizeNewCalendonia'], 3);
    const profile = aggregator.finish().profiles.find((p) => p.authorId === 'w')!;
    expect(profile.hashtags).toEqual([{ tag: T, count: 1 }, { tag: 'other', count: 1 }]);
  });
});
