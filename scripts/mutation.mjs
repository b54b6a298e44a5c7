/**
 * `npm run mutation -- <folder> [--mutate <files>] [--concurrency <n>] [--force] [--dry-run]`: StrykerJS on one of the
 * folders that carry the report's promises (MUTATION.md), each mutant tested by that folder's own unit
 * tests only. Whole-project tests elsewhere check the same promises end to end, but repeating them for
 * every mutant costs hours on two cores; a folder's promises are held by its own tests.
 *
 * Runs are incremental (reports/mutation/<folder>.incremental.json): a rerun tests only the mutants whose
 * code or covering tests changed. `--force` tests every mutant again; `--dry-run` only times the tests. Without a folder, every folder in turn.
 *
 * `--sample <n> [--seed <s>]` tests a seeded random sample of n of the folder's mutants and prints the score
 * estimated from it with its 95 % interval (scripts/mutation-sample.mjs), for a folder too big to run whole in
 * the time there is. Its results are kept apart (reports/mutation/<folder>.sample-<s>.*).
 */
import { Stryker } from '@stryker-mutator/core';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { keyOf } from './mutation-keys.mjs';
import { listMutants, rangeOf, sample, wilson } from './mutation-sample.mjs';

/** Each folder: the code it mutates and the tests that hold its promises. */
export const FOLDERS = {
  check: {
    mutate: ['src/check/**/*.ts'],
    tests: ['src/check/**/*.test.ts'],
  },
  release: {
    // What the release holds is made in the site stage (release-files.ts, coordination.ts) and written here.
    mutate: ['src/release/**/*.ts', 'src/site/release-files.ts', 'src/site/coordination.ts'],
    // Not data-release.site.test.ts: it checks two whole projects before its first test (20 s a mutant).
    tests: ['src/release/data-release.test.ts', 'src/site/coordination.test.ts'],
  },
  markdown: {
    mutate: ['src/markdown/figure*.ts', 'src/markdown/citations.ts'],
    tests: ['src/markdown/figure*.test.ts', 'src/markdown/citations.test.ts'],
  },
  'normalise-post': {
    mutate: ['src/ingest/normalise-post.ts'],
    tests: ['src/ingest/normalise-post.test.ts'],
  },
  aggregate: {
    mutate: ['src/aggregate/**/*.ts'],
    tests: ['src/aggregate/**/*.test.ts'],
    // Its tests keep no state between files, so they share one module graph per mutant (vitest.mutation.config.ts).
    shared: true,
  },
};

function parse(argv) {
  const options = { folders: [], mutate: undefined, concurrency: 1, force: false, dryRunOnly: false, sample: undefined, seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--mutate') options.mutate = argv[++i].split(',');
    else if (arg === '--concurrency') options.concurrency = Number(argv[++i]);
    else if (arg === '--force') options.force = true;
    else if (arg === '--dry-run') options.dryRunOnly = true;
    else if (arg === '--sample') options.sample = Number(argv[++i]);
    else if (arg === '--seed') options.seed = Number(argv[++i]);
    else if (arg in FOLDERS) options.folders.push(arg);
    else throw new Error(`Unknown argument ${arg}: expected one of ${Object.keys(FOLDERS).join(', ')}, --mutate, --concurrency, --force, --dry-run, --sample, --seed`);
  }
  if (options.folders.length === 0) options.folders = Object.keys(FOLDERS);
  return options;
}

