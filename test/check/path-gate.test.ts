/**
 * The path gate on a whole project: a link out of the repository (a Markdown file, a data file, a dataset
 * folder) is a located error and the linked file is never read; a manifest path `.` and redirects that climb
 * out of the site or leave it are located errors from `npm run check`, before any build.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, rm, symlink, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/check/check-project.ts';
import { formatDiagnostics } from '../../src/diagnostics/reporter.ts';
import { tempProject, type TempProject } from '../support/fixture-project.ts';

const MANIFEST = 'data/demo-case/posts/manifest.json';
const POSTS = 'data/demo-case/posts/posts.ndjson';
/** Text of the file outside the project: none of it may appear in any diagnostic. */
const SECRET = 'nobody:x:65534:65534:OUTSIDE-SECRET-TOKEN';

let project: TempProject;
let outside: string;
beforeEach(async () => {
  project = await tempProject('minimal');
  outside = await mkdtemp(path.join(tmpdir(), 'casefile-outside-'));
  await writeFile(path.join(outside, 'secret.md'), `---\ntitle: ${SECRET}\n---\n${SECRET}\n`);
  await writeFile(path.join(outside, 'secret.ndjson'), `${SECRET}\n`);
});
afterEach(async () => {
  await project.remove();
  await rm(outside, { recursive: true, force: true });
});

async function check() {
  const { diagnostics } = await checkProject(project.root, { today: '2026-11-28', cacheDir: `${project.root}/.casefile/cache` });
  const text = formatDiagnostics(diagnostics, 'text');
  const outsideHash = createHash('sha256').update(`${SECRET}\n`).digest('hex');
  expect(text).not.toContain('OUTSIDE-SECRET-TOKEN');
  expect(text).not.toContain('nobody');
  expect(text).not.toContain(outsideHash);
  return diagnostics.map((d) => `${d.file}:${d.start.line}:${d.start.column} ${d.severity} ${d.ruleId}`);
}

describe('the path gate', () => {
  it('refuses a Markdown source that links out of the project, at its file', async () => {
    await symlink(path.join(outside, 'secret.md'), path.join(project.root, 'content/sources/leak.md'));
    expect(await check()).toEqual(['content/sources/leak.md:1:1 error path/outside-project']);
  });

  it('refuses a data file that links out of the project, at its manifest entry, and never hashes it', async () => {
    await rm(path.join(project.root, POSTS));
    await symlink(path.join(outside, 'secret.ndjson'), path.join(project.root, POSTS));
    expect(await check()).toEqual([`${MANIFEST}:15:15 error path/outside-project`]);
  });

  it('refuses a dataset folder that is a link, and never walks it', async () => {
    const linked = path.join(outside, 'linked');
    await mkdir(linked);
    await writeFile(path.join(linked, 'manifest.json'), await project.read(MANIFEST));
    await writeFile(path.join(linked, 'posts.ndjson'), `${SECRET}\n`);
    await symlink(linked, path.join(project.root, 'data/demo-case/linked'));
    expect(await check()).toEqual(['data/demo-case/linked:1:1 error path/linked-folder']);
  });

  it('reports a manifest file path `.` at the path, with no crash', async () => {
    await project.edit(MANIFEST, '"path": "posts.ndjson"', '"path": "."');
    expect(await check()).toContainEqual(expect.stringMatching(new RegExp(`^${MANIFEST}:15:\\d+ error schema/invalid-value$`)));
  });

  it('reports a redirect that climbs out of the site, and one that leaves it, in redirects.json', async () => {
    await writeFile(
      path.join(project.root, 'redirects.json'),
      '[\n  { "from": "/../../../X.html", "to": "/" },\n  { "from": "/old/", "to": "//evil.example/" }\n]\n',
    );
    expect(await check()).toEqual(['redirects.json:2:13 error schema/invalid-value', 'redirects.json:3:28 error schema/invalid-value']);
  });

  it('warns about a hidden Markdown file instead of skipping it silently', async () => {
    await writeFile(path.join(project.root, 'content/sources/.draft.md'), await project.read('content/sources/demo-source.md'));
    expect(await check()).toEqual(['content/sources/.draft.md:1:1 warning content/hidden-file']);
  });

  it('names the case folder in a bad case name such as %2e%2e', async () => {
    await mkdir(path.join(project.root, 'content/cases/%2e%2e'));
    await writeFile(path.join(project.root, 'content/cases/%2e%2e/index.md'), await readFile(path.join(project.root, 'content/cases/demo-case/index.md')));
    const { diagnostics } = await checkProject(project.root, { today: '2026-11-28' });
    expect(diagnostics.find((d) => d.ruleId === 'content/file-name')?.message).toContain('`%2e%2e/index.md`');
  });
});

describe('files in public/', () => {
  it('reports an SVG that would run script on the site, and a link out of the project, at their files', async () => {
    await mkdir(path.join(project.root, 'public'), { recursive: true });
    await writeFile(path.join(project.root, 'public/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script>\n</svg>\n');
    await symlink(path.join(outside, 'secret.md'), path.join(project.root, 'public/leak.txt'));
    expect((await check()).sort()).toEqual(['public/leak.txt:1:1 error path/outside-project', 'public/logo.svg:2:1 error public/active-content']);
  });
});
