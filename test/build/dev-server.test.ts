/**
 * `npm run dev` serves what the build publishes: the pages and every download they link to
 * (chart data, the accounts table, SHA256SUMS, the datasets), at the addresses the pages use.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/build/build-site.ts';
import { tempProject, type TempProject } from '../support/fixture-project.ts';

let project: TempProject;
let server: ChildProcess;
let origin: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  project = await tempProject('minimal');
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [path.join(packageRoot, 'node_modules/astro/astro.js'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: packageRoot,
    env: { ...process.env, CASEFILE_ROOT: project.root },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/ready in/.test(output)) resolve();
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.once('exit', (code) => reject(new Error(`astro dev exited with ${code}:\n${output}`)));
  });
}, 120_000);

afterAll(async () => {
  server?.kill();
  await project?.remove();
});

describe('astro dev', () => {
  it('serves the data page and every download it links to, at the linked address', async () => {
    const page = await fetch(`${origin}/cases/demo-case/data/`);
    expect(page.status).toBe(200);
    const links = [...(await page.text()).matchAll(/href="(\/cases\/demo-case\/data\/[^"#]+)"/g)].map((m) => m[1]!);
    const downloads = links.filter((href) => !href.endsWith('/'));
    // Chart data (CSV and JSON), the accounts table, SHA256SUMS and a dataset file at least.
    expect(downloads.some((href) => href.endsWith('.csv'))).toBe(true);
    expect(downloads.some((href) => href.endsWith('.json'))).toBe(true);
    expect(downloads).toContain('/cases/demo-case/data/SHA256SUMS');
    expect(downloads.some((href) => href.endsWith('.ndjson'))).toBe(true);
    for (const href of new Set(downloads)) {
      const response = await fetch(`${origin}${href}`);
      expect([href, response.status]).toEqual([href, 200]);
    }
  });
});
