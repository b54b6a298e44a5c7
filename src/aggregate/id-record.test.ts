import { describe, expect, it } from 'vitest';
import { idRecord, withIdRecords } from './id-record.ts';
import type { ReportModel } from './model.ts';

describe('idRecord(entries)', () => {
  it('keeps `__proto__` as a key and answers nothing for keys it does not hold', () => {
    const r = idRecord([['__proto__', 1]]);
    expect(Object.keys(r)).toEqual(['__proto__']);
    expect(r['__proto__']).toBe(1);
    expect(r['constructor']).toBeUndefined();
    expect(r['toString']).toBeUndefined();
  });
});

describe('withIdRecords(model)', () => {
  it('gives a model parsed from its JSON cache records without a prototype', () => {
    const model = {
      timelines: idRecord([['__proto__', { total: 1 }]]),
      posts: idRecord([['toString', { id: 'toString' }]]),
      figures: idRecord(),
      profiles: [{ shareOfTag: idRecord([['__proto__', 0.5]]) }],
    } as unknown as ReportModel;
    const cached = withIdRecords(JSON.parse(JSON.stringify(model)) as ReportModel);
    expect(cached.posts['constructor']).toBeUndefined();
    expect(cached.posts['toString']).toEqual({ id: 'toString' });
    expect(cached.timelines['__proto__']).toEqual({ total: 1 });
    expect(cached.figures['valueOf']).toBeUndefined();
    expect(cached.profiles[0]!.shareOfTag['__proto__']).toBe(0.5);
    expect(cached.profiles[0]!.shareOfTag['hasOwnProperty']).toBeUndefined();
  });
});
