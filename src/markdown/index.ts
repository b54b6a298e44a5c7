/** Case and dossier bodies: our Markdown pipeline, and the pre-pass that tells aggregation what the text needs. */
export { renderMarkdown } from './render.ts';
export { collectDataRequests } from './collect.ts';
export { figureAnchor } from './figure-format.ts';
export { chartId, chartKinds, type ChartKind, type ChartSpec } from './chart-parse.ts';
export type { RenderContext, RenderResult, RenderedFigure } from './types.ts';
