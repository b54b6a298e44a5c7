/**
 * Writes a schema's fields as commented YAML: required fields first-class with the given or an
 * empty value (so `npm run check` points at what is left to fill), defaulted fields with their
 * default, optional ones as commented-out examples. Every field appears, each with its explanation.
 */
import YAML from 'yaml';
import { z } from 'zod';
import { exampleOf, explain, fieldsOf, structure, type Field } from './fields.ts';

/** Values known when scaffolding, by field name; nested objects hold their fields' values. */
export type Values = { [name: string]: unknown };

export function yamlValue(value: unknown): string {
  if (value === '') return "''";
  return YAML.stringify(value, { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 }).trimEnd();
}

const indent = (lines: string[], by = '  ') => lines.map((l) => by + l);
const commentOut = (lines: string[]) => lines.map((l) => `# ${l}`);

/** Lines of a list item: `- ` before its first field, comments kept above it. */
function asItem(lines: string[]): string[] {
  const first = lines.findIndex((l) => !l.startsWith('#'));
  return lines.map((l, i) => (i === first ? `- ${l}` : `  ${l}`));
}

export function renderFields(fields: Field[], values: Values): string[] {
  return fields.flatMap((field) => {
    // A commented-out example carries its explanation at the end of its line.
    if (field.optional && field.defaultValue === undefined && values[field.name] === undefined) return commentOut(renderExample([field]));
    const note = explain(field);
    const comment = field.optional ? [`# optional${note ? `: ${note}` : ''}`] : note ? [`# ${note}`] : [];
    return [...comment, ...renderField(field, values[field.name])];
  });
}

function renderField(field: Field, given: unknown): string[] {
  const inner = structure(field.type);
  if (inner instanceof z.ZodObject && (given === undefined || isPlainObject(given)) && !field.optional) {
    return [`${field.name}:`, ...indent(renderFields(fieldsOf(field.type, field.docs), (given as Values | undefined) ?? {}))];
  }
  if (given !== undefined) return [`${field.name}: ${yamlValue(given)}`];
  if (inner instanceof z.ZodArray && structure(inner.element) instanceof z.ZodObject) {
    const item = fieldsOf(inner.element, field.docs);
    if (!field.optional) return [`${field.name}:`, ...indent(asItem(renderFields(item, {})))];
    // An empty list, with the shape of one item shown beneath it to copy.
    return [`${field.name}: []`, ...commentOut(indent(asItem(renderExample(item))))];
  }
  if (field.defaultValue !== undefined) return [`${field.name}: ${yamlValue(field.defaultValue)}`];
  return [`${field.name}: ${inner instanceof z.ZodArray ? '[]' : "''"}`];
}

/** Every field with a value of the right form, explanations at the end of the line: for commented-out examples. */
function renderExample(fields: Field[]): string[] {
  return fields.flatMap((field) => {
    const note = [field.optional ? 'optional' : '', explain(field) ?? ''].filter(Boolean).join(': ');
    const inner = structure(field.type);
    const item = inner instanceof z.ZodArray ? structure(inner.element) : undefined;
    if (inner instanceof z.ZodObject) {
      return [`${field.name}:${note ? `  # ${note}` : ''}`, ...indent(renderExample(fieldsOf(field.type, field.docs)))];
    }
    if (inner instanceof z.ZodArray && item instanceof z.ZodObject) {
      return [`${field.name}:${note ? `  # ${note}` : ''}`, ...indent(asItem(renderExample(fieldsOf(inner.element, field.docs))))];
    }
    // A field with a default shows the default: an editor who uncomments it changes nothing until they mean to.
    const example = field.defaultValue !== undefined ? field.defaultValue : exampleOf(field.type);
    return [`${field.name}: ${yamlValue(example)}${note ? `  # ${note}` : ''}`];
  });
}

function isPlainObject(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