const options = parse(process.argv.slice(2));
let failed = false;
for (const folder of options.folders) {
  const { mutate, tests, shared = false } = FOLDERS[folder];
  // The folder's tests reach vitest through its config (vitest.mutation.config.ts), not Stryker's `testFiles`:
  // with `testFiles`, StrykerJS 9.6 runs a mutant of code that runs when its module is imported (a constant,
  // a column list) with the mutant switched on only after the import, so no test could ever kill it.
  process.env.CASEFILE_MUTATION_TESTS = tests.join(',');
  process.env.CASEFILE_MUTATION_SHARED = shared ? '1' : '0';
  const patterns = [...(options.mutate ?? mutate), '!src/**/*.test.ts', '!src/**/*.test-fixture.ts'];
  const drawn = options.sample === undefined ? undefined : sample(await listMutants(patterns), options.sample, options.seed);
  const name = drawn ? `${folder}.sample-${options.seed}` : folder;
  await mkdir('reports/mutation', { recursive: true });
  // A sampled run keeps each mutant's status as it is tested: a run stopped half-way resumes where it stopped.
  const progressFile = `reports/mutation/${name}.progress.jsonl`;
  const done = new Map();
  if (drawn && !options.force) {
    const lines = await readFile(progressFile, 'utf8').catch(() => '');
    for (const line of lines.split('\n').filter(Boolean)) {
      const { key, status } = JSON.parse(line);
      done.set(key, status);
    }
  }
  if (drawn && options.force) await writeFile(progressFile, '');
  const pending = drawn?.filter((m) => !done.has(keyOf(m)));
  process.env.CASEFILE_MUTATION_PROGRESS = drawn ? progressFile : '';
  // The drawn mutants, for the ignorer that leaves out the mutants nested inside them (mutation-nested.mjs).
  const drawnFile = `reports/mutation/${name}.drawn.json`;
  if (drawn) await writeFile(drawnFile, JSON.stringify(drawn.map(({ file, location }) => ({ file, location }))));
  process.env.CASEFILE_MUTATION_DRAWN = drawn ? drawnFile : '';
  // A narrower `--mutate` (for example `src/check/hashes.ts:20-40`) keeps this folder's tests and report.
  const tested =
    pending?.length === 0
      ? []
      : await new Stryker({
          mutate: pending ? pending.map(rangeOf) : patterns,
          concurrency: options.concurrency,
          incremental: !drawn,
          incrementalFile: `reports/mutation/${name}.incremental.json`,
          force: options.force,
          dryRunOnly: options.dryRunOnly,
          jsonReporter: { fileName: `reports/mutation/${name}.json` },
          appendPlugins: ['./mutation-progress.mjs', './mutation-nested.mjs'].map((p) => fileURLToPath(new URL(p, import.meta.url))),
          ignorers: drawn ? ['casefile-nested'] : [],
          reporters: ['clear-text', 'progress', 'json', ...(drawn ? ['casefile-progress'] : [])],
        }).runMutationTest();
  // Other mutants at a drawn one's node (another mutator, or nested ones holding a drawn one) ran too, but only the drawn ones count.
  for (const r of tested) done.set(keyOf(r, 1), r.status);
  const results = drawn ? drawn.map((m) => ({ key: keyOf(m), status: done.get(keyOf(m)) })) : tested.map((r) => ({ key: keyOf(r, 1), status: r.status }));
  if (results.some((r) => r.status === undefined)) {
    throw new Error(`Unexpected sampled mutants without a result (${results.filter((r) => r.status === undefined).length}): the code changed while it ran, or the ranges missed a mutant.`);
  }
  const count = (...statuses) => results.filter((r) => statuses.includes(r.status)).length;
  const detected = count('Killed', 'Timeout');
  const valid = detected + count('Survived', 'NoCoverage');
  console.log(
    `${folder}: ${results.length} mutants, ${count('Killed')} killed, ${count('Timeout')} timed out, ` +
      `${count('Survived')} survived, ${count('NoCoverage')} without coverage, ` +
      `score ${valid ? ((100 * detected) / valid).toFixed(2) : '—'} %`,
  );
  if (drawn) {
    const { low, high } = wilson(detected, valid);
    console.log(`${folder}: sample of ${drawn.length} (seed ${options.seed}), score estimated ${((100 * detected) / valid).toFixed(2)} %, 95 % interval ${(100 * low).toFixed(1)}–${(100 * high).toFixed(1)} %`);
    const byFile = {};
    for (const r of results) (byFile[r.key.split(':')[0]] ??= []).push(r);
    const survivors = results.filter((r) => r.status === 'Survived' || r.status === 'NoCoverage').map((r) => `${r.key} (${r.status})`);
    await writeFile(`reports/mutation/${name}.summary.json`, JSON.stringify({ folder, seed: options.seed, size: drawn.length, detected, valid, low, high,
      files: Object.fromEntries(Object.entries(byFile).map(([file, rs]) => [file, { mutants: rs.length, detected: rs.filter((r) => r.status === 'Killed' || r.status === 'Timeout').length }])), survivors }, null, 2));
  }
  if (valid && detected / valid < 0.8) failed = true;
}
process.exitCode = failed ? 1 : 0;
