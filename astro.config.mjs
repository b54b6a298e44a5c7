// @ts-check
import path from 'node:path';
import { defineConfig } from 'astro/config';
import { DEFAULT_SITE_URL } from './src/content/urls.ts';

const contentRoot = process.env.CASEFILE_ROOT ?? process.cwd();

// No request to Astro's servers from an editor's machine (update check, telemetry), and no "Astro x.y
// available" prompt in the preview's log: the project pins its Astro version.
process.env.ASTRO_DISABLE_UPDATE_CHECK ??= 'true';
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

/**
 * `astro dev` reloads the page when a dataset or any content file changes: neither is part of Astro's
 * module graph (Casefile reads them itself, not as content collections), and the site model is rebuilt
 * from disk when its inputs change.
 */
function reloadOnContent() {
  return {
    name: 'casefile-reload-on-content',
    /** @param {import('vite').ViteDevServer} server */
    configureServer(server) {
      const watched = [path.join(contentRoot, 'content'), path.join(contentRoot, 'data')];
      server.watcher.add(watched);
      const reload = (/** @type {string} */ file) => {
        if (watched.some((dir) => file.startsWith(dir))) server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('change', reload);
      server.watcher.on('add', reload);
      server.watcher.on('unlink', reload);
    },
  };
}

/**
 * Under `astro dev`, the data files of a case (`cases/<case>/data/<file>`, from endpoints whose file
 * name, extension included, is a route parameter) are only matched with a trailing slash while
 * `trailingSlash` is 'always' (withastro/astro#17001, fixed in Astro 6). Built sites serve them as
 * plain files; this adds the slash to such requests so the links on the pages work in dev too.
 */
function dataFilesInDev() {
  /** @type {import('vite').Connect.NextHandleFunction} */
  const addSlash = (req, _res, next) => {
    const [pathname, query] = (req.url ?? '').split(/(?=\?)/);
    if (pathname && /\/cases\/[^/]+\/data\/.*[^/]$/.test(pathname)) req.url = `${pathname}/${query ?? ''}`;
    next();
  };
  return {
    name: 'casefile-data-files-in-dev',
    /** @param {import('vite').ViteDevServer} server */
    configureServer(server) {
      // Astro puts its trailing-slash check first in the stack once the server is set up; this goes before it.
      return () => {
        server.middlewares.stack.unshift({ route: '', handle: addSlash });
      };
    },
  };
}

/** Tells the site layer it runs under `astro dev` (drafts shown, model rebuilt when inputs change). */
function devServerFlag() {
  return {
    name: 'casefile-dev-server-flag',
    hooks: {
      /** @param {{ command: string }} options */
      'astro:config:setup': ({ command }) => {
        process.env.CASEFILE_DEV_SERVER = command === 'dev' ? '1' : '';
      },
    },
  };
}

// `site` and `base` come from the environment so one build serves any host and sub-path:
//   CASEFILE_SITE=https://investigations.example.org CASEFILE_BASE=/reports npm run build
export default defineConfig({
  site: process.env.CASEFILE_SITE ?? DEFAULT_SITE_URL,
  base: process.env.CASEFILE_BASE ?? '/',
  trailingSlash: 'always',
  // Pages render while others are written to disk; more than one in flight keeps both cores busy.
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  output: 'static',
  // Pages are complete without JavaScript; nothing is prefetched from anywhere.
  prefetch: false,
  devToolbar: { enabled: false },
  integrations: [devServerFlag()],
  vite: { build: { assetsInlineLimit: 0 }, plugins: [reloadOnContent(), dataFilesInDev()] },
});
