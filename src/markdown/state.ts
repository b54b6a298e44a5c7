/** What the plugins of one render share: the context, the reporter, and the lists they fill in. */
import { createReporter, type Reporter } from './report.ts';
import { createTrustedSlots, type TrustedSlots } from './trusted-slots.ts';
import type { RenderContext, RenderResult } from './types.ts';

export type Collected = Omit<RenderResult, 'html' | 'diagnostics'>;

export interface RenderState {
  ctx: RenderContext;
  /** The Markdown body, to place citations found inside text nodes. */
  body: string;
  report: Reporter;
  collected: Collected;
  slots: TrustedSlots;
  /**
   * False in the check's parse-only pass (check.ts): every handler reports what it reports when rendering,
   * and stops before it draws a chart or builds an evidence card.
   */
  render: boolean;
  /** Ids of the charts asked for so far, so a second `::chart` of the same id is reported. */
  chartIds: Set<string>;
  /** Ids of the posts the page shows as evidence cards (`::post`), so tables can link to a card. */
  cardsOnPage?: ReadonlySet<string>;
  /** Set once `::coordination` has rendered: its tables and their ids appear once per page. */
  coordinationShown?: boolean;
}

/** The state of one pass over a body: `render` false for the check's pass, true for the page's. */
export function createRenderState(source: string, ctx: RenderContext, render: boolean): RenderState {
  return {
    ctx,
    body: source,
    report: createReporter(ctx.file, ctx.lineOffset, source),
    collected: emptyCollected(),
    slots: createTrustedSlots(),
    render,
    chartIds: new Set(),
  };
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
