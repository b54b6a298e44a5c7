/** The format readers by name, with the provenance each starts from. */
import { readCsv } from './csv.ts';
import { readIoArchive } from './io-archive.ts';
import { readSnscrape } from './snscrape.ts';
import { readTelegram } from './telegram.ts';
import type { ImportFormat, Provenance, Reader } from './types.ts';
import { readXApiV2 } from './x-api-v2.ts';

export const readers: Record<ImportFormat, { read: Reader; provenance: Provenance }> = {
  'x-api-v2': { read: readXApiV2, provenance: { tool: 'twarc2 (X API v2)', platform: 'x', precision: 'second' } },
  'io-archive': {
    read: readIoArchive,
    provenance: { tool: 'X information operations archive', platform: 'x', precision: 'minute' },
  },
  telegram: { read: readTelegram, provenance: { tool: 'Telegram Desktop export', platform: 'telegram', precision: 'second' } },
  snscrape: { read: readSnscrape, provenance: { tool: 'snscrape', platform: 'x', precision: 'second' } },
  csv: { read: readCsv, provenance: { tool: 'CSV', platform: 'other', precision: 'second' } },
};
