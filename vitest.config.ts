import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Charts and timelines are labelled in explicit zones; pin the process zone so nothing leaks from the host.
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
