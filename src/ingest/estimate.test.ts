/**
 * A large posts file is sized once: the reader estimates, early, how many posts the rest of the file
 * holds, and the aggregator sizes its table for them. The estimate only sizes storage: whether it is
 * low, high or never given, the model is the same.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchInput, writeDataset } from '../../bench/ingest-data.ts';
import { createAggregator } from '../aggregate/aggregate-case.ts';
import { ESTIMATE_AFTER, readPosts } from './read-posts.ts';

const dir = mkdtempSync(join(tmpdir(), 'casefile-estimate-'));
const large = join(dir, 'large.ndjson');
const small = join(dir, 'small.ndjson');
const modelled = join(dir, 'modelled.ndjson');
const POSTS = 3 * ESTIMATE_AFTER;
beforeAll(async () => {
  await writeDataset(large, POSTS);
  await writeDataset(small, ESTIMATE_AFTER - 1);
  await writeDataset(modelled, ESTIMATE_AFTER + 2_000);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function estimates(path: string): Promise<number[]> {
  const told: number[] = [];
  await readPosts({ path, file: 'posts.ndjson', dataset: 'd', format: 'ndjson', onRawPost: () => {}, onEstimate: (more) => told.push(more) });
  return told;
}

async function model(path: string, expect?: (told: number) => number) {
  const aggregator = createAggregator(benchInput);
  await readPosts({
    path,
    file: 'posts.ndjson',
    dataset: 'd',
    format: 'ndjson',
    onRawPost: aggregator.rawSink('d', 'posts.ndjson'),
    ...(expect ? { onEstimate: (more: number) => aggregator.expect(expect(more)) } : {}),
  });
  return aggregator.finish();
}

describe('readPosts(…, onEstimate)', () => {
  it('tells once, after the first records, about how many more the file holds', async () => {
    const told = await estimates(large);
    expect(told).toHaveLength(1);
    const rest = POSTS - ESTIMATE_AFTER;
    expect(Math.abs(told[0]! - rest)).toBeLessThan(rest * 0.02);
  });

  it('tells nothing for a file shorter than that', async () => {
    expect(await estimates(small)).toEqual([]);
  });
});

describe('aggregator.expect(posts)', () => {
  it('gives the same model whether the estimate is right, far too low, far too high or absent', async () => {
    const plain = await model(modelled);
    expect(plain.summary.total).toBe(ESTIMATE_AFTER + 2_000);
    // Compared as JSON: the models are large, and they hold no value JSON would lose.
    const json = JSON.stringify(plain);
    expect(JSON.stringify(await model(modelled, (more) => more))).toBe(json);
    expect(JSON.stringify(await model(modelled, () => 1))).toBe(json);
    expect(JSON.stringify(await model(modelled, (more) => 20 * more))).toBe(json);
  }, 180_000);
});
