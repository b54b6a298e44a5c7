/**
 * The render's thread: what it is sent, what it answers, and that a build can stop it. The whole build
 * through it is test/build/build.test.ts.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../support/fixture-project.ts';
import { packageRoot } from '../../src/build/build-site.ts';
import { startRender, type RenderJob } from '../../src/build/render-thread.ts';
import type { Site } from '../../src/site/types.ts';

let project: TempProject;
const job = (outDir: string): RenderJob => ({ render: { root: project.root, base: '/', pdf: false, drafts: false }, packageRoot, outDir });

beforeAll(async () => {
  project = await tempProject('minimal');
});
afterAll(() => project.remove());

describe('startRender(job)', () => {
  it('answers a site the pages cannot be made from with the error that stopped them, rather than hang', async () => {
    const render = startRender(job(path.join(project.root, 'out-broken')));
    render.send({ cases: [] } as unknown as Site);
    const error = await render.finished().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('site.translations is not iterable');
    expect((error as Error).message).not.toMatch(/cancelled|thread stopped/);
  }, 120_000);

  it('stops when cancelled before any site is sent, and says it was cancelled rather than wait for the site', async () => {
    const render = startRender(job(path.join(project.root, 'out-cancelled')));
    await render.cancel();
    await expect(render.finished()).rejects.toThrow('The render was cancelled.');
  }, 120_000);
});
