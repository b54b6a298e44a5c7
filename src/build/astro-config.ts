/**
 * The Astro configuration, made from one explicit options object (src/site/render-options.ts). The build
 * passes it to Astro's `build()` with no config file; under `astro dev` and `astro preview`, astro.config.mjs
 * makes it from the command's environment. The pages read the options as the module
 * `virtual:casefile/render-options`: Astro bundles the pages, so a value reaches them as code, and a virtual
 * module is Vite's own way to hand a bundle data made at build time. No environment variable is read below
 * the command line, so two builds in one process (tests, the benchmark) never see each other's settings.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroUserConfig } from 'astro';
import type { Connect, Plugin, ViteDevServer } from 'vite';
import { DEFAULT_SITE_URL } from '../content/urls.ts';
import type { RenderOptions } from '../site/render-options.ts';

const OPTIONS_MODULE = 'virtual:casefile/render-options';
/** The file the build and the render share one instance of (see its comment). */
const HAND_OVER = fileURLToPath(new URL('../site/hand-over.mjs', import.meta.url));

export function astroConfig(options: Omit<RenderOptions, 'devServer'>): AstroUserConfig {
  return {
    site: options.site ?? DEFAULT_SITE_URL,
    base: options.base,
    trailingSlash: 'always',
    // Pages render while others are written to disk; more than one in flight keeps both cores busy.
    build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
    output: 'static',
    // Pages are complete without JavaScript; nothing is prefetched from anywhere.
    prefetch: false,
    devToolbar: { enabled: false },
    integrations: [renderOptions(options)],
    vite: { build: { assetsInlineLimit: 0 }, plugins: [sharedHandOver(), reloadOnContent(options.root), dataFilesInDev()] },
  };
}

/** The options as `virtual:casefile/render-options`, with whether this is `astro dev`. */
function renderOptions(options: Omit<RenderOptions, 'devServer'>): AstroIntegration {
  return {
    name: 'casefile-render-options',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        const resolved: RenderOptions = { ...options, devServer: command === 'dev' };
        const id = `\0${OPTIONS_MODULE}`;
        const plugin: Plugin = {
          name: 'casefile-render-options',
          resolveId: (source) => (source === OPTIONS_MODULE ? id : undefined),
          load: (loaded) => (loaded === id ? `export default ${JSON.stringify(resolved)};` : undefined),
        };
        updateConfig({ vite: { plugins: [plugin] } });
      },
    },
  };
}

/** In a build, the pages import src/site/hand-over.mjs from its file rather than a copy in their bundle. */
function sharedHandOver(): Plugin {
  return {
    name: 'casefile-shared-hand-over',
    apply: 'build',
    // Before Vite's own resolver, which would hand the file to the bundle.
    enforce: 'pre',
    resolveId(source, importer) {
      if (!source.endsWith('hand-over.mjs') || !importer) return undefined;
      const resolved = path.resolve(path.dirname(importer), source);
      return resolved === HAND_OVER ? { id: pathToFileURL(HAND_OVER).href, external: 'absolute' } : undefined;
    },
  };
}

/**
 * `astro dev` reloads the page when a dataset or any content file changes: neither is part of Astro's
 * module graph (Casefile reads them itself, not as content collections), and the site model is rebuilt
 * from disk when its inputs change.
 */
function reloadOnContent(contentRoot: string): Plugin {
  return {
    name: 'casefile-reload-on-content',
    configureServer(server: ViteDevServer) {
      const watched = [path.join(contentRoot, 'content'), path.join(contentRoot, 'data')];
      server.watcher.add(watched);
      const reload = (file: string) => {
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
function dataFilesInDev(): Plugin {
  const addSlash: Connect.NextHandleFunction = (req, _res, next) => {
    const [pathname, query] = (req.url ?? '').split(/(?=\?)/);
    if (pathname && /\/cases\/[^/]+\/data\/.*[^/]$/.test(pathname)) req.url = `${pathname}/${query ?? ''}`;
    next();
  };
  return {
    name: 'casefile-data-files-in-dev',
    configureServer(server: ViteDevServer) {
      // Astro puts its trailing-slash check first in the stack once the server is set up; this goes before it.
      return () => {
        server.middlewares.stack.unshift({ route: '', handle: addSlash });
      };
    },
  };
}
