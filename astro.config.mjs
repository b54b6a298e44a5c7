// @ts-check
import { defineConfig } from 'astro/config';

// `site` and `base` come from the environment so one build serves any host and sub-path:
//   CASEFILE_SITE=https://investigations.example.org CASEFILE_BASE=/reports npm run build
export default defineConfig({
  site: process.env.CASEFILE_SITE ?? 'https://casefile.example.org',
  base: process.env.CASEFILE_BASE ?? '/',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  output: 'static',
  // Pages are complete without JavaScript; nothing is prefetched from anywhere.
  prefetch: false,
  devToolbar: { enabled: false },
  vite: { build: { assetsInlineLimit: 0 } },
});
