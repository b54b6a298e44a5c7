/** Accounts seen across an export, folded into one record each: latest facts, every handle with when it was first seen. */
import { AccountRecordSchema, type AccountRecord } from '../schema/post.ts';
import type { Platform } from '../schema/common.ts';
import type { AccountObservation } from './types.ts';

interface Folded {
  record: AccountRecord;
  /** Time of the observation the scalar fields come from ('' when unknown). */
  seenAt: string;
}

export class AccountBook {
  private readonly accounts = new Map<string, Folded>();

  constructor(private readonly platform: Platform) {}

  /** Start from a dataset's existing accounts file. */
  load(record: AccountRecord): void {
    const seenAt = record.handles.reduce((latest, h) => (h.seenAt > latest ? h.seenAt : latest), '');
    this.accounts.set(record.id, { record, seenAt });
  }

  observe(o: AccountObservation): void {
    const seenAt = o.seenAt ?? '';
    let folded = this.accounts.get(o.id);
    if (!folded) {
      folded = { record: { id: o.id, platform: this.platform, handles: [] }, seenAt };
      this.accounts.set(o.id, folded);
      assign(folded.record, o);
    } else if (seenAt > folded.seenAt) {
      folded.seenAt = seenAt;
      assign(folded.record, o);
    } else {
      fillGaps(folded.record, o);
    }
    if (o.handle && o.seenAt) {
      const handles = folded.record.handles;
      const known = handles.find((h) => h.handle === o.handle);
      // Most sightings repeat a handle already known at that time or earlier: nothing to reorder.
      if (known && o.seenAt >= known.seenAt) return;
      if (!known) handles.push({ handle: o.handle, seenAt: o.seenAt });
      else known.seenAt = o.seenAt;
      handles.sort((x, y) => (x.seenAt < y.seenAt ? -1 : x.seenAt > y.seenAt ? 1 : x.handle < y.handle ? -1 : 1));
    }
  }

  /** Validated records sorted by id, one JSON line each. */
  lines(): string[] {
    return [...this.accounts.keys()]
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((id) => JSON.stringify(AccountRecordSchema.parse(this.accounts.get(id)!.record)));
  }
}

const fields = ['handle', 'name', 'description', 'followers', 'following', 'createdAt', 'location'] as const;

function assign(record: AccountRecord, o: AccountObservation): void {
  for (const field of fields) if (o[field] !== undefined) (record as Record<string, unknown>)[field] = o[field];
}

function fillGaps(record: AccountRecord, o: AccountObservation): void {
  for (const field of fields) {
    if (record[field] === undefined && o[field] !== undefined) (record as Record<string, unknown>)[field] = o[field];
  }
}
