/**
 * The render, as it runs on its own thread (src/build/render-thread.ts starts it): Astro's `build()` of the
 * pages, from a site the build posts once it has checked and assembled it. Astro bundles the pages first,
 * which takes as long for ten pages as for ten thousand and needs no site: started with the check, that
 * work is done by the time the site arrives.
 */
import type { MessagePort } from 'node:worker_threads';
import path from 'node:path';
import { handOver, release } from '../site/hand-over.mjs';
import { DiagnosticError } from '../diagnostics/diagnostic.ts';
import { astroConfig } from './astro-config.ts';
import type { RenderJob, RenderReply } from './render-thread.ts';

/** Renders `job` with Astro once the site comes through `port`; answers with one reply, then closes. */
export async function renderInThread(job: RenderJob, port: MessagePort): Promise<void> {
  const site = new Promise((resolve) => port.once('message', resolve));
  // The pages take the site through the hand-over (src/site/site.ts) and wait for it there.
  const key = handOver(site);
  let reply: RenderReply;
  try {
    const { build } = await import('astro');
    await build({
      ...astroConfig({ ...job.render, handOver: key }),
      // The options above are the whole configuration: astro.config.mjs is the command line's `astro dev`.
      configFile: false,
      root: job.packageRoot,
      outDir: job.outDir,
      // Astro's caches (content data store, optimised modules) belong to the content being built, so two
      // builds of different projects on one machine never share them.
      cacheDir: path.join(job.render.root, '.casefile', 'astro-cache'),
      logLevel: 'warn',
      mode: 'production',
    });
    reply = { done: true, reused: release(key) };
  } catch (error) {
    release(key);
    reply = { done: false, error: errorReply(error) };
  }
  port.postMessage(reply);
  port.close();
}

/** An error as data that crosses the thread: a DiagnosticError keeps its diagnostics. */
function errorReply(error: unknown): Extract<RenderReply, { done: false }>['error'] {
  if (error instanceof DiagnosticError) return { message: error.message, diagnostics: error.diagnostics };
  if (error instanceof Error) return { message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  return { message: String(error) };
}
