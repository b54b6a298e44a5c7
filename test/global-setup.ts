/**
 * Builds the sites the gates in test/site/ inspect, one after another, and shares where they are
 * through `provide`: the example twice (determinism), once with its model computed by DuckDB, the example under a base path, and the hostile project.
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
