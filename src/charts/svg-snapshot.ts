/**
 * Snapshot comparison for chart tests, as Observable Plot does it: the expected SVG lives in
 * test/output/charts/<name>.svg; a mismatch writes <name>-changed.svg beside it for review.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const outputDir = fileURLToPath(new URL('../../test/output/charts/', import.meta.url));

/** Rounds floats so last-digit differences between platforms do not fail, and puts one element per line for readable diffs. */
export function normaliseSvg(svg: string): string {
  return `${svg.replace(/\d+\.\d+/g, (d) => String(Math.round(Number(d) * 100) / 100)).replaceAll('><', '>\n<')}\n`;
}

/** Throws unless `svg` matches the stored snapshot; stores it when missing, except in CI. */
export function assertSvgSnapshot(name: string, svg: string): void {
  const actual = normaliseSvg(svg);
  const expectedPath = `${outputDir}${name}.svg`;
  const changedPath = `${outputDir}${name}-changed.svg`;
  if (!existsSync(expectedPath)) {
    if (process.env['CI']) throw new Error(`Missing snapshot ${expectedPath}, expected it committed; run the tests locally to create it.`);
    mkdirSync(outputDir, { recursive: true });
    writeFileSync(expectedPath, actual);
    return;
  }
  if (readFileSync(expectedPath, 'utf8') !== actual) {
    writeFileSync(changedPath, actual);
    throw new Error(`Unexpected SVG for ${name}, expected ${expectedPath}; the new output is in ${changedPath}.`);
  }
  rmSync(changedPath, { force: true });
}
