/**
 * The example built with its model computed by DuckDB is the example built in process, byte for byte:
 * every page, chart, data file and checksum (issue 20: equality is the test).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { compareTrees, firstDifference, formatProblems } from './gates.ts';
import { hashTree } from './site-files.ts';

const builds = inject('siteBuilds');

describe('the example built with engine duckdb', () => {
  it('builds', () => {
    expect(builds.exampleDuckdb.error).toBeUndefined();
  });

  it('gives the same files, byte for byte, as the in-process build', async () => {
    const [a, b] = [builds.exampleA.dir, builds.exampleDuckdb.dir];
    const problems = compareTrees(await hashTree(a), await hashTree(b));
    const details = await Promise.all(
      problems
        .filter((p) => p.message.startsWith('differs') && /\.(html|xml|json|csv|css|txt|svg)$/.test(p.file))
        .slice(0, 5)
        .map(async (p) => `${p.file} ${firstDifference(await readFile(path.join(a, p.file), 'utf8'), await readFile(path.join(b, p.file), 'utf8'))}`),
    );
    expect(problems, `the builds differ:\n${formatProblems(problems)}\n${details.join('\n')}`).toEqual([]);
    // The comparison covers what DuckDB's model feeds: the coordination the example plants, and its timelines.
    const tree = await hashTree(b);
    expect([...tree.keys()]).toEqual(expect.arrayContaining(['cases/new-caledonia-2024/data/coordination/clusters.csv', 'cases/new-caledonia-2024/index.html']));
  });
});
