/**
 * The builds the site gates run on. Each is made by `buildSite` in a child process, one after another:
 * Astro builds share the package's `.astro` caches, so two at once would race.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, open, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BuildOptions } from '../../src/build/build-site.ts';

/** The repository: Astro's package root. */
export const packageRoot = path.resolve(import.meta.dirname, '../..');

/** Fixed so a build today and a build next year give the same pages and the same check verdicts. */
export const TODAY = '2026-11-28';

export interface SiteBuild {
  /** Output folder (the site root). */
  dir: string;
  /** Base path the site is served under, always ending in `/`. */
  base: string;
  site?: string;
  /** A credential the build was given (the ClickHouse build's password), which no file of the site may hold. */
  secret?: string;
  /** The build's diagnostics or crash when it failed; the gates then fail with this text. */
  error?: string;
}

export interface SiteBuilds {
  exampleA: SiteBuild;
  exampleB: SiteBuild;
  /** The example with its model computed by DuckDB (`aggregation: { engine: duckdb }`). */
  exampleDuckdb: SiteBuild;
  /** The example with its model computed by a two-shard ClickHouse cluster (`aggregation: { engine: clickhouse }`). */
  exampleClickhouse: SiteBuild;
  exampleBase: SiteBuild;
  hostile: SiteBuild;
  /** The hostile render project (a temp copy with the generated large post), for tests that read its inputs. */
  hostileRoot: string;
  /** The example's content root: a temp copy of the example alone (see test/support/example-project.ts). */
  exampleRoot: string;
}

export const hostileFixture = path.join(packageRoot, 'test/fixtures/projects/hostile');
export const EXAMPLE_BASE = '/reports/casefile/';
export const EXAMPLE_SITE = 'https://example.org';
/** The case, dataset and posts file the large post is appended to. */
export const HOSTILE_POSTS = 'data/demo-case/posts/posts.ndjson';
export const HOSTILE_MANIFEST = 'data/demo-case/posts/manifest.json';
export const LARGE_POST_ID = 'large-post';
/** 10 MB of post text: too big to commit, so the setup writes it into the temp copy. */
export const LARGE_POST_BYTES = 10 * 1024 * 1024;

const runner = path.join(packageRoot, 'test/site/build-runner.ts');
const tsx = path.join(packageRoot, 'node_modules/.bin/tsx');

/** Build once with `buildSite`; resolves with the failure text instead of throwing, so other gates still run. */
export async function build(options: BuildOptions): Promise<string | undefined> {
  try {
    // The Git commit can move while a test run is under way (the tree is shared); pin the version label.
    await promisify(execFile)(tsx, [runner, JSON.stringify({ version: 'test build', ...options })], {
      cwd: packageRoot,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return undefined;
  } catch (error) {
    const e = error as { stderr?: string; message?: string };
    return `build of ${options.root} into ${options.outDir} failed:\n${e.stderr || e.message}`;
  }
}

/**
 * A temp copy of the hostile render fixture with one more post appended: 10 MB of text mixing words,
 * markup payloads and a long unbroken run, earliest of all so it is a case's first post. The manifest is rehashed.
 */
export async function prepareHostileProject(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'casefile-hostile-'));
  await cp(path.join(hostileFixture, 'render'), root, { recursive: true });
  const chunk = 'words and <script>window.__pwned=1</script> <img src=x onerror="window.__pwned=1"> ';
  const text = `${chunk.repeat(Math.floor((LARGE_POST_BYTES - 10_000) / chunk.length))}${'W'.repeat(10_000)}`;
  const post = {
    id: LARGE_POST_ID,
    platform: 'x',
    author: { id: '900', handle: 'large_poster', name: 'Large <b>poster</b>' },
    createdAt: '2024-05-16T08:00:00+04:00',
    text,
    kind: 'post',
    hashtags: ['DemoTag'],
  };
  const handle = await open(path.join(root, HOSTILE_POSTS), 'a');
  await handle.write(`${JSON.stringify(post)}\n`);
  await handle.close();
  const manifestPath = path.join(root, HOSTILE_MANIFEST);
  // The fixture's manifest starts with a byte-order mark on purpose; keep it.
  const manifest = JSON.parse((await readFile(manifestPath, 'utf8')).replace(/^\uFEFF/, '')) as { files: { path: string; sha256: string; bytes?: number }[] };
  for (const file of manifest.files) {
    const bytes = await readFile(path.join(path.dirname(manifestPath), file.path));
    file.sha256 = createHash('sha256').update(bytes).digest('hex');
    file.bytes = bytes.length;
  }
  await writeFile(manifestPath, `\uFEFF${JSON.stringify(manifest, null, 2)}\n`);
  return root;
}

export const minimalFixture = path.join(packageRoot, 'test/fixtures/projects/minimal');

/**
 * The minimal project with its case written in Arabic: a right-to-left report with a chart, an evidence
 * card and notes, over the same data.
 */
export async function prepareRtlProject(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'casefile-rtl-'));
  await cp(minimalFixture, root, { recursive: true });
  const file = path.join(root, 'content/cases/demo-case/index.md');
  const english = await readFile(file, 'utf8');
  const frontmatter = english
    .slice(0, english.indexOf('\n---', 4))
    .replace('title: A small demonstration case', 'title: قضية تجريبية صغيرة')
    .replace('summary: Five posts under one hashtag, for tests.', 'summary: خمسة منشورات تحت وسم واحد، للاختبارات.')
    .replace('language: en', 'language: ar');
  const body = [
    'نشرت غرفة أخبار تقريرًا عن الحملة [@demo-source].',
    '',
    '## المنشور الأول {#first-post}',
    '',
    'نشر :account[x/demo_official] أولًا. بلغ عدد المنشورات :count{hashtag=DemoTag expect=5}.',
    '',
    '::chart{kind=timeline hashtag=DemoTag bin=day caption="المنشورات اليومية تحت الوسم"}',
    '',
    '::post{id=1}',
    '',
  ].join('\n');
  await writeFile(file, `${frontmatter}\n---\n\n${body}`);
  return root;
}

export async function outputFolder(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'casefile-builds-'));
}

/** Example builds share one copy of the example; the output folders are what differ. */
export function exampleOptions(exampleRoot: string, outDir: string, extra: Partial<BuildOptions> = {}): BuildOptions {
  return { root: exampleRoot, outDir, today: TODAY, ...extra };
}
