/**
 * The build: check everything, render the site into a staging folder, write the generated data
 * files, run the post-build stages on it, and only then swap it into `dist/`. Any failure leaves `dist/` as it was.
 * Effects (logging) are passed in so tests can run the build quietly.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkProject } from '../check/check-project.ts';
import { DiagnosticError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { moveInto, swapIntoPlace } from './swap.ts';
import { readVersion } from '../cite/version.ts';
import { startRender } from './render-thread.ts';
import { prepareSite } from '../site/prepare.ts';
import type { CheckResult } from '../check/checked.ts';
import type { Site } from '../site/types.ts';
import { writeGeneratedFiles, writeReleasedDatasets } from '../release/data-release.ts';
import type { Aggregation } from '../schema/index.ts';

/** Where astro.config.mjs and the page templates live: this package, whatever the content root. */
export const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface BuildOptions {
  /** The project's content root: the folder holding content/ and data/. */
  root: string;
  /** Final output folder; default `<root>/dist`. */
  outDir?: string;
  today: string;
  /** Base path and site URL for hosts that serve under a sub-path. */
  base?: string;
  site?: string;
  /** Print each report to a PDF edition, linked from the report (needs Chromium). */
  pdf?: boolean;
  /** Paper of the PDF edition; A4 unless Letter is asked for. */
  paper?: 'A4' | 'Letter';
  /** Record the built pages and finding ids in anchors.lock.json (`npm run lock`); a plain build only compares. */
  lock?: boolean;
  /** Include `status: draft` cases: preview builds only (`CASEFILE_DRAFTS=1`); never locks addresses. */
  drafts?: boolean;
  /** A fixed version label (`CASEFILE_VERSION`), in place of the Git commit. */
  version?: string;
  /** The Chromium that prints the PDF edition (`CHROMIUM_PATH`); Debian's package when not given. */
  chromium?: string;
  /** The engine every case's model is computed with, in place of the cases' own `aggregation:`. */
  aggregation?: Aggregation;
  /** The account `clickhouse` cases read with (`CASEFILE_CLICKHOUSE_USER`, `CASEFILE_CLICKHOUSE_PASSWORD`). */
  clickhouse?: { user?: string; password?: string };
}

export interface BuildEffects {
  log(line: string): void;
  /**
   * A full garbage collection, where the command line allows one (`--expose-gc` in package.json's scripts):
   * once the render has its own copy of the site, this thread sits idle while the pages render, and V8
   * collects an idle thread's heap only when it next allocates, so the site it let go would stay in memory
   * beside the render's copy (BENCHMARKS.md, "The render on its own thread").
   */
  collectGarbage?(): void;
}

/**
 * What a post-build stage may do beyond the staging folder: propose a file of the repository (the anchors
 * lock), by its path relative to the content root. The build returns the proposals; the caller writes them.
 */
export interface StageEffects extends BuildEffects {
  repositoryFile?(file: string, text: string): void;
}

/** A stage that inspects or completes the staged site (search index, anchors lock…). */
export type PostBuildStage = (staging: string, options: BuildOptions, effects: StageEffects) => Promise<Diagnostic[]>;

export interface BuildResult {
  diagnostics: Diagnostic[];
  /** Files of the repository the build would write (path relative to the content root → text): the caller writes them. */
  repositoryFiles: Map<string, string>;
}

