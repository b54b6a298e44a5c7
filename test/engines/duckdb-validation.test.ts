/**
 * A case aggregated by DuckDB checks every post as the in-process build does, while DuckDB reads the same
 * file: a broken post gives the same located diagnostics either way, and no model is counted from it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/check-project.ts';
import { tempProject, type TempProject } from '../support/fixture-project.ts';

const POSTS = 'data/demo-case/posts/posts.ndjson';
let project: TempProject;

beforeAll(async () => {
  project = await tempProject('minimal');
  // Line 2 names a kind no post has; the file stays valid JSON, so DuckDB reads it all the same.
  await project.edit(POSTS, '"kind":"repost","ref":{"id":"1"', '"kind":"retweet","ref":{"id":"1"');
  await project.rehash('data/demo-case/posts/manifest.json');
}, 60_000);
afterAll(() => project.remove());

describe('DuckDB and the posts it is given', () => {
  it('a broken post is the same located error as in process, and DuckDB counts nothing from it', async () => {
    const inProcess = await checkProject(project.root, { today: '2026-11-28', cacheDir: `${project.root}/.casefile/cache-a` });
    const duckdb = await checkProject(project.root, { today: '2026-11-28', cacheDir: `${project.root}/.casefile/cache-b`, aggregation: { engine: 'duckdb' } });
    const broken = inProcess.diagnostics.filter((d) => d.file === POSTS);
    expect(broken.length).toBeGreaterThan(0);
    expect(broken[0]!.start?.line).toBe(2);
    expect(broken[0]!.severity).toBe('error');
    expect(duckdb.diagnostics).toEqual(inProcess.diagnostics);
    expect(duckdb.cases.map((c) => c.model)).toEqual(inProcess.cases.map((c) => c.model));
  });
});
