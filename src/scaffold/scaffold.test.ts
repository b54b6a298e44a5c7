/**
 * `npm run new`: each kind of file carries every field of its schema, explained; arguments are
 * validated before anything is written; nothing is ever overwritten.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { resolveWeight } from '../aggregate/coordination/analyse.ts';
import { CoordinationSchema } from '../schema/coordination.ts';
import { AccountSchema, CaseSchema, EntitySchema, ManifestSchema, SourceSchema } from '../schema/index.ts';
import { tempProject, type TempProject } from '../../test/support/fixture-project.ts';
import { fixtureImports } from '../import/fixtures.ts';
import { importDataset } from '../import/run.ts';
import { fieldsOf } from './fields.ts';
import { planScaffold, UsageError, type ScaffoldRequest } from './kinds.ts';
import { ExistsError, scaffold } from './scaffold.ts';
import { schemaDocs } from './schema-docs.ts';

const TODAY = '2026-11-28';
const run = promisify(execFile);

let project: TempProject | undefined;
afterEach(async () => {
  await project?.remove();
  project = undefined;
});

async function newFile(request: Omit<ScaffoldRequest, 'today'>) {
  project ??= await tempProject('minimal');
  const plan = await scaffold(project.root, { ...request, today: TODAY });
  return plan.files.map((f) => f.path);
}

describe('scaffold(root, request)', () => {
  it('refuses to overwrite an existing file, and writes nothing of a dataset when one of its files exists', async () => {
    project = await tempProject('minimal');
    await expect(newFile({ kind: 'source', args: ['demo-source'], url: 'https://example.org/' })).rejects.toThrow(
      new ExistsError('Refusing to overwrite content/sources/demo-source.md: it already exists. Edit it, or delete it first to start over.'),
    );
    expect(await project.read('content/sources/demo-source.md')).toMatch(/^title: A demonstration article$/m);

    await mkdir(path.join(project.root, 'data/demo-case/extra'));
    await project.write('data/demo-case/extra/posts.ndjson', '{}\n');
    await expect(newFile({ kind: 'dataset', args: ['demo-case', 'extra'] })).rejects.toThrow(/^Refusing to overwrite data\/demo-case\/extra\/posts\.ndjson/);
    await expect(project.read('data/demo-case/extra/manifest.json')).rejects.toThrow(/ENOENT/);
    expect(await project.read('data/demo-case/extra/posts.ndjson')).toBe('{}\n');
  });
});

describe('planScaffold(request)', () => {
  const bad: [string, Omit<ScaffoldRequest, 'today'>, RegExp][] = [
    ['an id with capitals', { kind: 'case', args: ['My Case'] }, /^Unexpected case id `My Case`, expected a lowercase id/],
    ['an unknown platform', { kind: 'account', args: ['twitter', 'abc'] }, /^Unexpected platform `twitter`, expected/],
    ['a handle with a space', { kind: 'account', args: ['x', 'a b'] }, /^Unexpected handle `a b`, expected a handle of letters/],
    ['a javascript: URL', { kind: 'source', args: ['s'], url: 'javascript:alert(1)' }, /^Unexpected --url `javascript:alert\(1\)`, expected an http\(s\) URL/],
    ['a source without --url', { kind: 'source', args: ['s'] }, /^Missing --url\.$/],
    ['too many arguments', { kind: 'entity', args: ['a', 'b'] }, /^Unexpected 2 argument\(s\) to `new entity`, expected <entity-id>\.$/],
    ['a dataset without its case', { kind: 'dataset', args: ['posts'] }, /^Unexpected 1 argument\(s\) to `new dataset`/],
    ['a pseudonym without letters', { kind: 'account', args: ['x', 'abc'], pseudonym: '***' }, /^Unexpected pseudonym `\*\*\*`/],
  ];
  it.each(bad)('refuses %s', (_name, request, message) => {
    expect(() => planScaffold({ ...request, today: TODAY })).toThrow(UsageError);
    expect(() => planScaffold({ ...request, today: TODAY })).toThrow(message);
  });

  const kinds: [string, Omit<ScaffoldRequest, 'today'>, Parameters<typeof fieldsOf>[0], string][] = [
    ['case', { kind: 'case', args: ['c'] }, CaseSchema, 'CaseSchema'],
    ['account', { kind: 'account', args: ['x', 'h'] }, AccountSchema, 'AccountSchema'],
    ['entity', { kind: 'entity', args: ['e'] }, EntitySchema, 'EntitySchema'],
    ['source', { kind: 'source', args: ['s'], url: 'https://example.org/' }, SourceSchema, 'SourceSchema'],
  ];
  it.each(kinds)('writes every field of the %s schema, optional ones marked', (_name, request, schema, docsName) => {
    const text = planScaffold({ ...request, today: TODAY }).files[0]!.text;
    for (const field of fieldsOf(schema, schemaDocs(docsName))) {
      const line = new RegExp(`^(# )?${field.name}: .*$`, 'm').exec(text)?.[0] ?? new RegExp(`^${field.name}:$`, 'm').exec(text)?.[0];
      expect(line, field.name).toBeDefined();
      if (field.optional) expect(text, field.name).toMatch(new RegExp(`(# optional.*\\n${field.name}: |^# ${field.name}: .*# optional)`, 'm'));
    }
  });

  it('writes the manifest with every required and defaulted field, and lists the optional ones to add', () => {
    const plan = planScaffold({ kind: 'dataset', args: ['c', 'd'], today: TODAY });
    const manifest = JSON.parse(plan.files[0]!.text) as Record<string, unknown>;
    const fields = fieldsOf(ManifestSchema, schemaDocs('ManifestSchema'));
    expect(Object.keys(manifest)).toEqual(fields.filter((f) => !f.optional || f.defaultValue !== undefined).map((f) => f.name));
    for (const f of fields.filter((f) => f.optional && f.defaultValue === undefined)) {
      expect(plan.next.join('\n')).toContain(`optional "${f.name}"`);
    }
  });

  it('a scaffolded dataset takes an import, which fills the collection and keeps what its editor wrote', async () => {
    project = await tempProject('minimal');
    await scaffold(project.root, { kind: 'dataset', args: ['demo-case', 'fresh'], today: TODAY });
    const manifestPath = path.join(project.root, 'data/demo-case/fresh/manifest.json');
    const skeleton = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
    await writeFile(manifestPath, JSON.stringify({ ...skeleton, title: 'Posts of the demo page', licence: '' }, null, 2));
    const report = await importDataset({
      format: 'csv',
      root: project.root,
      caseId: 'demo-case',
      dataset: 'fresh',
      now: () => new Date('2024-06-01T00:00:00Z'),
      ...fixtureImports.csv,
    });
    expect(report.written).toBe(true);
    expect(report.posts).toBeGreaterThan(0);
    const manifest = ManifestSchema.parse(JSON.parse(await readFile(manifestPath, 'utf8')));
    // The title the editor filled in is kept; the licence left "" gets the import's default.
    expect(manifest.title).toBe('Posts of the demo page');
    expect(manifest.licence).not.toBe('');
    expect(manifest.files.map((f) => f.path)).toEqual(['posts.ndjson', 'accounts.ndjson']);
  });

  it('a commented-out example shows the default where the field has one, so uncommenting it changes nothing', () => {
    const text = planScaffold({ kind: 'case', args: ['c'], today: TODAY }).files[0]!.text;
    const block = text.split('\n');
    const start = block.findIndex((l) => l.startsWith('# coordination:'));
    const lines = [block[start]!];
    for (const line of block.slice(start + 1)) {
      if (!line.startsWith('#   ')) break;
      lines.push(line);
    }
    const uncommented = YAML.parse(lines.map((l) => l.slice(2)).join('\n')) as { coordination: Record<string, unknown> };
    // The one field without a default, a percentile filter, shows the percentile that filters nothing.
    const { weightPercentile, ...rest } = CoordinationSchema.parse(uncommented.coordination);
    expect(rest).toEqual(CoordinationSchema.parse({}));
    expect(weightPercentile).toBe(0);
    expect(resolveWeight(CoordinationSchema.parse(uncommented.coordination), [Int32Array.of(1, 3, 5, 8)]).resolvedMinWeight).toBe(3);
    expect(text).toMatch(/^# aggregation: \{engine: inprocess\}/m);
  });

  it('explains fields in the words of the schema', () => {
    const text = planScaffold({ kind: 'source', args: ['s'], url: 'https://example.org/', today: TODAY }).files[0]!.text;
    expect(text).toContain('# archiveUrl: https://example.org/page  # optional: A copy that cannot change under us (Wayback Machine, archive.today, Perma.cc).');
    expect(text).toContain('# What kind of document it is; decides how citations are formatted. One of: article, report, post, dataset, webpage, document, book, video.\ntype: \'\'');
  });
});

describe('npm run new', () => {
  const cli = (root: string, ...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', path.resolve(import.meta.dirname, '../cli/new.ts'), ...args, '--root', root]).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('prints the path written and what to do next, exits 1 on an existing file and 2 on a bad argument', async () => {
    project = await tempProject('minimal');
    const written = await cli(project.root, 'entity', 'yap');
    expect(written.code).toBe(0);
    expect(written.stdout).toMatch(/^Wrote content\/entities\/yap\.md\n\nNext:\n {2}Fill in content\/entities\/yap\.md\./);
    expect(await readFile(path.join(project.root, 'content/entities/yap.md'), 'utf8')).toMatch(/^kind: ''$/m);

    const again = await cli(project.root, 'entity', 'yap');
    expect([again.code, again.stderr]).toEqual([1, 'Refusing to overwrite content/entities/yap.md: it already exists. Edit it, or delete it first to start over.\n']);

    const bad = await cli(project.root, 'planet', 'x');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^Unexpected kind `planet`, expected one of case, account, entity, source, dataset\./);
  });
});
