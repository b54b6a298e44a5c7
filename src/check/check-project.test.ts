/**
 * The whole check on a small project copied to a temporary folder: what it hands on to the site (cases,
 * pages, contexts) and the mistakes of every stage reported together, each once, in file order.
 * The rules one by one are tested in rules.test.ts; mistakes with their golden wording in test/check/.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../../test/support/fixture-project.ts';
import { checkProject, type CheckOptions } from './check-project.ts';

const CASE = 'content/cases/demo-case/index.md';
const ACCOUNT = 'content/accounts/x/demo_official.md';
const ENTITY = 'content/entities/demo-party.md';
const SOURCE = 'content/sources/demo-source.md';
const POSTS = 'data/demo-case/posts/posts.ndjson';

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

async function check(edits: (p: TempProject) => Promise<void>, options: Partial<CheckOptions> = {}) {
  project = await tempProject('minimal');
  await edits(project);
  return checkProject(project.root, { today: '2026-11-28', cacheDir: `${project.root}/.casefile/cache`, ...options });
}

const located = (list: { file: string; start: { line: number }; ruleId: string }[]) => list.map((d) => `${d.file}:${d.start.line} ${d.ruleId}`);

describe('checkProject(root, options)', () => {
  it('hands on a valid project as the site renders it: its case, pages, and what each body is read with', async () => {
    const result = await check(async () => {}, { base: '/reports/', site: 'https://example.org' });
    expect(result.diagnostics).toEqual([]);
    expect(result.cases.map((c) => [c.id, c.datasets.map((d) => d.id), c.prose.findings.map((f) => f.id)])).toEqual([['demo-case', ['posts'], ['first-post']]]);
    expect(result.urls.account('x/demo_official')).toBe('/reports/accounts/x/demo_official/');
    expect(result.accountPages.get('x/demo_official')).toMatchObject({ identity: 'dossier:x/demo_official', cases: [{ caseId: 'demo-case' }] });
    expect(result.privacy.people).toEqual([]);
    const contexts = Object.fromEntries([...result.contexts].map(([file, c]) => [file, [c.caseId, c.locale, c.timeZone, c.lineOffset]]));
    expect(contexts).toEqual({
      [CASE]: ['demo-case', 'en', 'Asia/Baku', 24],
      // A dossier's body is read in the language and zone of the first case its account appears in.
      [ACCOUNT]: [undefined, 'en', 'Asia/Baku', 15],
      [ENTITY]: [undefined, 'en', 'UTC', 7],
      [SOURCE]: [undefined, 'en', 'UTC', 10],
    });
    // The account label in a case links to its page; the site renders the case with it.
    expect(result.contexts.get(CASE)!.account('x/demo_official')?.href).toBe('/reports/accounts/x/demo_official/');
  });

  it('reports the mistakes of every stage in one run, each once, in file order', async () => {
    const { diagnostics, cases } = await check(async (p) => {
      await p.edit(CASE, 'published: 2024-06-01', 'published: 2027-06-01');
      await p.edit(CASE, 'posted first.', 'posted first [@no-such-source].');
      await p.edit(ACCOUNT, 'An account used in tests', 'An account used in tests [@gone-source]');
      await p.edit(ENTITY, 'A party that exists only in tests.', 'A party [@lost-source].');
      // Edited without its manifest: reported as changed, and its own broken line in the same run.
      await p.edit(POSTS, '"createdAt":"2024-05-16T10:00:00+04:00"', '"createdAt":"2024-05-16 10:00"');
    });
    expect(located(diagnostics)).toEqual([
      'content/accounts/x/demo_official.md:16 reference/source',
      'content/cases/demo-case/index.md:8 date/future',
      'content/cases/demo-case/index.md:30 reference/source',
      'content/entities/demo-party.md:8 reference/source',
      'data/demo-case/posts/manifest.json:15 dataset/hash-mismatch',
      'data/demo-case/posts/manifest.json:15 dataset/size-mismatch',
      'data/demo-case/posts/posts.ndjson:3 schema/invalid-value',
    ]);
    // With bad data the case has no model: its prose is still checked, but it is not handed on.
    expect(cases).toEqual([]);
  });

  it('asks more under --strict, and leaves a draft out when drafts are not wanted', async () => {
    const draft = async (p: TempProject) => {
      await p.edit(CASE, 'status: published', 'status: draft');
      await p.edit(CASE, '## The first post {#first-post}', '## The first post');
    };
    const all = await check(draft, { strict: true });
    expect(located(all.diagnostics)).toEqual(['content/cases/demo-case/index.md:28 strict/finding-id']);
    expect(all.cases.map((c) => c.id)).toEqual(['demo-case']);
    await project!.remove();
    const published = await check(draft, { strict: true, drafts: false });
    expect(published.diagnostics).toEqual([]);
    expect(published.cases).toEqual([]);
  });

  it('reports a file that exists but is invalid at the file, not again at every reference to it', async () => {
    const { diagnostics } = await check(async (p) => {
      await p.edit(ENTITY, 'kind: party', 'kind: partyy');
    });
    expect(located(diagnostics)).toEqual(['content/entities/demo-party.md:2 schema/invalid-value']);
  });
});
