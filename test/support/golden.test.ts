import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectGolden } from './golden.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('expectGolden(name, actual)', () => {
  it('expectGolden(missing name) fails in CI instead of writing the golden, so a new test cannot pass unseen', async () => {
    vi.stubEnv('CI', 'true');
    const name = 'check/missing-golden-never-committed.txt';
    await expect(expectGolden(name, 'text')).rejects.toThrow(/Missing golden file/);
    expect(existsSync(path.resolve(import.meta.dirname, '../golden', name))).toBe(false);
  });
});
