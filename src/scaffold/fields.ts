/**
 * The fields of a zod object schema, in declaration order, with what a template needs to know
 * about each: optional or defaulted, the value type under the wrappers, and its explanation.
 */
import { z, type ZodTypeAny } from 'zod';
import {
  DateSchema,
  HttpUrlSchema,
  InstantSchema,
  LanguageSchema,
  PartialDateSchema,
  Sha256Schema,
  SlugSchema,
  TimeZoneSchema,
} from '../schema/index.ts';
import type { FieldDocs } from './schema-docs.ts';

export interface Field {
  name: string;
  /** Absent allowed: `.optional()` or `.default()`. */
  optional: boolean;
  /** Present when the schema fills the field in (`.default(…)`). */
  defaultValue?: unknown;
  /** The type under optional/default wrappers; still the shared schema object (DateSchema…) when it is one. */
  type: ZodTypeAny;
  doc?: string;
  docs: FieldDocs;
}

export function fieldsOf(schema: ZodTypeAny, docs: FieldDocs): Field[] {
  const object = structure(schema);
  if (!(object instanceof z.ZodObject)) return [];
  return Object.entries(object.shape as Record<string, ZodTypeAny>).map(([name, raw]) => {
    let type = raw;
    let optional = false;
    let defaultValue: unknown;
    for (;;) {
      if (type instanceof z.ZodOptional) {
        optional = true;
        type = type.unwrap();
      } else if (type instanceof z.ZodDefault) {
        optional = true;
        defaultValue = type._def.defaultValue();
        type = type.removeDefault();
      } else break;
    }
    const fieldDocs: FieldDocs = docs.fields.get(name) ?? { fields: new Map() };
    return {
      name,
      optional,
      ...(defaultValue !== undefined ? { defaultValue } : {}),
      type,
      ...(fieldDocs.doc ? { doc: fieldDocs.doc } : {}),
      docs: fieldDocs,
    };
  });
}

/** The type with refinements, transforms and nullability peeled off, to see whether it is an object, list or enum. */
export function structure(type: ZodTypeAny): ZodTypeAny {
  for (;;) {
    if (type instanceof z.ZodEffects) type = type.innerType();
    else if (type instanceof z.ZodOptional || type instanceof z.ZodNullable) type = type.unwrap();
    else if (type instanceof z.ZodDefault) type = type.removeDefault();
    else return type;
  }
}

const examples = new Map<ZodTypeAny, string>([
  [DateSchema, '2024-05-16'],
  [PartialDateSchema, '2024-05-16'],
  [InstantSchema, '2024-05-16T09:30:00+04:00'],
  [HttpUrlSchema, 'https://example.org/page'],
  [Sha256Schema, '0000000000000000000000000000000000000000000000000000000000000000'],
  [TimeZoneSchema, 'Pacific/Noumea'],
  [LanguageSchema, 'en'],
  [SlugSchema, 'an-id'],
]);

/** A value that shows the expected form, for fields written as commented-out examples. */
export function exampleOf(type: ZodTypeAny): unknown {
  const known = examples.get(type);
  if (known !== undefined) return known;
  const inner = structure(type);
  if (inner instanceof z.ZodEnum) return (inner.options as string[])[0];
  // A number's least allowed value: for a filter without a default (a percentile of tie weights), the one
  // that filters nothing, so uncommenting the example leaves the analysis as it was.
  if (inner instanceof z.ZodNumber) return inner.minValue ?? 1;
  if (inner instanceof z.ZodBoolean) return false;
  if (inner instanceof z.ZodArray) return [exampleOf(inner.element)];
  // A choice between kinds of object (the `aggregation:` engines): the first kind, named by its discriminator.
  if (inner instanceof z.ZodDiscriminatedUnion) {
    const key = inner.discriminator as string;
    const first = (inner.options as z.AnyZodObject[])[0];
    const literal = first?.shape[key];
    if (literal instanceof z.ZodLiteral) return { [key]: literal.value as unknown };
  }
  return '';
}

/** The field's explanation, with the allowed values of an enum. */
export function explain(field: Field): string | undefined {
  const inner = structure(field.type);
  const choices = inner instanceof z.ZodEnum ? `One of: ${(inner.options as string[]).join(', ')}.` : undefined;
  const doc = field.doc ? (/[.!?]$/.test(field.doc) ? field.doc : `${field.doc}.`) : undefined;
  const text = [doc, choices].filter(Boolean).join(' ');
  return text || undefined;
}
