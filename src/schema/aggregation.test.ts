import { describe, expect, it } from 'vitest';
import { AggregationSchema } from './aggregation.ts';

describe('AggregationSchema', () => {
  const clickhouse = { engine: 'clickhouse', url: 'https://warehouse.example.org:8443/', table: 'research.posts' };

  it('takes a ClickHouse address and table, with the default timeout', () => {
    expect(AggregationSchema.parse(clickhouse)).toEqual({ ...clickhouse, timeout: 600 });
  });

  it('refuses credentials in the repository: a user, a password, or either written into the address', () => {
    for (const bad of [{ ...clickhouse, password: 'hunter2' }, { ...clickhouse, user: 'reader' }, { ...clickhouse, url: 'https://reader:hunter2@warehouse.example.org/' }]) {
      const result = AggregationSchema.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]!.message).toMatch(/CASEFILE_CLICKHOUSE_USER and CASEFILE_CLICKHOUSE_PASSWORD/);
    }
  });

  it('refuses a table name that is not a plain name', () => {
    expect(AggregationSchema.safeParse({ ...clickhouse, table: 'posts; DROP TABLE posts' }).success).toBe(false);
    expect(AggregationSchema.safeParse({ ...clickhouse, table: 'a.b.c' }).success).toBe(false);
  });
});
