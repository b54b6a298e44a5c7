import type { LayoutName } from './theme.ts';

/** The plotted numbers as a table: what a reader without the picture gets. */
export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
  /** Says how the rows summarise the plotted numbers when there are too many to list in a page. */
  note?: string;
}

/** A chart rendered at build time: the picture, its words, and its numbers. */
export interface ChartOutput {
  /**
   * Inline `<svg role="img">` per layout, each labelled by its own `<title>` and `<desc>`; empty when
   * `unavailable` says why there is no picture.
   */
  svg: Record<LayoutName, string>;
  /** One sentence saying why the chart would be empty or meaningless, shown instead of it. */
  unavailable?: string;
  /** Accessible name. */
  title: string;
  /** One paragraph saying what the chart shows, computed from its numbers. */
  description: string;
  /** Exactly the plotted numbers, with localised headings. */
  table: ChartTable;
  /** The same numbers as records with stable keys, for CSV and JSON downloads. */
  data: Record<string, string | number>[];
}
