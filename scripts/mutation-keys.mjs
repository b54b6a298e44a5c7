/**
 * The key of a mutant, shared by the sample's draw (scripts/mutation-sample.mjs) and the progress reporter
 * StrykerJS loads in each of its worker processes (scripts/mutation-progress.mjs): plain JavaScript, as
 * those workers do not load TypeScript.
 */

/**
 * One key for a mutant in the instrumenter's list (0-based lines and columns) and in StrykerJS's results
 * (1-based, as in its report): `base` says which.
 * @param {{ file?: string, fileName?: string, location: { start: { line: number, column: number }, end: { line: number, column: number } }, mutatorName: string, replacement?: string }} mutant
 * @param {0 | 1} [base]
 */
export function keyOf({ file, fileName, location: { start, end }, mutatorName, replacement }, base = 0) {
  const name = file ?? fileName;
  const relative = name.startsWith('/') ? name.slice(process.cwd().length + 1) : name;
  const at = ({ line, column }) => `${line - base}:${column - base}`;
  return `${relative}:${at(start)}-${at(end)} ${mutatorName} ${replacement}`;
}
