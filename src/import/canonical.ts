/**
 * The canonical JSON of a post the fast check (src/ingest/is-post.ts) has already proved valid: what
 * `PostSchema.parse` would give (its fields in the schema's order, defaults filled in) without
 * running zod again on every row. The order is read from the schema, so the two cannot drift.
 */
import { z, type ZodTypeAny } from 'zod';
import { postTime } from '../ingest/is-post.ts';
import { PostSchema } from '../schema/post.ts';

type Shape =
  | { kind: 'object'; fields: { key: string; inner?: Shape; fallback?: () => unknown }[] }
  | { kind: 'array'; element?: Shape };

function unwrap(t: ZodTypeAny): ZodTypeAny {
  for (;;) {
    if (t instanceof z.ZodEffects) t = t.innerType();
    else if (t instanceof z.ZodOptional || t instanceof z.ZodNullable) t = t.unwrap();
    else if (t instanceof z.ZodDefault) t = t.removeDefault();
    else return t;
  }
}

function shapeOf(schema: ZodTypeAny): Shape | undefined {
  const t = unwrap(schema);
  if (t instanceof z.ZodArray) return { kind: 'array', element: shapeOf(t.element as ZodTypeAny) };
  if (!(t instanceof z.ZodObject)) return undefined;
  return {
    kind: 'object',
    fields: Object.entries(t.shape as Record<string, ZodTypeAny>).map(([key, field]) => ({
      key,
      inner: shapeOf(field),
      fallback: field instanceof z.ZodDefault ? () => (field._def as { defaultValue: () => unknown }).defaultValue() : undefined,
    })),
  };
}

const postShape = shapeOf(PostSchema)!;

function reorder(value: unknown, shape: Shape | undefined): unknown {
  if (!shape || value === null || typeof value !== 'object') return value;
  if (shape.kind === 'array') return Array.isArray(value) && shape.element ? value.map((v) => reorder(v, shape.element)) : value;
  const record = value as Record<string, unknown>;
  // Readers mostly build their objects in the schema's order already: those are kept, not copied.
  if (inOrder(record, shape)) return record;
  const out: Record<string, unknown> = {};
  for (const { key, inner, fallback } of shape.fields) {
    const v = record[key] === undefined && fallback ? fallback() : record[key];
    if (v !== undefined) out[key] = reorder(v, inner);
  }
  return out;
}

function isCanonical(value: object, shape: Shape): boolean {
  if (shape.kind === 'object') return !Array.isArray(value) && inOrder(value as Record<string, unknown>, shape);
  const element = shape.element;
  return Array.isArray(value) && (!element || value.every((e: unknown) => e === null || typeof e !== 'object' || isCanonical(e, element)));
}

/** True when the object's keys come in the shape's order, none undefined, no default missing, and so for every object inside. */
function inOrder(record: Record<string, unknown>, shape: Extract<Shape, { kind: 'object' }>): boolean {
  const fields = shape.fields;
  let f = 0;
  for (const key in record) {
    const v = record[key];
    if (v === undefined) return false;
    while (f < fields.length && fields[f]!.key !== key) {
      if (fields[f]!.fallback) return false;
      f++;
    }
    if (f === fields.length) return false;
    const inner = fields[f]!.inner;
    if (inner && v !== null && typeof v === 'object' && !isCanonical(v, inner)) return false;
    f++;
  }
  for (; f < fields.length; f++) if (fields[f]!.fallback) return false;
  return true;
}

/** The post's canonical JSON when the fast check accepts it; undefined when zod must decide (and explain). */
export function fastCanonicalPost(post: Record<string, unknown>): string | undefined {
  const time = postTime(post);
  return time === time ? canonicalJson(post) : undefined;
}

/** The canonical JSON of a post the fast check (`postTime`) accepted: the caller keeps the time it read. */
export function canonicalJson(post: Record<string, unknown>): string {
  return JSON.stringify(reorder(post, postShape));
}
