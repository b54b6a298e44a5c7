/** The fixture imports the tests run: one per format, with the options each export needs. */
import { join } from 'node:path';
import type { ImportOptions } from './run.ts';
import type { ImportFormat } from './types.ts';

export const fixtureDir = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'import');

export const fixtureImports: Record<ImportFormat, Pick<ImportOptions, 'inputs' | 'observedAt' | 'mapping' | 'telegramUsername'>> = {
  'x-api-v2': { inputs: [join(fixtureDir, 'x-api-v2', 'pages.jsonl'), join(fixtureDir, 'x-api-v2', 'flattened.jsonl')] },
  'io-archive': { inputs: [join(fixtureDir, 'io-archive', 'tweets.csv')], observedAt: '2019-08-19T00:00:00Z' },
  telegram: { inputs: [join(fixtureDir, 'telegram', 'result.json')], telegramUsername: 'kanakyinfo' },
  snscrape: { inputs: [join(fixtureDir, 'snscrape', 'tweets.jsonl')], observedAt: '2024-05-23T10:00:00Z' },
  csv: { inputs: [join(fixtureDir, 'csv', 'posts.csv')], mapping: join(fixtureDir, 'csv', 'mapping.json') },
};
