import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Charts and timelines are labelled in explicit zones; pin the process zone so nothing leaks from the host.
    // Builds run in the test process: no telemetry to Astro's servers from them.
    env: { TZ: 'UTC', ASTRO_TELEMETRY_DISABLED: '1' },
    // The build hands its site to the Astro render through one module instance (src/site/hand-over.mjs):
    // Node loads that file for both, as it does outside the tests.
    server: { deps: { external: [/\/src\/site\/hand-over\.mjs$/] } },
    testTimeout: 60_000,
    hookTimeout: 300_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/site/**', 'test/browser/**', 'test/build/**', 'test/import/**', 'test/i18n/**'],
        },
      },
      {
        // Tests that run Astro builds in this process, one file at a time.
        extends: true,
        test: {
          name: 'builds',
          include: ['test/build/**/*.test.ts', 'test/import/**/*.test.ts', 'test/i18n/**/*.test.ts'],
          fileParallelism: false,
        },
      },
      {
        // Its own project so the global setup (four Astro builds) runs only when a site gate is selected.
        extends: true,
        test: {
          name: 'site',
          include: ['test/site/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          // The builds take minutes; each gate then reads files only.
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
