import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The tests StrykerJS runs against each mutant (`npm run mutation`): the unit project only. The site
 * and build projects run Astro builds that take minutes, too slow to repeat per mutant; the promises
 * they check are held by unit tests of the same modules. `scripts/mutation.mjs` narrows them to the
 * folder's own tests (CASEFILE_MUTATION_TESTS, comma-separated globs).
 */
const folderTests = process.env.CASEFILE_MUTATION_TESTS?.split(',');

export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    include: folderTests ?? ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'test/site/**', 'test/browser/**', 'test/build/**', 'test/import/**'],
  },
});
