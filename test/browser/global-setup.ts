/**
 * Builds what the browser suite loads, one after another: the example under a base path (so the
 * server and every URL are exercised with it) and the hostile project.
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
  prepareRtlProject,
  TODAY,
  type SiteBuild,
} from '../site/site-builds.ts';
import { copyExample } from '../support/example-project.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    browserSites: { example: SiteBuild; hostile: SiteBuild; rtl: SiteBuild };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const out = await outputFolder();
  const hostileRoot = await prepareHostileProject();
  // The example alone: cases an editor adds beside it are not this suite's to load.
  const exampleRoot = await copyExample();
  const rtlRoot = await prepareRtlProject();
  const rtl = path.join(out, 'rtl');
  const example = path.join(out, 'example');
  const hostile = path.join(out, 'hostile');
  const exampleError = await build(exampleOptions(exampleRoot, example, { base: EXAMPLE_BASE, site: EXAMPLE_SITE }));
  const hostileError = await build({ root: hostileRoot, outDir: hostile, today: TODAY });
  const rtlError = await build({ root: rtlRoot, outDir: rtl, today: TODAY });
  project.provide('browserSites', {
    example: { dir: example, base: EXAMPLE_BASE, site: EXAMPLE_SITE, ...(exampleError ? { error: exampleError } : {}) },
    hostile: { dir: hostile, base: '/', ...(hostileError ? { error: hostileError } : {}) },
    rtl: { dir: rtl, base: '/', ...(rtlError ? { error: rtlError } : {}) },
  });
  return async () => {
    await rm(out, { recursive: true, force: true });
    await rm(hostileRoot, { recursive: true, force: true });
    await rm(exampleRoot, { recursive: true, force: true });
    await rm(rtlRoot, { recursive: true, force: true });
  };
}
