import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { assertSvgSnapshot, normaliseSvg } from './svg-snapshot.ts';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('assertSvgSnapshot', () => {
  test('normaliseSvg(svg) rounds floats to 2 decimals and breaks lines between elements', () => {
    expect(normaliseSvg('<svg><rect x="1.23456" y="2"/><text>6.7 hours</text></svg>'))
      .toBe('<svg>\n<rect x="1.23" y="2"/>\n<text>6.7 hours</text>\n</svg>\n');
  });

  test('assertSvgSnapshot(missing name) fails in CI instead of writing the snapshot', () => {
    vi.stubEnv('CI', 'true');
    const name = 'missing-snapshot-never-committed';
    expect(() => assertSvgSnapshot(name, '<svg></svg>')).toThrow(/Missing snapshot/);
    expect(existsSync(fileURLToPath(new URL(`../../test/output/charts/${name}.svg`, import.meta.url)))).toBe(false);
  });
});
