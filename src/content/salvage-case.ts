/**
 * A case whose frontmatter has errors still has a body worth checking: every mistake of a run is reported
 * together, so one bad event date must not hide six wrong figures. This keeps what the data needs (zone,
 * period, hashtags, datasets) when those are valid, leaves the faulty values out, and gives the case's
 * presentation fields neutral values. The result is used to check the body only; it is never published.
 */
import type { ZodIssue } from 'zod';
import { CaseSchema, type Case } from '../schema/index.ts';

/** Fields the body's figures, charts and cards are computed from: without them the data cannot be asked. */
const needed = ['timeZone', 'period', 'hashtags', 'datasets'] as const;

const lenient = CaseSchema.innerType().partial().required({ timeZone: true, period: true, hashtags: true, datasets: true });

export function salvageCase(data: unknown, issues: readonly ZodIssue[]): Case | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  if (issues.some((i) => needed.includes(i.path[0] as (typeof needed)[number]))) return undefined;
  const copy: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  // A faulty list element (one event, one correction) goes; other faulty fields go whole.
  const dropped = new Map<string, Set<number>>();
  for (const issue of issues) {
    const [key, index] = issue.path;
    if (typeof key !== 'string') continue;
    if (typeof index === 'number' && Array.isArray(copy[key])) dropped.set(key, (dropped.get(key) ?? new Set()).add(index));
    else delete copy[key];
  }
  for (const [key, indexes] of dropped) {
    if (Array.isArray(copy[key])) copy[key] = (copy[key] as unknown[]).filter((_, i) => !indexes.has(i));
  }
  const parsed = lenient.safeParse(copy);
  if (!parsed.success) return undefined;
  return {
    title: '',
    summary: '',
    authors: [],
    publisher: { name: '' },
    published: '',
    language: 'en',
    status: 'draft',
    licence: '',
    events: [],
    corrections: [],
    claims: [],
    topAccounts: 50,
    ...parsed.data,
  } as Case;
}
