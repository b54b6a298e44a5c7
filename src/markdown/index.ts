/** Case and dossier bodies: our Markdown pipeline, and the pre-pass that tells aggregation what the text needs. */
export { renderMarkdown } from './render.ts';
export { collectDataRequests, collectFromTree, type DataRequests } from './collect.ts';
export { checkMarkdown } from './check.ts';
export { parseMarkdown } from './parse.ts';
export { figureAnchor } from './figure-format.ts';
export { chartId, chartKinds, type ChartKind, type ChartSpec } from './chart-parse.ts';
export type { CheckedProse, RenderContext, RenderResult, RenderedFigure } from './types.ts';
