/**
 * Golden text: compare with `test/golden/<name>`; a mismatch writes `<name>.changed` beside it
 * for review. A missing golden file is written locally, and fails in CI.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';

const goldenDir = path.resolve(import.meta.dirname, '../golden');

export async function expectGolden(name: string, actual: string): Promise<void> {
  const file = path.join(goldenDir, name);
  const changed = `${file}.changed`;
  if (!existsSync(file)) {
    if (process.env.CI) throw new Error(`Missing golden file ${path.relative(process.cwd(), file)}; run the tests locally and commit it.`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, actual);
    return;
  }
  const expected = await readFile(file, 'utf8');
  if (expected !== actual) await writeFile(changed, actual);
  else await rm(changed, { force: true });
  expect(actual, `golden ${name} differs; see ${path.relative(process.cwd(), changed)}`).toBe(expected);
}
