/**
 * The benchmarks' builds start Node as `npm run build` does, so their figures are the build an editor runs:
 * the flags come from package.json's build script, not from a copy of them.
 */
import { describe, expect, it } from 'vitest';
import { buildNodeFlags } from '../../bench/pages.ts';
import packageJson from '../../package.json' with { type: 'json' };

describe('the benchmarks build child', () => {
  it("starts with the Node flags of package.json's build script", () => {
    const flags = buildNodeFlags();
    expect(flags.length).toBeGreaterThan(0);
    expect(packageJson.scripts.build).toBe(`node ${flags.join(' ')} scripts/cli.mjs build`);
    expect(flags.some((f) => f.startsWith('--max-semi-space-size='))).toBe(true);
  });
});
