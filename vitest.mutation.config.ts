import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The tests StrykerJS runs against each mutant (`npm run mutation`): the unit project only. The site
 * and build projects run Astro builds that take minutes, too slow to repeat per mutant; the promises
 * they check are held by unit tests of the same modules. `scripts/mutation.mjs` narrows them to the
 * folder's own tests (CASEFILE_MUTATION_TESTS, comma-separated globs).
 */
const folderTests = process.env.CASEFILE_MUTATION_TESTS?.split(',');
/**
 * CASEFILE_MUTATION_SHARED=1 runs a mutant's test files in one module graph instead of one each (`isolate:
 * false`): importing the aggregation again for every test file was most of each mutant's time. Each mutant
 * run still starts a new worker, so code that runs on import is evaluated with the mutant switched on.
 */
const shared = process.env.CASEFILE_MUTATION_SHARED === '1';

export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    isolate: !shared,
    include: folderTests ?? ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'test/site/**', 'test/browser/**', 'test/build/**', 'test/import/**'],
  },
});
