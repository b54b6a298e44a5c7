/**
 * Reads every content and manifest file of a project and validates each against its schema.
 * Invalid files are reported and left out; valid ones come back typed. Cross-file rules
 * (references, hashes) live in src/check, which runs on what this returns.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { refuseRead, refusalDiagnostic } from './confine.ts';
import path from 'node:path';
import type { ZodTypeAny, z } from 'zod';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { zodIssuesToDiagnostics, type Locate } from '../diagnostics/zod-issues.ts';
import {
  AccountSchema,
  CaseSchema,
  CaseTranslationSchema,
  EntitySchema,
  ManifestSchema,
  SourceSchema,
  type Account,
  type Case,
  type CaseTranslation,
  type Entity,
  type Manifest,
  type Source,
} from '../schema/index.ts';
import { parseFrontmatter } from './frontmatter.ts';
import { readJsonFile } from './json-file.ts';
import { readUtf8 } from './utf8.ts';
import { salvageCase } from './salvage-case.ts';

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

/** A case's prose in another language (`index.<language>.md`): its id is `<case>.<language>`. */
export interface TranslationEntry extends ContentEntry<CaseTranslation> {
  caseId: string;
  /** BCP 47, canonical (`pt-BR` from `index.pt-br.md`). */
  language: string;
}

export interface Project {
  root: string;
  cases: Map<string, ContentEntry<Case>>;
  /** Translations of each case's prose, by case id, in file order. */
  translations: Map<string, TranslationEntry[]>;
  accounts: Map<string, ContentEntry<Account>>;
  entities: Map<string, ContentEntry<Entity>>;
  sources: Map<string, ContentEntry<Source>>;
  /** Keyed by `<case>/<dataset>`. */
  datasets: Map<string, DatasetEntry>;
  /**
   * Ids of files that exist but failed validation, by kind. References to them are not
   * reported again: the file's own diagnostics already say what to fix.
   */
  invalid: Record<'case' | 'translation' | 'account' | 'entity' | 'source' | 'dataset', Set<string>>;
  /** Bodies of dossiers, entities and sources whose frontmatter is invalid: still checked, never published. */
  invalidBodies: ContentEntry<unknown>[];
  /**
   * Cases whose frontmatter is invalid: their bodies are still checked, against the data when what the
   * data needs is valid (`data` from salvageCase), else as prose alone. Never published.
   */
  invalidCases: ContentEntry<Case | undefined>[];
}

export interface LoadedProject {
  project: Project;
  diagnostics: Diagnostic[];
}

const ID = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

