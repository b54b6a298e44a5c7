// @ts-check
/**
 * The entry of the render's thread (src/build/render-thread.ts). A thread loads its entry with Node alone,
 * which cannot run TypeScript, whoever started it (the command line's bundle, tsx, the test runner); so,
 * as the command line does, the thread's own module is bundled once with esbuild by scripts/cli.mjs, kept
 * until one of its sources changes, and imported from there. Plain JavaScript, for Node to run as it is.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { bundle, freshBundle } from '../../scripts/cli.mjs';

const entry = fileURLToPath(new URL('./render-astro.ts', import.meta.url));
const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/casefile', import.meta.url));
if (!parentPort) throw new Error('src/build/render-worker.mjs runs as a worker thread.');
process.setSourceMapsEnabled(true);
const file = freshBundle(entry, cacheDir) ?? (await bundle(entry, cacheDir));
/** @type {{ renderInThread(job: unknown, port: import('node:worker_threads').MessagePort): Promise<void> }} */
const module = await import(pathToFileURL(file).href);
await module.renderInThread(workerData, parentPort);
