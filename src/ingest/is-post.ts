/**
 * Structural check for the common valid post, about ten times cheaper than PostSchema.safeParse.
 * It is sound, not complete: whatever it accepts the schema accepts too, and anything it refuses is
 * handed to zod, which decides and explains. So it may refuse valid oddities (a URL with a port of
 * five digits), never accept an invalid post.
 */
import type { Post } from '../schema/index.ts';
import { parseInstant } from './instant.ts';

/** A post as read from JSON that passed `postTime`: defaults not yet applied. */
export type RawPost = Omit<Post, 'precision' | 'hashtags' | 'mentions' | 'urls' | 'media' | 'archives'> &
  Partial<Pick<Post, 'precision' | 'hashtags' | 'mentions' | 'urls' | 'media' | 'archives'>>;

const PLATFORMS = new Set(['x', 'telegram', 'facebook', 'instagram', 'tiktok', 'youtube', 'vk', 'other']);
const KINDS = new Set(['post', 'repost', 'quote', 'reply']);
const PRECISIONS = new Set(['second', 'minute', 'hour', 'day']);
const MEDIA_TYPES = new Set(['photo', 'video', 'gif', 'audio', 'document']);
const AVAILABILITY = new Set(['available', 'deleted', 'suspended', 'withheld', 'unknown']);
const SHA256 = /^[a-f0-9]{64}$/;
// The last host label starts with a letter so the WHATWG parser never reads the host as IPv4.
/**
 * A language tag of the plain form importers write (`fr`, `zh-Hant`, `en-GB`, `es-419`), which
 * LanguageSchema always accepts; any other tag goes to the schema, which decides.
 */
export const PLAIN_LANGUAGE = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/;
const HTTP_URL = /^https?:\/\/(?:[A-Za-z0-9-]+\.)*[A-Za-z][A-Za-z0-9-]*(?::\d{1,4})?(?:[/?#][^\s\x00-\x1f\x7f]*)?$/;

/**
 * The fast check, handing back what it read of `createdAt`: the post's time in epoch ms when the
 * value passes (so the column writer need not parse it again), NaN when it is refused.
 */
export function postTime(v: unknown): number {
  if (!isObject(v)) return NaN;
  let required = 0;
  let time = NaN;
  let hasRef = false;
  let kind: unknown;
  for (const key in v) {
    const x = v[key];
    switch (key) {
      case 'id':
        if (!nonEmpty(x)) return NaN;
        required++;
        break;
      case 'platform':
        if (typeof x !== 'string' || !PLATFORMS.has(x)) return NaN;
        required++;
        break;
      case 'author':
        if (!isAuthor(x)) return NaN;
        required++;
        break;
      case 'createdAt':
        if (typeof x !== 'string') return NaN;
        time = parseInstant(x);
        if (Number.isNaN(time)) return NaN;
        required++;
        break;
      case 'text':
        if (typeof x !== 'string') return NaN;
        required++;
        break;
      case 'kind':
        if (typeof x !== 'string' || !KINDS.has(x)) return NaN;
        kind = x;
        required++;
        break;
      case 'url':
        if (!isPlainHttpUrl(x)) return NaN;
        break;
      case 'precision':
        if (typeof x !== 'string' || !PRECISIONS.has(x)) return NaN;
        break;
      case 'lang':
        if (typeof x !== 'string' || !PLAIN_LANGUAGE.test(x)) return NaN;
        break;
      case 'ref':
        if (!isRef(x)) return NaN;
        hasRef = true;
        break;
      case 'hashtags':
      case 'mentions':
      case 'urls':
        if (!isStringArray(x)) return NaN;
        break;
      case 'media':
        if (!Array.isArray(x) || !x.every(isMedia)) return NaN;
        break;
      case 'metrics':
        if (!isMetrics(x)) return NaN;
        break;
      case 'availability':
        if (!isObject(x) || !hasOnly(x, 2, 'status', 'observedAt') || typeof x['status'] !== 'string' || !AVAILABILITY.has(x['status']) || !isInstant(x['observedAt'])) return NaN;
        break;
      case 'archives':
        if (!Array.isArray(x) || !x.every(isArchive)) return NaN;
        break;
      default:
        return NaN;
    }
  }
  return required === 6 && (kind === 'post') === !hasRef ? time : NaN;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function nonEmpty(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0;
}

function isInstant(v: unknown): boolean {
  return typeof v === 'string' && !Number.isNaN(parseInstant(v));
}

/** An http(s) URL of the plain form HTTP_URL matches, which the schema always accepts (the reverse need not hold). */
export function isPlainHttpUrl(v: unknown): boolean {
  return typeof v === 'string' && HTTP_URL.test(v);
}

function isStringArray(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (const s of v) if (typeof s !== 'string') return false;
  return true;
}

function isCount(v: unknown): boolean {
  // As CountSchema: a whole number held exactly (1e300 is an integer to JavaScript, not a count).
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/** True when every key is one of `keys`; `needed` of them must be present for the object to pass. */
function hasOnly(o: Record<string, unknown>, needed: number, ...keys: string[]): boolean {
  let n = 0;
  for (const k in o) {
    if (!keys.includes(k)) return false;
    n++;
  }
  return n >= needed;
}

function isAuthor(v: unknown): boolean {
  if (!isObject(v) || !nonEmpty(v['id'])) return false;
  for (const k in v) {
    const x = v[k];
    if (k === 'handle') {
      if (x !== null && !nonEmpty(x)) return false;
    } else if (k === 'name') {
      if (typeof x !== 'string') return false;
    } else if (k !== 'id') return false;
  }
  return true;
}

function isRef(v: unknown): boolean {
  if (!isObject(v) || !nonEmpty(v['id'])) return false;
  for (const k in v) {
    if (k === 'authorId') {
      if (!nonEmpty(v[k])) return false;
    } else if (k !== 'id') return false;
  }
  return true;
}

function isMedia(v: unknown): boolean {
  if (!isObject(v) || typeof v['type'] !== 'string' || !MEDIA_TYPES.has(v['type'])) return false;
  for (const k in v) {
    const x = v[k];
    if (k === 'sha256') {
      if (typeof x !== 'string' || !SHA256.test(x)) return false;
    } else if (k === 'url') {
      if (!isPlainHttpUrl(x)) return false;
    } else if (k !== 'type') return false;
  }
  return true;
}

function isMetrics(v: unknown): boolean {
  if (!isObject(v) || !isInstant(v['observedAt'])) return false;
  for (const k in v) {
    if (k === 'observedAt') continue;
    if (k !== 'reposts' && k !== 'quotes' && k !== 'replies' && k !== 'likes' && k !== 'views') return false;
    if (!isCount(v[k])) return false;
  }
  return true;
}

function isArchive(v: unknown): boolean {
  if (!isObject(v) || !isPlainHttpUrl(v['url'])) return false;
  for (const k in v) {
    const x = v[k];
    if (k === 'archivedAt') {
      if (!isInstant(x)) return false;
    } else if (k === 'sha256') {
      if (typeof x !== 'string' || !SHA256.test(x)) return false;
    } else if (k !== 'url') return false;
  }
  return true;
}
