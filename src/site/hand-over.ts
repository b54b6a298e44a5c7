/**
 * The build checks and assembles the site before Astro renders it, in the same process. Astro's bundle
 * carries its own copy of the site modules, so the assembled site is handed over through one global
 * slot, keyed by what it was assembled for; getSite() takes it only when the key matches.
 */
import type { Site } from './types.ts';

export interface HandOverKey {
  root: string;
  base: string;
  drafts: boolean;
}

const SLOT = Symbol.for('casefile.prepared-site');

type Slot = { key: string; site: Site };

function keyOf(key: HandOverKey): string {
  return JSON.stringify([key.root, key.base.endsWith('/') ? key.base : `${key.base}/`, key.drafts]);
}

export function handOver(site: Site, key: HandOverKey): void {
  (globalThis as Record<symbol, Slot | undefined>)[SLOT] = { key: keyOf(key), site };
}

export function takeOver(key: HandOverKey): Site | undefined {
  const slot = (globalThis as Record<symbol, Slot | undefined>)[SLOT];
  return slot && slot.key === keyOf(key) ? slot.site : undefined;
}
