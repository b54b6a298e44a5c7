/**
 * Reads every content and manifest file of a project and validates each against its schema.
 * Invalid files are reported and left out; valid ones come back typed. Cross-file rules
 * (references, hashes) live in src/check, which runs on what this returns.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ZodTypeAny, z } from 'zod';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { zodIssuesToDiagnostics, type Locate } from '../diagnostics/zod-issues.ts';
import {
  AccountSchema,
  CaseSchema,
  EntitySchema,
  ManifestSchema,
  SourceSchema,
  type Account,
  type Case,
  type Entity,
  type Manifest,
  type Source,
} from '../schema/index.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { parseJsonFile } from './json-file.ts';

export interface ContentEntry<T> {
  id: string;
  /** Repo-relative path. */
  file: string;
  data: T;
  body: string;
  bodyLineOffset: number;
  locate: Locate;
}

export interface DatasetEntry {
  caseId: string;
  id: string;
  /** Absolute folder of the dataset. */
  dir: string;
  /** Repo-relative path of the manifest. */
  file: string;
  manifest: Manifest;
  locate: Locate;
}

export interface Project {
  root: string;
  cases: Map<string, ContentEntry<Case>>;
  accounts: Map<string, ContentEntry<Account>>;
  entities: Map<string, ContentEntry<Entity>>;
  sources: Map<string, ContentEntry<Source>>;
  /** Keyed by `<case>/<dataset>`. */
  datasets: Map<string, DatasetEntry>;
  /**
   * Ids of files that exist but failed validation, by kind. References to them are not
   * reported again: the file's own diagnostics already say what to fix.
   */
  invalid: Record<'case' | 'account' | 'entity' | 'source' | 'dataset', Set<string>>;
  /** Bodies of dossiers, entities and sources whose frontmatter is invalid: still checked, never published. */
  invalidBodies: ContentEntry<unknown>[];
}

export interface LoadedProject {
  project: Project;
  diagnostics: Diagnostic[];
}

const ID = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

export async function loadProject(root: string): Promise<LoadedProject> {
  const diagnostics: Diagnostic[] = [];
  const invalid: Project['invalid'] = { case: new Set(), account: new Set(), entity: new Set(), source: new Set(), dataset: new Set() };
  const invalidBodies: ContentEntry<unknown>[] = [];
  const rel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');

  async function markdownCollection<S extends ZodTypeAny>(
    kind: keyof Project['invalid'],
    folder: string,
    schema: S,
    idOf: (relative: string) => string | undefined,
  ): Promise<Map<string, ContentEntry<z.output<S>>>> {
    const entries = new Map<string, ContentEntry<z.output<S>>>();
    const dir = path.join(root, folder);
    for (const relative of await listFiles(dir, '.md')) {
      const abs = path.join(dir, relative);
      const file = rel(abs);
      const id = idOf(relative.split(path.sep).join('/'));
      if (id === undefined) continue;
      if (!ID.test(id.replace(/\//g, '-'))) {
        diagnostics.push(
          diagnostic({
            file,
            ruleId: 'content/file-name',
            message: `Unexpected file name \`${path.basename(relative)}\`, expected lowercase letters, digits and dashes.`,
            hint: 'The file name is the permanent id used in links and references; rename it (e.g. `my-source.md`).',
          }),
        );
        continue;
      }
      const text = await readFile(abs, 'utf8');
      const parsed = parseFrontmatter(text, file);
      diagnostics.push(...parsed.diagnostics);
      if (parsed.diagnostics.some((d) => d.severity === 'error')) {
        invalid[kind].add(id);
        continue;
      }
      const result = schema.safeParse(parsed.data);
      if (!result.success) {
        diagnostics.push(...zodIssuesToDiagnostics(result.error, { file, input: parsed.data, locate: parsed.locate, schema }));
        invalid[kind].add(id);
        if (kind !== 'case') {
          invalidBodies.push({ id, file, data: parsed.data, body: parsed.body, bodyLineOffset: parsed.bodyLineOffset, locate: parsed.locate });
        }
        continue;
      }
      entries.set(id, { id, file, data: result.data, body: parsed.body, bodyLineOffset: parsed.bodyLineOffset, locate: parsed.locate });
    }
    return entries;
  }

  const cases = await markdownCollection('case', 'content/cases', CaseSchema, (r) => {
    const m = /^([^/]+)\/index\.md$/.exec(r);
    return m?.[1];
  });
  const accounts = await markdownCollection('account', 'content/accounts', AccountSchema, (r) => {
    const m = /^([^/]+)\/([^/]+)\.md$/.exec(r);
    return m ? `${m[1]}/${m[2]}` : undefined;
  });
  const entities = await markdownCollection('entity', 'content/entities', EntitySchema, (r) => /^([^/]+)\.md$/.exec(r)?.[1]);
  const sources = await markdownCollection('source', 'content/sources', SourceSchema, (r) => /^([^/]+)\.md$/.exec(r)?.[1]);

  const datasets = new Map<string, DatasetEntry>();
  const dataDir = path.join(root, 'data');
  for (const relative of await listFiles(dataDir, 'manifest.json')) {
    const parts = relative.split(path.sep);
    const abs = path.join(dataDir, relative);
    const file = rel(abs);
    if (parts.length !== 3) {
      diagnostics.push(
        diagnostic({
          file,
          ruleId: 'dataset/location',
          message: `Unexpected manifest at \`${file}\`, expected \`data/<case>/<dataset>/manifest.json\`.`,
          hint: 'Move the dataset folder directly under its case folder in data/.',
        }),
      );
      continue;
    }
    const [caseId, id] = parts as [string, string, string];
    const parsed = parseJsonFile(await readFile(abs, 'utf8'), file);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.diagnostics.length > 0) {
      invalid.dataset.add(`${caseId}/${id}`);
      continue;
    }
    const result = ManifestSchema.safeParse(parsed.data);
    if (!result.success) {
      diagnostics.push(
        ...zodIssuesToDiagnostics(result.error, { file, input: parsed.data, locate: parsed.locate, schema: ManifestSchema }),
      );
      invalid.dataset.add(`${caseId}/${id}`);
      continue;
    }
    datasets.set(`${caseId}/${id}`, { caseId, id, dir: path.dirname(abs), file, manifest: result.data, locate: parsed.locate });
  }

  return { project: { root, cases, accounts, entities, sources, datasets, invalid, invalidBodies }, diagnostics };
}

/** Files under `dir` whose name ends with `suffix`, sorted, as paths relative to `dir`; none if `dir` is absent. */
async function listFiles(dir: string, suffix: string): Promise<string[]> {
  try {
    const names = await readdir(dir, { recursive: true });
    return names.filter((n) => n.endsWith(suffix) && !n.split(path.sep).some((p) => p.startsWith('.'))).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
