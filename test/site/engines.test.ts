/**
 * The example built with its model computed by an engine is the example built in process, byte for byte:
 * every page, chart, data file and checksum (issue 20: equality is the test). DuckDB reads the files the
 * manifests pin, so nothing differs at all; ClickHouse counts a table the repository does not hold, so the
 * methodology pages add one section saying where (server, table, rows, content hash, query), and that
 * section is the only difference.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import { compareTrees, firstDifference, formatProblems, type Problem } from './gates.ts';
import { hashTree, listSiteFiles } from './site-files.ts';

const builds = inject('siteBuilds');

/** The ClickHouse build's provenance section, as the methodology page writes it. */
const ENGINE_SECTION = /<section id="engine" aria-labelledby="engine-heading">[\s\S]*?<\/section>/;

async function differences(a: string, b: string, same: (file: string, a: string, b: string) => boolean = (_, x, y) => x === y): Promise<string> {
  const problems: Problem[] = [];
  for (const p of compareTrees(await hashTree(a), await hashTree(b))) {
    if (p.message.startsWith('differs') && /\.html$/.test(p.file)) {
      const [x, y] = await Promise.all([readFile(path.join(a, p.file), 'utf8'), readFile(path.join(b, p.file), 'utf8')]);
      if (same(p.file, x, y)) continue;
    }
    problems.push(p);
  }
  const details = await Promise.all(
    problems
      .filter((p) => p.message.startsWith('differs') && /\.(html|xml|json|csv|css|txt|svg)$/.test(p.file))
      .slice(0, 5)
      .map(async (p) => `${p.file} ${firstDifference(await readFile(path.join(a, p.file), 'utf8'), await readFile(path.join(b, p.file), 'utf8'))}`),
  );
  return problems.length === 0 ? '' : `the builds differ:\n${formatProblems(problems)}\n${details.join('\n')}`;
}

describe('the example built with engine duckdb', () => {
  it('builds', () => {
    expect(builds.exampleDuckdb.error).toBeUndefined();
  });

  it('gives the same files, byte for byte, as the in-process build', async () => {
    expect(await differences(builds.exampleA.dir, builds.exampleDuckdb.dir)).toBe('');
    // The comparison covers what DuckDB's model feeds: the coordination the example plants, and its timelines.
    const tree = await hashTree(builds.exampleDuckdb.dir);
    expect([...tree.keys()]).toEqual(expect.arrayContaining(['cases/new-caledonia-2024/data/coordination/clusters.csv', 'cases/new-caledonia-2024/index.html']));
  });
});

describe('the example built with engine clickhouse, on a two-shard cluster', () => {
  const methodology = (dir: string) => readFile(path.join(dir, 'cases/new-caledonia-2024/methodology/index.html'), 'utf8');

  it('builds', () => {
    expect(builds.exampleClickhouse.error).toBeUndefined();
  });

  it('gives the same files, byte for byte, as the in-process build, but for the provenance section of the methodology pages', async () => {
    const withoutSection = (file: string, inProcess: string, clickhouse: string) => /methodology\/index\.html$/.test(file) && clickhouse.replace(ENGINE_SECTION, '') === inProcess;
    expect(await differences(builds.exampleA.dir, builds.exampleClickhouse.dir, withoutSection)).toBe('');
    expect((await hashTree(builds.exampleClickhouse.dir)).has('cases/new-caledonia-2024/data/coordination/clusters.csv')).toBe(true);
  });

  it('the methodology page says where the posts were counted: server, table, version, rows, the content hash and its query', async () => {
    const { document } = parseHTML(await methodology(builds.exampleClickhouse.dir));
    const section = document.querySelector('section#engine');
    expect(section).not.toBeNull();
    expect(section!.querySelector('h2')!.textContent).toBe('Where the posts were counted');
    const facts = Object.fromEntries([...section!.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent!.trim()]));
    expect(facts).toMatchObject({
      Server: expect.stringMatching(/^http:\/\/127\.0\.0\.1:4441\/ \(ClickHouse \d+\.\d+/),
      Table: 'example_posts',
      'Rows counted': '1,611',
      'Content hash': expect.stringMatching(/^cityhash64-sum:[0-9a-f]{16}$/),
      Query: expect.stringContaining('FROM example_posts'),
    });
    // The in-process build counted the repository's files: it has no such section.
    expect(await methodology(builds.exampleA.dir)).not.toMatch(ENGINE_SECTION);
  });

  it('no file of the site holds the password the build read with', async () => {
    const { dir, secret } = builds.exampleClickhouse;
    expect(secret).toMatch(/^[\w-]{16}$/);
    for (const file of await listSiteFiles(dir)) {
      expect((await readFile(path.join(dir, file))).includes(secret!), file).toBe(false);
    }
  });
});