export async function loadProject(root: string): Promise<LoadedProject> {
  const diagnostics: Diagnostic[] = [];
  const invalid: Project['invalid'] = { case: new Set(), translation: new Set(), account: new Set(), entity: new Set(), source: new Set(), dataset: new Set() };
  const invalidBodies: ContentEntry<unknown>[] = [];
  const invalidCases: ContentEntry<Case | undefined>[] = [];
  const rel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');

  async function markdownCollection<S extends ZodTypeAny>(
    kind: keyof Project['invalid'],
    folder: string,
    schema: S,
    idOf: (relative: string) => string | undefined,
  ): Promise<Map<string, ContentEntry<z.output<S>>>> {
    const entries = new Map<string, ContentEntry<z.output<S>>>();
    const dir = path.join(root, folder);
    for (const relative of await listFiles(dir, '.md', diagnostics, rel)) {
      const abs = path.join(dir, relative);
      const file = rel(abs);
      const id = idOf(relative.split(path.sep).join('/'));
      if (id === undefined) continue;
      if (!ID.test(id.replace(/\//g, '-'))) {
        // Name what forms the id: the folder of a case (`%2e%2e/index.md`), the file of anything else.
        const named = kind === 'case' ? relative.split(path.sep).join('/') : path.basename(relative);
        diagnostics.push(
          diagnostic({
            file,
            ruleId: 'content/file-name',
            message: `Unexpected ${kind === 'case' ? 'case folder' : 'file'} name \`${named}\`, expected lowercase letters, digits and dashes.`,
            hint: 'The name is the permanent id used in links and references; rename it (e.g. `my-source.md`).',
          }),
        );
        continue;
      }
      const refusal = await refuseRead(root, abs);
      if (refusal) {
        diagnostics.push(refusalDiagnostic(refusal, file, file));
        invalid[kind].add(id);
        continue;
      }
      const { text, diagnostics: encoding } = await readUtf8(abs, file);
      const parsed = parseFrontmatter(text, file);
      parsed.diagnostics.unshift(...encoding);
      diagnostics.push(...parsed.diagnostics);
      const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
      // Wrong bytes or characters (`text/…`) leave the YAML readable: its fields are checked too, so all errors show at once.
      if (errors.some((d) => !d.ruleId.startsWith('text/'))) {
        invalid[kind].add(id);
        continue;
      }
      const result = schema.safeParse(parsed.data);
      if (!result.success || errors.length > 0) {
        const issues = result.success ? [] : result.error.issues;
        if (!result.success) diagnostics.push(...zodIssuesToDiagnostics(result.error, { file, input: parsed.data, locate: parsed.locate, schema }));
        invalid[kind].add(id);
        const rest = { id, file, body: parsed.body, bodyLineOffset: parsed.bodyLineOffset, locate: parsed.locate };
        if (kind === 'case') invalidCases.push({ ...rest, data: salvageCase(parsed.data, issues) });
        // A translation's body is only ever read against its original's data, which needs valid frontmatter.
        else if (kind !== 'translation') invalidBodies.push({ ...rest, data: parsed.data });
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
  const translations = new Map<string, TranslationEntry[]>();
  for (const [id, entry] of await markdownCollection('translation', 'content/cases', CaseTranslationSchema, (r) => {
    const m = /^([^/]+)\/index\.([a-z]{2,3}(?:-[a-z0-9]{2,8})*)\.md$/.exec(r);
    return m ? `${m[1]}.${m[2]}` : undefined;
  })) {
    const caseId = id.slice(0, id.lastIndexOf('.'));
    const language = Intl.getCanonicalLocales(id.slice(id.lastIndexOf('.') + 1))[0]!;
    translations.set(caseId, [...(translations.get(caseId) ?? []), { ...entry, caseId, language }]);
  }
  const accounts = await markdownCollection('account', 'content/accounts', AccountSchema, (r) => {
    const m = /^([^/]+)\/([^/]+)\.md$/.exec(r);
    return m ? `${m[1]}/${m[2]}` : undefined;
  });
  const entities = await markdownCollection('entity', 'content/entities', EntitySchema, (r) => /^([^/]+)\.md$/.exec(r)?.[1]);
  const sources = await markdownCollection('source', 'content/sources', SourceSchema, (r) => /^([^/]+)\.md$/.exec(r)?.[1]);

  const datasets = new Map<string, DatasetEntry>();
  const dataDir = path.join(root, 'data');
  for (const relative of await listFiles(dataDir, 'manifest.json', diagnostics, rel)) {
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
    const refusal = await refuseRead(root, abs);
    if (refusal) {
      diagnostics.push(refusalDiagnostic(refusal, file, file));
      invalid.dataset.add(`${caseId}/${id}`);
      continue;
    }
    const parsed = await readJsonFile(abs, file);
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
    // Data files are read by the check, the model and the release: refuse a link out of the project here, once.
    const refused: Diagnostic[] = [];
    for (const [i, f] of result.data.files.entries()) {
      const fileRefusal = await refuseRead(root, path.join(path.dirname(abs), f.path));
      // A missing file is the hash check's to report (`dataset/missing-file`).
      if (fileRefusal && fileRefusal !== 'missing') refused.push(refusalDiagnostic(fileRefusal, file, f.path, parsed.locate(['files', i, 'path'])));
    }
    if (refused.length > 0) {
      diagnostics.push(...refused);
      invalid.dataset.add(`${caseId}/${id}`);
      continue;
    }
    datasets.set(`${caseId}/${id}`, { caseId, id, dir: path.dirname(abs), file, manifest: result.data, locate: parsed.locate });
  }

  return { project: { root, cases, translations, accounts, entities, sources, datasets, invalid, invalidBodies, invalidCases }, diagnostics };
}

/**
 * Files under `dir` whose name ends with `suffix`, sorted, as paths relative to `dir`; none if `dir` is absent.
 * The walk never follows a linked folder (one could point at `/`): such a link is an error. Hidden files and
 * folders (a leading `.`) are skipped with a warning, so a file never vanishes unexplained.
 */
async function listFiles(dir: string, suffix: string, diagnostics: Diagnostic[], rel: (abs: string) => string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(path.join(dir, relative), { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const name = path.join(relative, entry.name);
      const abs = path.join(dir, name);
      const isLinkedFolder = entry.isSymbolicLink() && (await stat(abs).then((s) => s.isDirectory(), () => false));
      if (entry.name.startsWith('.')) {
        if (entry.isDirectory() || isLinkedFolder || entry.name.endsWith(suffix)) diagnostics.push(hiddenFile(rel(abs), entry.name));
      } else if (isLinkedFolder) {
        diagnostics.push(
          diagnostic({
            file: rel(abs),
            ruleId: 'path/linked-folder',
            message: `Unexpected link \`${rel(abs)}\` to a folder, expected a real folder inside the project.`,
            hint: 'Copy the folder into the repository instead of linking to it; Casefile never follows a linked folder.',
          }),
        );
      } else if (entry.isDirectory()) {
        await walk(name);
      } else if (entry.name.endsWith(suffix)) {
        files.push(name);
      }
    }
  };
  await walk('');
  return files.sort();
}

function hiddenFile(file: string, name: string): Diagnostic {
  return diagnostic({
    file,
    severity: 'warning',
    ruleId: 'content/hidden-file',
    message: `Unexpected hidden \`${name}\` (its name starts with \`.\`), expected a visible name; it is skipped.`,
    hint: 'Rename it without the leading `.` to publish it, or move it out of the content and data folders.',
  });
}
