/**
 * `npm run test:browser`: the built example and hostile sites in Debian's Chromium, driven by playwright-core.
 * One browser, pages in sequence: the suite is a single file so nothing runs in parallel.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'browser',
    include: ['test/browser/**/*.test.ts'],
    env: { TZ: 'UTC' },
    globalSetup: ['test/browser/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 900_000,
  },
});
