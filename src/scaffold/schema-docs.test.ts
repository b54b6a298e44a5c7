/**
 * The explanations commands and the guide use are the schema's own comments: schema-docs.json and the
 * case field reference in docs/editing.md are generated from src/schema/*.ts and must match them.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { extractSchemaDocs } from './schema-docs-extract.ts';
import { documentedSchemas, schemaDocs, schemaDocsFile, toJson } from './schema-docs.ts';
import { editingGuide, withCaseReference } from './guide-reference.ts';

const regenerate = 'a schema comment changed: run `npm run schema-docs` and commit what it writes';

describe('schema docs', () => {
  it('schema-docs.json holds the comments of src/schema/*.ts as they are now', async () => {
    const stored = JSON.parse(await readFile(schemaDocsFile, 'utf8')) as unknown;
    const current = Object.fromEntries(documentedSchemas.map((name) => [name, toJson(extractSchemaDocs(name))]));
    expect(stored, regenerate).toEqual(current);
  });

  it('docs/editing.md lists every case field with the explanation the scaffold writes', async () => {
    const guide = await readFile(editingGuide, 'utf8');
    expect(guide, regenerate).toBe(withCaseReference(guide));
    for (const field of ['period', 'timeZone', 'events', 'claims', 'topAccounts', 'status']) {
      expect(guide).toContain(`| \`${field}\` |`);
    }
    expect(guide).toContain(`| \`period\` | required | ${schemaDocs('CaseSchema').fields.get('period')!.doc} |`);
  });
});
