// @ts-check
/**
 * `astro dev` and `astro preview` start here: the command's environment is the user's input, read once into
 * the options object src/build/astro-config.ts makes the configuration from. `npm run build` does not read
 * this file; it passes its own options (src/build/build-site.ts).
 *   CASEFILE_SITE=https://investigations.example.org CASEFILE_BASE=/reports npm run dev
 */
import { defineConfig } from 'astro/config';
import { astroConfig } from './src/build/astro-config.ts';

// No request to Astro's servers from an editor's machine (update check, telemetry), and no "Astro x.y
// available" prompt in the preview's log: the project pins its Astro version.
process.env.ASTRO_DISABLE_UPDATE_CHECK ??= 'true';
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

const env = process.env;
export default defineConfig(
  astroConfig({
    root: env.CASEFILE_ROOT ?? process.cwd(),
    base: env.CASEFILE_BASE || '/',
    ...(env.CASEFILE_SITE ? { site: env.CASEFILE_SITE } : {}),
    pdf: false,
    drafts: env.CASEFILE_DRAFTS === '1',
    ...(env.CASEFILE_VERSION?.trim() ? { version: env.CASEFILE_VERSION.trim() } : {}),
  }),
);
