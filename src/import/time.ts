/** Timestamps into canonical instants (ISO 8601 with an offset). */
import { InstantSchema } from '../schema/common.ts';
import { zoneClock } from '../locale/zone-clock.ts';

export function isInstant(s: string): boolean {
  return InstantSchema.safeParse(s).success;
}

/** Unix seconds (number or digit string) as `…Z`; null if not a whole number of seconds. */
export function fromUnixSeconds(value: unknown): string | null {
  const s = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  if (!/^\d{1,12}$/.test(s)) return null;
  return toIso(Number(s) * 1000);
}

export function fromUnixMillis(value: string): string | null {
  if (!/^\d{1,15}$/.test(value)) return null;
  return toIso(Number(value));
}

/** `…Z` with milliseconds only when they are not zero, so second-precision data reads as it was. */
export function toIso(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/** `YYYY-MM-DD[ T]HH:MM[:SS[.fff]]` read as wall time in `timeZone`; null if not that shape. */
export function fromWallTime(text: string, timeZone: string): { iso: string; seconds: boolean } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = m.slice(1, 7).map((part) => Number(part ?? 0)) as number[];
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!, sec!, Number((m[7] ?? '0').padEnd(3, '0')));
  if (Number.isNaN(wall) || new Date(wall).getUTCDate() !== d) return null;
  // The zone's offset at the wall time, refined once more across a DST change.
  const { offset } = zoneClock(timeZone);
  let utc = wall - offset(wall);
  utc = wall - offset(utc);
  return { iso: toIso(utc), seconds: m[6] !== undefined };
}

