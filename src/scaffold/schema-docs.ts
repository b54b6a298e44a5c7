/**
 * The one-line explanations of schema fields, in the schema's own words (its JSDoc comments), so
 * scaffolded files and the editors' guide explain each field and never drift from it. Read from
 * schema-docs.json, which `npm run schema-docs` writes from src/schema/*.ts (see schema-docs-extract.ts).
 */
import { readFileSync } from 'node:fs';

/** Field name to its explanation, with the explanations of a nested object's fields. */
export interface FieldDocs {
  doc?: string;
  fields: Map<string, FieldDocs>;
}

/** The JSON form: plain objects for maps, fields left out when there are none. */
export interface FieldDocsJson {
  doc?: string;
  fields?: Record<string, FieldDocsJson>;
}

/** The schemas whose fields commands and the guide explain. */
export const documentedSchemas = ['CaseSchema', 'AccountSchema', 'EntitySchema', 'SourceSchema', 'ManifestSchema'] as const;

export const schemaDocsFile = new URL('./schema-docs.json', import.meta.url);

let stored: Record<string, FieldDocsJson> | undefined;

/** The docs of the fields of the schema declared as `name` (e.g. `SourceSchema`); none for another name. */
export function schemaDocs(name: string): FieldDocs {
  stored ??= JSON.parse(readFileSync(schemaDocsFile, 'utf8')) as Record<string, FieldDocsJson>;
  return fromJson(stored[name] ?? {});
}

export function toJson(docs: FieldDocs): FieldDocsJson {
  const fields = Object.fromEntries([...docs.fields].map(([name, d]) => [name, toJson(d)]));
  return { ...(docs.doc ? { doc: docs.doc } : {}), ...(docs.fields.size > 0 ? { fields } : {}) };
}

function fromJson(json: FieldDocsJson): FieldDocs {
  return {
    ...(json.doc ? { doc: json.doc } : {}),
    fields: new Map(Object.entries(json.fields ?? {}).map(([name, d]) => [name, fromJson(d)])),
  };
}
