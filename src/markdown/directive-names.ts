/** Which directives exist, in which form (`:text`, `::leaf`), and the diagnostics for the ones that do not. */
import type { Directives } from 'mdast-util-directive';
import type { FigureMeasure } from '../aggregate/figure-query.ts';
import { figureMeasures } from './figure-parse.ts';
import { closest } from '../diagnostics/suggest.ts';
import type { Problem } from './report.ts';

export type KnownDirective =
  | { name: 'account' | 'entity' }
  | { name: 'figure'; measure: FigureMeasure }
  | { name: 'chart' | 'post' }
  /** `:coordination{measure=…}` in a sentence, `::coordination` on its own line. */
  | { name: 'coordination' };

const textNames = ['account', 'entity', ...figureMeasures, 'coordination'];
const leafNames = ['chart', 'post', 'coordination'];
/** Every directive name, in any form. */
export const directiveNames: readonly string[] = [...new Set([...textNames, ...leafNames])];
const prefix: Record<Directives['type'], string> = { textDirective: ':', leafDirective: '::', containerDirective: ':::' };

const known = [...textNames.map((n) => `:${n}`), ...leafNames.map((n) => `::${n}`)];

/** The directive, or the problem with it: an unknown name or a known name in the wrong form. */
export function classifyDirective(node: Directives): KnownDirective | Problem {
  const written = `${prefix[node.type]}${node.name}`;
  if (node.name === 'coordination' && node.type !== 'containerDirective') return { name: 'coordination' };
  if (node.type === 'textDirective' && textNames.includes(node.name)) {
    return node.name === 'account' || node.name === 'entity'
      ? { name: node.name }
      : { name: 'figure', measure: node.name as FigureMeasure };
  }
  if (node.type === 'leafDirective' && (node.name === 'chart' || node.name === 'post')) return { name: node.name };
  const right = textNames.includes(node.name) ? `:${node.name}` : leafNames.includes(node.name) ? `::${node.name}` : undefined;
  if (right) {
    return {
      ruleId: 'markdown/directive-form',
      message: `Unexpected \`${written}\`, expected \`${right}\`${right.startsWith('::') ? ' on a line of its own' : ' inside a paragraph'}.`,
      actual: written,
      expected: right,
      hint: `Write it as ${right}${node.name === 'chart' || node.name === 'post' ? '{…}' : '[…]'}.`,
    };
  }
  return {
    ruleId: 'markdown/unknown-directive',
    message: `Unexpected directive \`${written}\`, expected one of ${known.map((k) => `\`${k}\``).join(', ')}.`,
    actual: written,
    expected: known.join(', '),
    hint: didYouMean(node) ?? 'Correct the name, or escape the colon (\\:) if it is ordinary text.',
  };
}

/** The known name of the same form closest to an unknown one (`:cout` → `:count`). */
function didYouMean(node: Directives): string | undefined {
  const near = closest(node.name, node.type === 'textDirective' ? textNames : leafNames);
  return near === undefined ? undefined : `Did you mean \`${prefix[node.type]}${near}\`?`;
}

export function isProblem(value: KnownDirective | Problem): value is Problem {
  return 'ruleId' in value;
}
