/** The plotted numbers as a table: what a reader without the picture gets. */
export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

/** A chart rendered at build time: the picture, its words, and its numbers. */
export interface ChartOutput {
  /** Inline `<svg role="img">` labelled by its own `<title>` and `<desc>`. */
  svg: string;
  /** Accessible name. */
  title: string;
  /** One paragraph saying what the chart shows, computed from its numbers. */
  description: string;
  /** Exactly the plotted numbers, with localised headings. */
  table: ChartTable;
  /** The same numbers as records with stable keys, for CSV and JSON downloads. */
  data: Record<string, string | number>[];
}
