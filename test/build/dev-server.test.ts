/**
 * `npm run dev` serves what the build publishes: the pages and every download they link to
 * (chart data, the accounts table, SHA256SUMS, the datasets), at the addresses the pages use.
 * An editor's mistake never takes the preview down: pages keep answering and list the problems.
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
/** Everything the dev server printed, for the quiet-log test. */
let log = '';

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
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (/ready in/.test(log)) resolve();
    };
    server.stdout!.on('data', onData);
    server.stderr!.on('data', onData);
    server.once('exit', (code) => reject(new Error(`astro dev exited with ${code}:\n${log}`)));
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

describe('astro dev with mistakes in the content', () => {
  const CASE = 'content/cases/demo-case/index.md';
  const SOURCE = 'content/sources/demo-source.md';

  /** Fetch until the page reflects the saved files (the site is rebuilt when its inputs change). */
  async function pageWith(pathname: string, text: string, present = true): Promise<{ status: number; html: string }> {
    for (let i = 0; i < 40; i += 1) {
      const response = await fetch(`${origin}${pathname}`);
      const html = await response.text();
      if (html.includes(text) === present) return { status: response.status, html };
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${pathname} never ${present ? 'showed' : 'lost'} ${text}`);
  }

  it('keeps every page answering and shows each problem with its file, line and hint', async () => {
    const original = { case: await project.read(CASE), source: await project.read(SOURCE) };
    try {
      await project.edit(CASE, 'posted first.', 'posted first.\n\n::chart{kind=timeline hashtag=DemoTag caption=Posts per day (demo)}');
      await project.edit(SOURCE, 'accessed: 2024-06-01', 'accessed: 2024-13-01');
      const home = await pageWith('/', 'in this preview');
      expect(home.status).toBe(200);
      // The case with the broken chart still renders; the source with the bad date is left out, and said so.
      const report = await pageWith('/cases/demo-case/', 'in this preview');
      expect(report.status).toBe(200);
      const section = report.html.slice(report.html.indexOf('class="preview-problems"'), report.html.indexOf('</section>'));
      const banner = section.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/\s+/g, ' ');
      expect(banner).toContain('2 errors in this preview');
      expect(banner).toContain(`${CASE}:32:1 error Unexpected \`(\` in \`::chart{…\``);
      expect(banner).toContain('markdown/malformed-directive Hint: Put the value of `caption` in double quotes');
      expect(banner).toContain(`${SOURCE}:9:11 error Unexpected \`2024-13-01\` in \`accessed\``);
      // No stack trace and none of Casefile's own files: the problem is the editor's, not the program's.
      const visible = report.html.replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/g, '').replace(/<[^>]+>/g, ' ');
      expect(visible).not.toMatch(/\(\S+:\d+:\d+\)|src\/site\/|\w+Error\b/);
    } finally {
      await project.write(CASE, original.case);
      await project.write(SOURCE, original.source);
    }
    const fixed = await pageWith('/cases/demo-case/', 'in this preview', false);
    expect(fixed.status).toBe(200);
  });

  it('keeps its log quiet through those saves: no warning, duplicate-id notice, update prompt or stack trace', () => {
    expect(log).toMatch(/ready in/);
    expect(log).not.toMatch(/\[WARN\]|warning:/);
    expect(log).not.toMatch(/Duplicate id/);
    expect(log).not.toMatch(/available|update/i);
    expect(log).not.toMatch(/^\s+at /m);
  });
});
