/**
 * `node scripts/mutation-survivors.mjs <folder> [file-substring]`: the mutants of the last
 * `npm run mutation -- <folder>` run that no test detected (survived or without coverage), one a line as
 * `file:line:column Mutator (Status): original → replacement`, so the missing test can be written.
 */
import { readFileSync } from 'node:fs';

const [folder, only] = process.argv.slice(2);
if (!folder) throw new Error('Usage: node scripts/mutation-survivors.mjs <folder> [file-substring]');
const report = JSON.parse(readFileSync(`reports/mutation/${folder}.json`, 'utf8'));
for (const [file, { source, mutants }] of Object.entries(report.files)) {
  if (only && !file.includes(only)) continue;
  const lines = source.split('\n');
  const original = ({ start, end }) =>
    start.line === end.line
      ? lines[start.line - 1].slice(start.column - 1, end.column - 1)
      : `${lines[start.line - 1].slice(start.column - 1)}…`;
  const open = mutants
    .filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')
    .sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column);
  for (const m of open) {
    const short = (text) => (text.length > 100 ? `${text.slice(0, 100)}…` : text).replace(/\n/g, '⏎');
    console.log(`${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName} (${m.status}): ${short(original(m.location))} → ${short(m.replacement ?? '')}`);
  }
}
