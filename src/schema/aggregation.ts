/** The `aggregation:` block of a case: which engine computes its model from the posts. */
import { z } from 'zod';
import { HttpUrlSchema } from './common.ts';

/** Credentials never live in the repository: a value here is an error, whatever it is. */
const NO_CREDENTIAL = z
  .never({ errorMap: () => ({ message: 'no credential in the repository: set CASEFILE_CLICKHOUSE_USER and CASEFILE_CLICKHOUSE_PASSWORD in the environment of the build' }) })
  .optional();

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
  z
    .object({
      /** `clickhouse`: a ClickHouse server computes the model from a posts table it already holds (docs/scale.md), over its HTTP interface. */
      engine: z.literal('clickhouse'),
      /** The server's HTTP interface, e.g. `https://warehouse.example.org:8443/`; the account comes from CASEFILE_CLICKHOUSE_USER and CASEFILE_CLICKHOUSE_PASSWORD. */
      url: HttpUrlSchema.refine((u) => !/^[a-z]+:\/\/[^/]*@/i.test(u), 'an address without a user or password in it: set CASEFILE_CLICKHOUSE_USER and CASEFILE_CLICKHOUSE_PASSWORD in the environment'),
      /** The posts table (columns of docs/model.md), `table` or `database.table`; a Distributed table works as any other. */
      table: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/, 'a table name, `table` or `database.table`, of letters, digits and _'),
      /** Seconds one query may take before the build gives up (default 600). */
      timeout: z.number().int().min(1).max(86_400).default(600),
      user: NO_CREDENTIAL,
      password: NO_CREDENTIAL,
    })
    .strict(),
]);
export type Aggregation = z.output<typeof AggregationSchema>;
