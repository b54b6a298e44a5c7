/** What the plugins of one render share: the context, the reporter, and the lists they fill in. */
import type { Reporter } from './report.ts';
import type { TrustedSlots } from './trusted-slots.ts';
import type { RenderContext, RenderResult } from './types.ts';

export type Collected = Omit<RenderResult, 'html' | 'diagnostics'>;

export interface RenderState {
  ctx: RenderContext;
  /** The Markdown body, to place citations found inside text nodes. */
  body: string;
  report: Reporter;
  collected: Collected;
  slots: TrustedSlots;
}

export function emptyCollected(): Collected {
  return {
    headings: [],
    findings: [],
    notes: [],
    charts: [],
    figures: [],
    accountsReferenced: [],
    entitiesReferenced: [],
    postsReferenced: [],
  };
}

/** Append to a list of referenced ids once, keeping first-use order. */
export function addOnce(list: string[], id: string): void {
  if (!list.includes(id)) list.push(id);
}
