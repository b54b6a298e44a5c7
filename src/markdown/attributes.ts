/** Directive attributes as plain strings, and checks shared by every directive that takes options. */
import type { Directives } from 'mdast-util-directive';
import { closest } from '../diagnostics/suggest.ts';
import type { Problem } from './report.ts';

export function attributesOf(node: Directives): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(node.attributes ?? {})) out[name] = value ?? '';
  return out;
}

/** Problems for attributes a directive does not take, naming the ones it does. */
export function unknownOptions(directive: string, attributes: Record<string, string>, allowed: readonly string[]): Problem[] {
  return Object.keys(attributes)
    .filter((name) => !allowed.includes(name))
    .map((name) => ({
      ruleId: 'markdown/unknown-option',
      message: `Unexpected option \`${name}\` on \`${directive}\`, expected one of ${allowed.map((a) => `\`${a}\``).join(', ')}.`,
      actual: name,
      expected: allowed.join(', '),
      hint: suggestion(name, allowed),
    }));
}

function suggestion(name: string, allowed: readonly string[]): string {
  const near = closest(name, allowed);
  return near !== undefined ? `Did you mean \`${near}\`?` : `Remove \`${name}\` or correct its spelling.`;
}

/** Comma-separated list attribute (`hashtags="A,B"`), blanks dropped. */
export function listOf(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
