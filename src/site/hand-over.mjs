// @ts-check
/**
 * The build checks and assembles the site before Astro renders it, and posts it to the render's thread
 * (src/build/render-thread.ts); the pages then take that very site rather than check and assemble it again.
 * Astro's bundle carries its own copy of every module of the project, so the thread's code and the pages
 * cannot share a module-level variable of a bundled file, and a process-wide global would let any code reach
 * the site. This one file is left out of both bundles (Astro's, by the plugin in src/build/astro-config.ts;
 * the thread's, by scripts/cli.mjs), so Node loads it once in the thread and both import the same instance.
 * It is plain JavaScript for Node to run as it is.
 *
 * The thread puts the site here (a promise of it, while the build is still checking) under a key of its own
 * and passes the key in the render's options (src/site/render-options.ts); the pages find nothing under any
 * other key and assemble the site themselves.
 */

/** @type {Map<string, { site: unknown; taken: boolean }>} */
const prepared = new Map();
let count = 0;

/**
 * Keeps `site` for the render; returns its key.
 * @param {unknown} site
 * @returns {string}
 */
export function handOver(site) {
  const key = `${process.pid}.${++count}`;
  prepared.set(key, { site, taken: false });
  return key;
}

/**
 * The site handed over under `key`, if any.
 * @param {string | undefined} key
 * @returns {unknown}
 */
export function takeOver(key) {
  const slot = key === undefined ? undefined : prepared.get(key);
  if (!slot) return undefined;
  slot.taken = true;
  return slot.site;
}

/**
 * Lets the site go once the render is done; says whether the render took it (the build's log tells).
 * @param {string} key
 * @returns {boolean}
 */
export function release(key) {
  const taken = prepared.get(key)?.taken ?? false;
  prepared.delete(key);
  return taken;
}