export async function buildSite(
  options: BuildOptions,
  effects: BuildEffects,
  stages: readonly { name: string; run: PostBuildStage }[] = [],
): Promise<BuildResult> {
  const started = performance.now();
  const drafts = options.drafts ?? false;
  const repositoryFiles = new Map<string, string>();
  const stageEffects: StageEffects = { log: (line) => effects.log(line), repositoryFile: (file, text) => repositoryFiles.set(file, text) };
  const base = options.base ?? '/';
  const dist = options.outDir ?? path.join(options.root, 'dist');
  const staging = path.join(options.root, '.casefile', `staging-${process.pid}`);
  // The generated files and released datasets are written here while Astro renders, then moved into the
  // staged site. Into a folder of their own, as Astro empties the folder it renders into.
  const releasing = path.join(options.root, '.casefile', `release-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await rm(releasing, { recursive: true, force: true });
  await mkdir(releasing, { recursive: true });
  // Started before the check, so Astro bundles the pages on the other core while the check reads the data.
  const render = startRender({
    render: {
      root: options.root,
      base,
      ...(options.site ? { site: options.site } : {}),
      pdf: options.pdf ?? false,
      drafts,
      ...(options.version ? { version: options.version } : {}),
    },
    packageRoot,
    outDir: staging,
  });
  let datasetsWritten: Promise<number> | undefined;
  let rendering = true;
  try {
    let checked: CheckResult | undefined = await checkProject(options.root, {
      today: options.today,
      base,
      ...(options.site ? { site: options.site } : {}),
      // Drafts are built only for previews; a draft's mistakes are `npm run check`'s to report, not a reason to hold a correction back.
      drafts,
      ...(options.aggregation ? { aggregation: options.aggregation } : {}),
      ...(options.clickhouse ? { clickhouse: options.clickhouse } : {}),
    });
    const { diagnostics } = checked;
    const errors = diagnostics.filter((d) => d.severity === 'error');
    effects.log(`check     ${diagnostics.length === 0 ? 'no problems' : `${errors.length} errors, ${diagnostics.length - errors.length} warnings`} (${ms(started)})`);
    if (errors.length > 0) throw new DiagnosticError(diagnostics);
    let site: Site | undefined = prepareSite(checked, { version: readVersion(options.root, options.version) });
    // What the site needs of the check is in it; the rest can go while the pages render.
    checked = undefined;
    const renderStarted = performance.now();
    render.send(site);
    // Copying the datasets is the disk's work and rendering the pages the other thread's: a posts file of
    // gigabytes is copied while the pages render rather than after them (BENCHMARKS.md, "The report of a 10M-post case").
    datasetsWritten = writeReleasedDatasets(site, releasing);
    // Awaited below; a render that fails first must not leave this promise's failure unhandled.
    datasetsWritten.catch(() => {});
    // Written by this thread while the other renders.
    const written = writeGeneratedFiles(site, releasing);
    // The render has its own copy: this one can go, so the two threads do not hold the site twice while the pages render.
    site = undefined;
    effects.collectGarbage?.();
    const reused = await render.finished();
    rendering = false;
    // Reusing is the rule; a render that assembled the site again would cost a second check, and says so.
    effects.log(`render    ${ms(renderStarted)}${reused ? '' : ' (site assembled again)'}`);
    const releaseStarted = performance.now();
    const datasets = await datasetsWritten;
    await moveInto(releasing, staging);
    effects.log(`release   ${written} generated files, ${datasets} dataset files (${ms(releaseStarted)})`);
    for (const stage of stages) {
      const t = performance.now();
      const found = await stage.run(staging, options, stageEffects);
      effects.log(`${stage.name.padEnd(9)} ${ms(t)}`);
      if (found.some((d) => d.severity === 'error')) throw new DiagnosticError(found);
      diagnostics.push(...found);
    }
    await swapIntoPlace(staging, dist);
    effects.log(`built     ${path.relative(options.root, dist) || dist} in ${ms(started)}`);
    return { diagnostics, repositoryFiles };
  } finally {
    // A build stopped before its pages were written stops its render too.
    if (rendering) await render.cancel();
    // Astro's workers can still be closing files when a render fails: retry the removal, and never let a
    // failed clean-up replace the error that stopped the build.
    await rm(staging, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => {});
    // A copy still running would write into the folder as it is removed.
    await datasetsWritten?.catch(() => {});
    await rm(releasing, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => {});
  }
}

function ms(since: number): string {
  const t = performance.now() - since;
  return t < 1000 ? `${Math.round(t)} ms` : `${(t / 1000).toFixed(1)} s`;
}
