import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { deltaE2000, difference, lightness, type Vision } from './colour-vision.ts';
import { palettes } from './theme.ts';

const visions: Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];
/** CIEDE2000: about 1 is just noticeable; 10 or more is a clear difference at a glance. */
const clear = 10;
/** CIELAB lightness steps a greyscale printer keeps apart. */
const greyStep = 15;

/** Every pair of series colours: any two can touch (stacked kinds, crossing lines, neighbouring labels). */
const pairs = (colours: readonly string[]) => colours.flatMap((a, i) => colours.slice(i + 1).map((b) => [a, b] as const));

describe('chart palettes', () => {
  test('deltaE2000(lab pairs) matches Sharma, Wu and Dalal’s published test data', () => {
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 4);
    expect(deltaE2000([50, 0, 0], [50, -1, 2])).toBeCloseTo(2.3669, 4);
    expect(deltaE2000([2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514])).toBeCloseTo(0.9082, 4);
  });

  test.each(Object.entries(palettes))('%s: every pair of series colours differs by ΔE2000 ≥ 10 for normal, protan, deutan and tritan vision', (_, colours) => {
    const failures = pairs(colours).flatMap(([a, b]) => visions
      .map((vision) => ({ vision, a, b, d: Math.round(difference(a, b, vision) * 10) / 10 }))
      .filter((r) => r.d < clear));
    expect(failures).toEqual([]);
  });

  test('the palette charts used before fails the same check: the test can tell', () => {
    expect(difference('#a86e00', '#cc4428', 'deuteranopia')).toBeLessThan(clear);
  });

  test('print: every pair of series colours differs in greyscale lightness by at least 15', () => {
    const close = pairs(palettes.print).filter(([a, b]) => Math.abs(lightness(a) - lightness(b)) < greyStep);
    expect(close).toEqual([]);
  });

  test('the site CSS defines exactly these palettes for light, dark and print', () => {
    const css = readFileSync(new URL('../styles/global.css', import.meta.url), 'utf8');
    const declared = [...css.matchAll(/--cf-chart-([1-4]):\s*(#[0-9a-f]{6})/gi)].map((m) => m[2]!.toLowerCase());
    expect(declared).toEqual([...palettes.light, ...palettes.dark, ...palettes.print]);
  });
});
