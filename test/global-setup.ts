/**
 * Builds the sites the gates in test/site/ inspect, one after another, and shares where they are
 * through `provide`: the example twice (determinism), once with its model computed by DuckDB and once by a
 * two-shard ClickHouse cluster on localhost, the example under a base path, and the hostile project.
 * The example is built from a copy of it alone, so cases an editor adds beside it never reach these builds.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import {
  build,
  EXAMPLE_BASE,
  EXAMPLE_SITE,
  exampleOptions,
  outputFolder,
  prepareHostileProject,
  TODAY,
  type SiteBuild,
  type SiteBuilds,
} from './site/site-builds.ts';
import { copyExample } from './support/example-project.ts';
import { startClickHouseCluster } from './engines/clickhouse-cluster.ts';
import { createPostsTable } from './engines/clickhouse-posts.ts';
import { examplePosts } from './fixtures/engines/inputs.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteBuilds: SiteBuilds;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const out = await outputFolder();
  const hostileRoot = await prepareHostileProject();
  const exampleRoot = await copyExample();
  const run = async (dir: string, options: Parameters<typeof build>[0], base = '/'): Promise<SiteBuild> => {
    const error = await build(options);
    return { dir, base, ...(options.site ? { site: options.site } : {}), ...(error ? { error } : {}) };
  };
  const a = path.join(out, 'example-a');
  const b = path.join(out, 'example-b');
  const based = path.join(out, 'example-base');
  const hostile = path.join(out, 'hostile');
  const duckdb = path.join(out, 'example-duckdb');
  const builds: SiteBuilds = {
    exampleA: await run(a, exampleOptions(exampleRoot, a)),
    exampleB: await run(b, exampleOptions(exampleRoot, b)),
    exampleDuckdb: await run(duckdb, exampleOptions(exampleRoot, duckdb, { aggregation: { engine: 'duckdb' } })),
    exampleClickhouse: await clickhouseBuild(path.join(out, 'example-clickhouse'), exampleRoot, run),
    exampleBase: await run(based, exampleOptions(exampleRoot, based, { base: EXAMPLE_BASE, site: EXAMPLE_SITE }), EXAMPLE_BASE),
    hostile: await run(hostile, { root: hostileRoot, outDir: hostile, today: TODAY }),
    hostileRoot,
    exampleRoot,
  };
  project.provide('siteBuilds', builds);
  return async () => {
    await rm(out, { recursive: true, force: true });
    await rm(hostileRoot, { recursive: true, force: true });
    await rm(exampleRoot, { recursive: true, force: true });
  };
}

/**
 * The example built with its model computed by ClickHouse: two servers on localhost (ports 4441-4446, away
 * from the engine tests' 4431-4436, which may run at the same time), the example's posts in a Distributed
 * table over both, read with the cluster's read-only account as a researcher's build would. CI installs
 * clickhouse-server (.ci/run): without it this build fails, and so does its gate.
 */
async function clickhouseBuild(dir: string, exampleRoot: string, run: (dir: string, options: Parameters<typeof build>[0]) => Promise<SiteBuild>): Promise<SiteBuild> {
  let cluster;
  try {
    cluster = await startClickHouseCluster({ basePort: 4441 });
    await createPostsTable(cluster, 'example_posts', [{ ...examplePosts, path: path.join(exampleRoot, examplePosts.file) }]);
  } catch (error) {
    await cluster?.stop();
    return { dir, base: '/', error: `the ClickHouse cluster did not start: ${(error as Error).message}` };
  }
  try {
    const options = exampleOptions(exampleRoot, dir, { aggregation: { engine: 'clickhouse', url: cluster.shards[0].url, table: 'example_posts', timeout: 600 }, clickhouse: cluster.reader });
    return { ...(await run(dir, options)), secret: cluster.reader.password };
  } finally {
    await cluster.stop();
  }
}
