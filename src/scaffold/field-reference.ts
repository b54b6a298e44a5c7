/**
 * A schema's fields as a Markdown table for the editors' guide, in the schema's own words (the same
 * explanations `npm run new` writes beside each field). Nested fields are listed under their parent
 * (`period.from`, `hashtags[].tag`).
 */
import { z, type ZodTypeAny } from 'zod';
import { explain, fieldsOf, structure, type Field } from './fields.ts';
import type { FieldDocs } from './schema-docs.ts';
import { yamlValue } from './template.ts';

function rows(fields: Field[], prefix: string): string[] {
  return fields.flatMap((field) => {
    const name = `${prefix}${field.name}`;
    const need = field.defaultValue !== undefined ? `default ${yamlValue(field.defaultValue)}` : field.optional ? 'optional' : 'required';
    const row = `| \`${name}\` | ${need} | ${(explain(field) ?? '').replace(/\|/g, '\\|')} |`;
    const inner = structure(field.type);
    const element = inner instanceof z.ZodArray ? structure(inner.element) : undefined;
    if (inner instanceof z.ZodObject) return [row, ...rows(fieldsOf(field.type, field.docs), `${name}.`)];
    if (inner instanceof z.ZodArray && element instanceof z.ZodObject) return [row, ...rows(fieldsOf(inner.element, field.docs), `${name}[].`)];
    return [row];
  });
}

export function fieldReference(schema: ZodTypeAny, docs: FieldDocs): string {
  return ['| Field | | What it is |', '| --- | --- | --- |', ...rows(fieldsOf(schema, docs), '')].join('\n');
}
