/**
 * `npm run schema-docs`: after editing a field's comment in src/schema/*.ts, writes the explanations
 * commands use (src/scaffold/schema-docs.json) and the case field reference in docs/editing.md.
 * src/scaffold/schema-docs.test.ts fails until this has been run.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { extractSchemaDocs } from '../src/scaffold/schema-docs-extract.ts';
import { documentedSchemas, schemaDocsFile, toJson } from '../src/scaffold/schema-docs.ts';
import { editingGuide, withCaseReference } from '../src/scaffold/guide-reference.ts';

const json = Object.fromEntries(documentedSchemas.map((name) => [name, toJson(extractSchemaDocs(name))]));
await writeFile(schemaDocsFile, `${JSON.stringify(json, null, 2)}\n`);
const guide = await readFile(editingGuide, 'utf8');
await writeFile(editingGuide, withCaseReference(guide));
process.stdout.write(`Wrote ${fileURLToPath(schemaDocsFile)} and the case fields of ${fileURLToPath(editingGuide)}\n`);
