/**
 * The one-line explanations of schema fields, read from the JSDoc comments in src/schema/*.ts with the
 * TypeScript compiler. Loading the compiler is slow (BENCHMARKS.md, "Loading the TypeScript compiler"), so
 * commands never do it: `npm run schema-docs`
 * writes what this finds into schema-docs.json, and a test fails when the two differ.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

import type { FieldDocs } from './schema-docs.ts';

const schemaDir = fileURLToPath(new URL('../schema/', import.meta.url));

let declarations: Map<string, ts.Expression> | undefined;

/** Every `const XSchema = …` initializer across the schema files, by name. */
function schemaDeclarations(): Map<string, ts.Expression> {
  if (declarations) return declarations;
  declarations = new Map();
  for (const name of readdirSync(schemaDir).filter((n) => n.endsWith('.ts')).sort()) {
    const file = path.join(schemaDir, name);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const statement of source.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer) declarations.set(d.name.text, d.initializer);
      }
    }
  }
  return declarations;
}

/** The docs of the fields of the schema declared as `name` (e.g. `SourceSchema`). */
export function extractSchemaDocs(name: string): FieldDocs {
  const initializer = schemaDeclarations().get(name);
  return { fields: initializer ? objectDocs(initializer, new Set([name])) : new Map() };
}

/** Docs of the first `z.object({…})` inside `node`, following references to other named schemas. */
function objectDocs(node: ts.Node, seen: Set<string>): Map<string, FieldDocs> {
  const literal = findObjectLiteral(node);
  if (literal) {
    const fields = new Map<string, FieldDocs>();
    for (const property of literal.properties) {
      if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
      const doc = jsDoc(property);
      fields.set(property.name.text, { ...(doc ? { doc } : {}), fields: objectDocs(property.initializer, seen) });
    }
    return fields;
  }
  const reference = findSchemaReference(node);
  if (reference && !seen.has(reference)) {
    const initializer = schemaDeclarations().get(reference);
    if (initializer) return objectDocs(initializer, new Set([...seen, reference]));
  }
  return new Map();
}

/** Depth first, so in `z.object({…}).strict().refine(…)` the object is found before the refinement's callback. */
function findObjectLiteral(node: ts.Node): ts.ObjectLiteralExpression | undefined {
  if (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === 'object' &&
    node.arguments[0] &&
    ts.isObjectLiteralExpression(node.arguments[0])
  ) {
    return node.arguments[0];
  }
  return ts.forEachChild(node, findObjectLiteral);
}

function findSchemaReference(node: ts.Node): string | undefined {
  if (ts.isIdentifier(node) && node.text.endsWith('Schema') && schemaDeclarations().has(node.text)) return node.text;
  return ts.forEachChild(node, findSchemaReference);
}

function jsDoc(node: ts.Node): string | undefined {
  const text = ts
    .getJSDocCommentsAndTags(node)
    .filter(ts.isJSDoc)
    .map((d) => ts.getTextOfJSDocComment(d.comment) ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text || undefined;
}
