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

  it('reads a translation against the original’s data, in its language and at its own lines, and checks its findings', async () => {
    const result = await check(async (p) => {
      await p.write(
        'content/cases/demo-case/index.fr.md',
        [
          '---',
          'title: Un petit cas',
          'summary: Cinq publications.',
          '---',
          '',
          '## Le premier message {#first-post}',
          '',
          'Il y a eu :count{hashtag=DemoTag expect=4} publications.',
          '',
          '## Une autre {#other}',
          '',
        ].join('\n'),
      );
    });
    expect(result.diagnostics.map((d) => `${d.file}:${d.start.line} ${d.ruleId} ${d.actual}`)).toEqual([
      'content/cases/demo-case/index.fr.md:8 figure/expect-mismatch 5',
      'content/cases/demo-case/index.fr.md:10 translation/extra-finding other',
    ]);
    const [handed] = result.cases;
    expect(handed!.translations.map((t) => [t.language, t.entry.data.title, t.entry.data.period, t.prose.findings.map((f) => f.id)])).toEqual([
      ['fr', 'Un petit cas', { from: '2024-05-16', to: '2024-05-17' }, ['first-post', 'other']],
    ]);
    const fr = result.contexts.get('content/cases/demo-case/index.fr.md')!;
    expect([fr.caseId, fr.locale, fr.timeZone, fr.lineOffset, fr.caseData?.title, fr.model]).toEqual(['demo-case', 'fr', 'Asia/Baku', 4, 'Un petit cas', handed!.model]);
    expect(fr.urls.caseReport('demo-case')).toBe('/fr/cases/demo-case/');
    expect(result.contexts.get(CASE)!.urls.caseReport('demo-case')).toBe('/cases/demo-case/');
  });

  it('leaves out a draft translation when drafts are not wanted, and does not read a translation in the original’s language', async () => {
    const translation = (status: string) => `---\ntitle: T\nsummary: S\nstatus: ${status}\n---\n\n:count{hashtag=DemoTag expect=4}\n`;
    const drafted = await check(async (p) => p.write('content/cases/demo-case/index.fr.md', translation('draft')), { drafts: false });
    expect(drafted.diagnostics).toEqual([]);
    expect(drafted.cases[0]!.translations).toEqual([]);
    expect(drafted.contexts.has('content/cases/demo-case/index.fr.md')).toBe(false);
    await project!.remove();
    const same = await check(async (p) => p.write('content/cases/demo-case/index.en-gb.md', translation('published')));
    expect(located(same.diagnostics)).toEqual(['content/cases/demo-case/index.en-gb.md:1 translation/same-language']);
    expect(same.cases[0]!.translations).toEqual([]);
  });

  it('checks the body of a case with invalid frontmatter against its data, and does not hand the case on', async () => {
    const { diagnostics, cases, contexts } = await check(async (p) => {
      await p.edit(CASE, 'licence: CC-BY-4.0', 'licence: ""');
      await p.edit(CASE, 'expect=5', 'expect=4');
    });
    expect(located(diagnostics)).toEqual(['content/cases/demo-case/index.md:23 schema/out-of-range', 'content/cases/demo-case/index.md:30 figure/expect-mismatch']);
    expect(cases).toEqual([]);
    expect(contexts.has(CASE)).toBe(false);
  });

  it('checks what it can of a body without data, and does not count its figures as a mistake of their own', async () => {
    // A case whose frontmatter cannot be read against data, and a case that names a dataset that is not there.
    const unreadable = await check(async (p) => {
      await p.edit(CASE, 'timeZone: Asia/Baku', 'timeZone: 42');
      await p.edit(CASE, 'posted first.', 'posted first [@no-such-source].');
    });
    expect(located(unreadable.diagnostics)).toEqual(['content/cases/demo-case/index.md:10 schema/invalid-type', 'content/cases/demo-case/index.md:30 reference/source']);
    await project!.remove();
    const missing = await check(async (p) => {
      await p.edit(CASE, 'datasets: [posts]', 'datasets: [posts, gone]');
      await p.edit(CASE, 'posted first.', 'posted first [@no-such-source].');
    });
    expect(located(missing.diagnostics)).toEqual(['content/cases/demo-case/index.md:17 reference/dataset', 'content/cases/demo-case/index.md:30 reference/source']);
    expect(missing.cases).toEqual([]);
  });

  it('reports an invalid source or dataset at its file, not again at each reference to it', async () => {
    const source = await check(async (p) => p.edit(SOURCE, 'type: article', 'type: rumour'));
    expect(located(source.diagnostics)).toEqual(['content/sources/demo-source.md:2 schema/invalid-value']);
    await project!.remove();
    const dataset = await check(async (p) => p.edit('data/demo-case/posts/manifest.json', '"licence": "CC0-1.0",', ''));
    expect(located(dataset.diagnostics).map((l) => l.split(' ')[0])).toEqual(['data/demo-case/posts/manifest.json:1']);
  });

  it('marks a case with invented data, reads a dossier of no case in English and UTC, and keeps the posts dossiers show', async () => {
    const result = await check(async (p) => {
      await p.write('content/accounts/x/other_account.md', '---\nplatform: x\nhandle: other_account\nsubject: official\n---\nSee :account[x/demo_official].\n');
      await p.edit(ACCOUNT, 'An account used in tests [@demo-source].', 'An account used in tests [@demo-source].\n\n::post{id=3}');
    });
    const other = result.contexts.get('content/accounts/x/other_account.md')!;
    expect([other.caseId, other.locale, other.timeZone, other.lineOffset]).toEqual([undefined, 'en', 'UTC', 5]);
    expect(other.account('x/demo_official')?.href).toBe('/accounts/x/demo_official/');
    const ctx = result.contexts.get(CASE)!;
    expect(ctx.inventedData).toBe(true);
    expect(ctx.publishPostId?.('3')).toBe('3');
    // The case's own first post, and the one the dossier shows.
    expect(Object.keys(result.cases[0]!.model.posts)).toEqual(['1', '3']);
    await project!.remove();
    const real = await check(async (p) => p.edit('data/demo-case/posts/manifest.json', '"synthetic": true,\n  "syntheticExplanation": "Invented for tests.",', '"synthetic": false,'));
    expect(real.diagnostics).toEqual([]);
    expect('inventedData' in real.contexts.get(CASE)!).toBe(false);
    expect(Object.keys(real.cases[0]!.model.posts)).toEqual(['1']);
  });
});
