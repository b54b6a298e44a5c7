/**
 * Content items: original posts (not reposts) sharing a normalised text or a media hash.
 * Reposts are left out because a repost is the cascade of its original, not a new posting.
 */
import { createHash } from 'node:crypto';
import { compare } from './cascades.ts';
import type { ContentItem, PostRef } from './model.ts';
import type { PostTable } from './post-table.ts';
import { postRef } from './timelines.ts';

export function contentItems(table: PostTable): ContentItem[] {
  const out: ContentItem[] = [];
  collect(table, table.texts.size, (visit) => {
    for (let i = 0; i < table.size; i++) if (table.textKey[i]! >= 0) visit(table.textKey[i]!, i);
  }, (key, posts, firstPosters) => {
    const text = table.texts.repeated.get(key)!;
    out.push({ key: `text:${createHash('sha256').update(text).digest('hex').slice(0, 16)}`, match: 'text', posts, firstPosters, text });
  });
  collect(table, table.mediaKeys.length, (visit) => {
    for (let k = 0; k < table.mediaCount; k += 2) visit(table.media[k + 1]!, table.media[k]!);
  }, (key, posts, firstPosters) => {
    out.push({ key: `media:${table.mediaKeys[key]!}`, match: 'media', posts, firstPosters });
  });
  return out.sort((a, b) => b.posts - a.posts || a.firstPosters[0]!.time - b.firstPosters[0]!.time || compare(a.key, b.key));
}

function collect(
  table: PostTable,
  keys: number,
  each: (visit: (key: number, post: number) => void) => void,
  emit: (key: number, posts: number, firstPosters: PostRef[]) => void,
): void {
  const count = new Int32Array(keys);
  const first = new Float64Array(keys).fill(Infinity);
  each((key, i) => {
    count[key]!++;
    if (table.time[i]! < first[key]!) first[key] = table.time[i]!;
  });
  const posters = new Map<number, PostRef[]>();
  each((key, i) => {
    if (count[key]! < 2 || table.time[i] !== first[key]) return;
    const list = posters.get(key) ?? [];
    list.push(postRef(table, i));
    posters.set(key, list);
  });
  for (const [key, list] of posters) emit(key, count[key]!, list.sort((a, b) => compare(a.id, b.id)));
}
