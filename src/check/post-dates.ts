/**
 * Post times must be possible: none before its platform existed (a year 1000, or a timestamp read as seconds
 * instead of milliseconds) and none after the data was collected (a year 9999). The cached model's summary
 * says at no cost whether any post is out of range; only then are the posts files read again to say where.
 */
import { posix, relative, resolve } from 'node:path';
import type { DatasetEntry } from '../content/project.ts';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { instantOf } from '../ingest/instant.ts';
import { readArrayElements } from '../ingest/read-array.ts';
import { readLines } from '../ingest/read-lines.ts';
import type { CheckedCase } from './checked.ts';
import { PLATFORM_LAUNCH } from './dates.ts';

/** Clocks and time zones differ: a post up to a day after `collectedAt` is not reported. */
const COLLECTION_LEEWAY = 24 * 3_600_000;

/** Posts reported one by one per file; the rest are counted. */
const SHOWN_PER_FILE = 20;

export async function checkPostDates(root: string, cases: readonly CheckedCase[]): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const checked of cases) {
    const { from, to } = checked.model.summary;
    if (from === null || to === null) continue;
    for (const dataset of checked.datasets) {
      const launch = Date.parse(`${PLATFORM_LAUNCH[dataset.manifest.platform]}T00:00:00Z`);
      const collected = Date.parse(dataset.manifest.collection.collectedAt) + COLLECTION_LEEWAY;
      if (from >= launch && to <= collected) continue;
      out.push(...(await outOfRange(root, dataset, launch, collected)));
    }
  }
  return out;
}

async function outOfRange(root: string, dataset: DatasetEntry, launch: number, collected: number): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const { platform, collection } = dataset.manifest;
  for (const f of dataset.manifest.files) {
    if (f.role !== 'posts' || (f.format !== 'ndjson' && f.format !== 'json')) continue;
    const path = resolve(dataset.dir, f.path);
    const file = relative(root, path).split('\\').join(posix.sep);
    const found: Diagnostic[] = [];
    let more = 0;
    const look = (text: string, line: number): void => {
      let createdAt: unknown;
      try {
        createdAt = (JSON.parse(text) as { createdAt?: unknown }).createdAt;
      } catch {
        return;
      }
      if (typeof createdAt !== 'string') return;
      const time = instantOf(createdAt);
      if (time >= launch && time <= collected) return;
      if (found.length === SHOWN_PER_FILE) {
        more++;
        return;
      }
      found.push(
        diagnostic({
          file,
          start: { line, column: 1 },
          severity: 'warning',
          ruleId: time < launch ? 'date/before-platform' : 'date/after-collection',
          message:
            time < launch
              ? `Unexpected post time \`${createdAt}\` before ${platform} existed (${PLATFORM_LAUNCH[platform]}), expected a later date.`
              : `Unexpected post time \`${createdAt}\` after the data was collected (${collection.collectedAt}), expected an earlier date.`,
          actual: createdAt,
          hint: 'Check the importer\'s reading of the time (seconds or milliseconds, day and month); the post counts in no chart outside the case\'s period.',
        }),
      );
    };
    if (f.format === 'ndjson') await readLines(path, look);
    else await readArrayElements(path, (bytes, start, end, at) => look(bytes.toString('utf8', start, end), at.line));
    out.push(...found);
    if (more > 0) {
      out.push(
        diagnostic({
          file,
          start: found.at(-1)!.start,
          severity: 'warning',
          ruleId: 'date/post-time-summary',
          message: `Unexpected ${more} more post time${more === 1 ? '' : 's'} out of range after the first ${SHOWN_PER_FILE}, expected none.`,
        }),
      );
    }
  }
  return out;
}
