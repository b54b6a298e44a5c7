/**
 * Prints diagnostics for people (grouped by file, like remark's reporter), for machines (JSON),
 * and for GitHub pull requests (workflow-command annotations).
 */
import pc from 'picocolors';
import { sortDiagnostics, type Diagnostic } from './diagnostic.ts';

export type ReportFormat = 'text' | 'json' | 'github';

export function formatDiagnostics(list: readonly Diagnostic[], format: ReportFormat, options: { color?: boolean } = {}): string {
  const sorted = sortDiagnostics(list);
  if (format === 'json') return `${JSON.stringify(sorted, null, 2)}\n`;
  if (format === 'github') return sorted.map(githubLine).join('');
  return text(sorted, options.color ?? false);
}

function text(list: Diagnostic[], color: boolean): string {
  const c = pc.createColors(color);
  const lines: string[] = [];
  let current: string | undefined;
  for (const d of list) {
    if (d.file !== current) {
      if (current !== undefined) lines.push('');
      // A problem with the command itself (an import's options) has no file to head it.
      if (d.file) lines.push(c.underline(d.file));
      current = d.file;
    }
    const place = d.file ? `${d.start.line}:${d.start.column}${d.end ? `-${d.end.line}:${d.end.column}` : ''}` : '';
    const severity = d.severity === 'error' ? c.red('error') : c.yellow('warning');
    lines.push(`  ${place.padEnd(13)} ${severity}  ${d.message}  ${c.dim(d.ruleId)}`);
    if (d.hint) lines.push(`  ${' '.repeat(13)} ${c.dim('hint')}   ${d.hint}`);
  }
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  if (list.length > 0) lines.push('');
  lines.push(summary(errors, warnings, c));
  return `${lines.join('\n')}\n`;
}

function summary(errors: number, warnings: number, c: ReturnType<typeof pc.createColors>): string {
  if (errors === 0 && warnings === 0) return c.green('✓ no problems');
  const parts = [];
  if (errors) parts.push(c.red(`${errors} error${errors === 1 ? '' : 's'}`));
  if (warnings) parts.push(c.yellow(`${warnings} warning${warnings === 1 ? '' : 's'}`));
  return `✖ ${parts.join(', ')}`;
}

/** https://docs.github.com/actions/reference/workflow-commands-for-github-actions#setting-an-error-message */
function githubLine(d: Diagnostic): string {
  const props = [`file=${escapeProperty(d.file)}`, `line=${d.start.line}`, `col=${d.start.column}`];
  if (d.end) props.push(`endLine=${d.end.line}`, `endColumn=${d.end.column}`);
  props.push(`title=${escapeProperty(d.ruleId)}`);
  const message = d.hint ? `${d.message} Hint: ${d.hint}` : d.message;
  return `::${d.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(message)}\n`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
