/** What every format reader yields, and the options an import runs with. */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Precision } from '../schema/post.ts';
import type { Platform } from '../schema/common.ts';
import type { CsvMapping } from './csv-schema.ts';
import type { OnBytes } from './text.ts';

export type ImportFormat = 'x-api-v2' | 'io-archive' | 'telegram' | 'snscrape' | 'csv';
export const importFormats: readonly ImportFormat[] = ['x-api-v2', 'io-archive', 'telegram', 'snscrape', 'csv'];

/** One sighting of an account in an export; `seenAt` only when the export says when it was captured. */
export interface AccountObservation {
  id: string;
  handle?: string | null;
  name?: string;
  description?: string;
  followers?: number;
  following?: number;
  createdAt?: string;
  location?: string;
  seenAt?: string;
}

/** A post candidate (validated later against PostSchema), with where it came from. */
export interface RowPost {
  type: 'post';
  file: string;
  line: number;
  post: Record<string, unknown>;
  accounts: AccountObservation[];
  /** Reasons the importer had to alter or drop part of the source row. */
  changes: string[];
}

/** A row that is valid in its format but carries no post (a Telegram service message). */
export interface RowSkip {
  type: 'skip';
  reason: string;
}

export interface RowInvalid {
  type: 'invalid';
  diagnostic: Diagnostic;
}

export type Row = RowPost | RowSkip | RowInvalid;

/** Provenance a reader learns while reading; it fills the manifest's `collection`. */
export interface Provenance {
  tool: string;
  platform: Platform;
  precision: Precision;
  query?: string;
  title?: string;
  /** Latest retrieval time the export records. */
  collectedAt?: string;
}

export interface ReaderContext {
  /** Path shown in diagnostics (relative to the project root). */
  displayPath: string;
  provenance: Provenance;
  /** When the counts in the export were observed, if the source does not say (`--observed-at`). */
  observedAt?: string;
  /** Told of each chunk read, for progress and the input's digest. */
  onBytes: OnBytes;
  /** Format-specific options (the CSV mapping, the Telegram channel username). */
  mapping?: CsvMapping;
  telegramUsername?: string;
  /** The CSV's field delimiter, as the mapping names it or the header shows it. */
  delimiter?: string;
}

export type Reader = (file: string, ctx: ReaderContext) => AsyncIterable<Row>;
