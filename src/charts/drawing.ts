/**
 * Observable Plot and the document charts are drawn into (linkedom), for the modules that draw. Loading
 * the two is about half of what `npm run check` spends starting, and the check never draws: it resolves
 * each chart against the model and stops (`Built` in kind.ts). So they are loaded by importing
 * `./drawing-libraries.ts`, which what renders does (`markdown/render.ts`, `site/model-charts.ts`) and the
 * check does not.
 */
import type * as PlotModule from '@observablehq/plot';

let plotModule: typeof PlotModule | undefined;
let chartDocument: Document | undefined;

/** Called once by drawing-libraries.ts. */
export function provideDrawing(plot: typeof PlotModule, document: Document): void {
  plotModule = plot;
  chartDocument = document;
}

function notLoaded(): Error {
  return new Error('Charts are drawn only where src/charts/drawing-libraries.ts is imported; the check never draws.');
}

/** Observable Plot, once loaded. */
export const Plot = new Proxy({} as typeof PlotModule, {
  get(_, name) {
    if (!plotModule) throw notLoaded();
    return plotModule[name as keyof typeof PlotModule];
  },
});

/** One document for every chart of a build: Plot only needs it to create elements. */
export function drawingDocument(): Document {
  if (!chartDocument) throw notLoaded();
  return chartDocument;
}
