/**
 * The render on a thread of its own. The build starts it before the check: Astro bundles the pages (the same
 * work for ten pages or ten thousand) on the machine's other core while the
 * check reads the data, and renders them once the build posts the site. The site crosses as plain data
 * (src/site/types.ts holds it to `structuredClone`); the thread's heap holds the pages' work, apart from the
 * check's.
 */
import { Worker } from 'node:worker_threads';
import { DiagnosticError, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { RenderOptions } from '../site/render-options.ts';
import type { Site } from '../site/types.ts';

/** What the thread is told when it starts: everything but the site. */
export interface RenderJob {
  render: Omit<RenderOptions, 'devServer' | 'handOver'>;
  /** Where astro's pages and components live (this package). */
  packageRoot: string;
  /** The folder Astro renders into (it empties it first). */
  outDir: string;
}

/** The thread's one answer. */
export type RenderReply =
  | { done: true; reused: boolean }
  | { done: false; error: { message: string; stack?: string; diagnostics?: Diagnostic[] } };

export interface Render {
  /** Hands the checked and assembled site over; the pages are made from it. */
  send(site: Site): void;
  /** Resolves once every page is written, with whether the pages took the site sent (rather than assemble their own). */
  finished(): Promise<boolean>;
  /** Stops the render (the check failed); resolves once the thread has stopped. */
  cancel(): Promise<void>;
}

export function startRender(job: RenderJob): Render {
  const worker = new Worker(new URL('./render-worker.mjs', import.meta.url), { workerData: job });
  let cancelled = false;
  const finished = new Promise<boolean>((resolve, reject) => {
    worker.once('message', (reply: RenderReply) => {
      // The thread ends by itself once its work is done; the build's process need not wait for that.
      worker.unref();
      if (reply.done) resolve(reply.reused);
      else reject(replyError(reply.error));
    });
    worker.once('error', reject);
    // After a reply or an error this settles nothing; without either, the thread stopped short.
    worker.once('exit', (code) => reject(new Error(cancelled ? 'The render was cancelled.' : `The render's thread stopped (exit code ${code}) before the pages were written.`)));
  });
  // Awaited through finished(); a build stopped by its check never asks.
  finished.catch(() => {});
  return {
    send: (site) => worker.postMessage(site),
    finished: () => finished,
    cancel: async () => {
      cancelled = true;
      await worker.terminate();
    },
  };
}

function replyError(error: Extract<RenderReply, { done: false }>['error']): Error {
  if (error.diagnostics) return new DiagnosticError(error.diagnostics);
  const rebuilt = new Error(error.message);
  if (error.stack) rebuilt.stack = error.stack;
  return rebuilt;
}
