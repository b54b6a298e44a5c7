/**
 * What `npm run new` writes for each kind of file: the path, the known values, and what to do
 * next. Arguments are validated with the schema's own field types before anything is written.
 */
import { createHash } from 'node:crypto';
import { z, type ZodTypeAny } from 'zod';
import {
  AccountSchema,
  CaseSchema,
  EntitySchema,
  HttpUrlSchema,
  ManifestSchema,
  PlatformSchema,
  SlugSchema,
  SourceSchema,
} from '../schema/index.ts';
import { fileId } from '../content/file-id.ts';
import { fieldsOf, structure, type Field } from './fields.ts';
import { schemaDocs } from './schema-docs.ts';
import { renderFields, type Values } from './template.ts';

export const scaffoldKinds = ['case', 'account', 'entity', 'source', 'dataset'] as const;
export type ScaffoldKind = (typeof scaffoldKinds)[number];

export interface ScaffoldRequest {
  kind: ScaffoldKind;
  args: string[];
  /** `source`: the URL of the document. */
  url?: string;
  /** `account`: a private individual's pseudonym; the dossier is named after it. */
  pseudonym?: string;
  /** Today as YYYY-MM-DD. */
  today: string;
}

export interface PlannedFile {
  /** Relative to the project root, with forward slashes. */
  path: string;
  text: string;
}

export interface Plan {
  files: PlannedFile[];
  /** What to edit or run next, one step a line. */
  next: string[];
}

/** A mistake in the command line: nothing was written. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const header = [
  '# Written by `npm run new`. Fill in every empty \'\' value and uncomment the optional fields you need;',
  '# `npm run check` lists whatever is still missing. docs/editing.md explains each field.',
];

function markdown(schema: ZodTypeAny, docsName: string, values: Values): string {
  const lines = renderFields(fieldsOf(schema, schemaDocs(docsName)), values);
  return `---\n${[...header, ...lines].join('\n')}\n---\n`;
}

function valid(what: string, schema: ZodTypeAny, value: string | undefined): string {
  if (value === undefined || value === '') throw new UsageError(`Missing ${what}.`);
  const result = schema.safeParse(value);
  if (!result.success) {
    const expected = result.error.issues[0]?.message ?? 'a valid value';
    throw new UsageError(`Unexpected ${what} \`${value}\`, expected ${expected}.`);
  }
  return value;
}

export { fileId } from '../content/file-id.ts';

const handleSchema = (structure(AccountSchema) as z.AnyZodObject).shape['handle'] as ZodTypeAny;

export function planScaffold(request: ScaffoldRequest): Plan {
  const { args, today } = request;
  const expectArgs = (usage: string, count: number) => {
    if (args.length !== count) throw new UsageError(`Unexpected ${args.length} argument(s) to \`new ${request.kind}\`, expected ${usage}.`);
  };
  switch (request.kind) {
    case 'case': {
      expectArgs('<case-id>', 1);
      const id = valid('case id', SlugSchema, args[0]);
      return {
        files: [{ path: `content/cases/${id}/index.md`, text: markdown(CaseSchema, 'CaseSchema', { published: today, language: 'en', status: 'draft' }) }],
        next: [
          `Fill in the frontmatter of content/cases/${id}/index.md, then write the report below it.`,
          `Add its posts: npm run new -- dataset ${id} posts (or npm run import), and list the dataset under \`datasets:\`.`,
          'Run npm run check to see what is still missing.',
        ],
      };
    }
    case 'account': {
      expectArgs('<platform> <handle>', 2);
      const platform = valid('platform', PlatformSchema, args[0]);
      const handle = valid('handle', handleSchema, args[1]?.replace(/^@/, ''));
      const pseudonym = request.pseudonym?.trim();
      const name = fileId(pseudonym ?? handle);
      if (!name) throw new UsageError(`Unexpected pseudonym \`${pseudonym}\`, expected letters or digits to name the file after.`);
      const id = `${platform}/${name}`;
      const values: Values = { platform, handle, ...(pseudonym ? { subject: 'private', pseudonym } : {}) };
      return {
        files: [{ path: `content/accounts/${id}.md`, text: markdown(AccountSchema, 'AccountSchema', values) }],
        next: [
          `Fill in content/accounts/${id}.md; add affiliations only with a source for each.`,
          `Refer to it in a report as :account[${id}].`,
          'Run npm run check to see what is still missing.',
        ],
      };
    }
    case 'entity': {
      expectArgs('<entity-id>', 1);
      const id = valid('entity id', SlugSchema, args[0]);
      return {
        files: [{ path: `content/entities/${id}.md`, text: markdown(EntitySchema, 'EntitySchema', {}) }],
        next: [`Fill in content/entities/${id}.md.`, `Refer to it as :entity[${id}], and in an affiliation as \`entity: ${id}\`.`, 'Run npm run check to see what is still missing.'],
      };
    }
    case 'source': {
      expectArgs('<source-id> --url <url>', 1);
      const id = valid('source id', SlugSchema, args[0]);
      const url = valid('--url', HttpUrlSchema, request.url);
      return {
        files: [{ path: `content/sources/${id}.md`, text: markdown(SourceSchema, 'SourceSchema', { url, accessed: today }) }],
        next: [
          `Fill in content/sources/${id}.md (type and title at least) and add an archiveUrl if you have one.`,
          `Cite it as [@${id}] or [@${id}, p. 4].`,
          'Run npm run check to see what is still missing.',
        ],
      };
    }
    case 'dataset': {
      expectArgs('<case-id> <dataset-id>', 2);
      const caseId = valid('case id', SlugSchema, args[0]);
      const id = valid('dataset id', SlugSchema, args[1]);
      const dir = `data/${caseId}/${id}`;
      const posts = '';
      const file = { path: 'posts.ndjson', format: 'ndjson', role: 'posts', sha256: sha256(posts), bytes: Buffer.byteLength(posts) };
      const manifest = jsonSkeleton(fieldsOf(ManifestSchema, schemaDocs('ManifestSchema')), { synthetic: false, files: [file] });
      const optional = fieldsOf(ManifestSchema, schemaDocs('ManifestSchema')).filter((f) => f.optional && f.defaultValue === undefined);
      return {
        files: [
          { path: `${dir}/manifest.json`, text: `${JSON.stringify(manifest, null, 2)}\n` },
          { path: `${dir}/posts.ndjson`, text: posts },
        ],
        next: [
          `Fill in the empty "" values of ${dir}/manifest.json.`,
          ...optional.map((f) => `  optional "${f.name}"${f.doc ? `: ${f.doc}` : ''}`),
          `Put one post per line in ${dir}/posts.ndjson, then set the file's sha256 and bytes in the manifest`,
          `  (or let npm run import -- <format> <export> --case ${caseId} --dataset ${id} --replace write both).`,
          `List \`${id}\` under \`datasets:\` in content/cases/${caseId}/index.md, then run npm run check.`,
        ],
      };
    }
  }
}

/** A JSON object with every required and defaulted field; JSON has no comments, so optional ones are listed by the CLI instead. */
function jsonSkeleton(fields: Field[], values: Values): Values {
  const out: Values = {};
  for (const field of fields) {
    const inner = structure(field.type);
    if (values[field.name] !== undefined) out[field.name] = values[field.name];
    else if (field.defaultValue !== undefined) out[field.name] = field.defaultValue;
    else if (field.optional) continue;
    else if (inner instanceof z.ZodObject) out[field.name] = jsonSkeleton(fieldsOf(field.type, field.docs), {});
    else if (inner instanceof z.ZodArray) out[field.name] = [];
    else out[field.name] = '';
  }
  return out;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
