/**
 * The example's model computed by DuckDB equals the in-process model byte for byte: every timeline, profile,
 * cascade, content item, kept post (with its language), figure answer and the planted coordination.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject, type CheckResult } from '../../src/check/check-project.ts';
import { tempProject, type TempProject } from '../support/fixture-project.ts';

const TODAY = '2026-11-28';
let example: TempProject;
let inProcess: CheckResult;
let duckdb: CheckResult;

beforeAll(async () => {
  example = await tempProject('example');
  inProcess = await checkProject(example.root, { today: TODAY, cacheDir: `${example.root}/.casefile/cache-a` });
  duckdb = await checkProject(example.root, { today: TODAY, cacheDir: `${example.root}/.casefile/cache-b`, aggregation: { engine: 'duckdb' } });
}, 600_000);
afterAll(() => example.remove());

describe('the example computed by DuckDB', () => {
  it('passes the check the same way, with the same model, key order and all', () => {
    expect(duckdb.diagnostics).toEqual(inProcess.diagnostics);
    const [a, b] = [inProcess.cases[0]!.model, duckdb.cases[0]!.model];
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    // What the comparison covers: the planted coordinated group, figures, and kept posts with their language.
    expect(a.coordination!.clusters.length).toBeGreaterThan(0);
    expect(Object.keys(a.figures).length).toBeGreaterThan(5);
    expect(Object.values(a.posts).some((p) => p.lang === 'en')).toBe(true);
  });
});
