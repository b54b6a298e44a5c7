/** The `aggregation:` block of a case: which engine computes its model from the posts. */
import { z } from 'zod';

export const AggregationSchema = z.discriminatedUnion('engine', [
  z
    .object({
      /** `inprocess` (the default): Casefile reads every post itself. */
      engine: z.literal('inprocess'),
    })
    .strict(),
  z
    .object({
      /** `duckdb`: DuckDB, embedded, reads the datasets (their Parquet files when they carry them) and runs the SQL of docs/model.md, out of core. */
      engine: z.literal('duckdb'),
      /** Memory DuckDB may use before it spills to disk, e.g. `4GB`; DuckDB's default (80 % of the machine's memory) when absent. */
      memoryLimit: z.string().regex(/^\d+(?:\.\d+)?(?:KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/, 'a size such as 512MB or 4GB').optional(),
    })
    .strict(),
]);
export type Aggregation = z.output<typeof AggregationSchema>;
