/**
 * Directives that did not parse. remark-directive leaves `::chart{caption=Two words}` or an unclosed
 * `:count{hashtag=X` as plain text, which would print as written; each is reported here at its place,
 * with what in its options stopped it (an unquoted value with spaces, a missing `}` or quote).
 */
import type { Root, Text } from 'mdast';
import type { Directives } from 'mdast-util-directive';
import type { Parent } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import { directiveNames } from './directive-names.ts';
import type { Problem } from './report.ts';
import type { RenderState } from './state.ts';

/** `:name{`, `::name[`…: a colon run, a directive name, an opening bracket. Not after a word or a backslash. */
const lookalike = /(?<![\w\\:])(:{1,3})([A-Za-z][\w-]*)([{[])/g;

const directiveTypes = new Set(['textDirective', 'leafDirective', 'containerDirective']);

export function remarkDirectiveLookalikes(state: RenderState) {
  const names = new Set(directiveNames);
  return (tree: Root) => {
    visit(tree, (node, index, parent: Parent | undefined) => {
      // A directive whose brackets did not parse keeps its name, and its options follow as text.
      if (directiveTypes.has(node.type) && parent && index !== undefined) {
        const directive = node as Directives;
        const next = parent.children[index + 1];
        const empty = Object.keys(directive.attributes ?? {}).length === 0 && directive.children.length === 0;
        if (empty && names.has(directive.name) && next?.type === 'text' && /^[{[]/.test((next as Text).value)) {
          const colons = directive.type === 'textDirective' ? ':' : directive.type === 'leafDirective' ? '::' : ':::';
          state.report.at(directive, malformed(`${colons}${directive.name}`, (next as Text).value));
          // Reported once: as text, the name is not rendered (and reported again) as a directive without options.
          const { start, end } = directive.position ?? {};
          parent.children[index] = { type: 'text', value: start?.offset !== undefined && end?.offset !== undefined ? state.body.slice(start.offset, end.offset) : '' } as Text;
          return SKIP;
        }
        return undefined;
      }
      if (node.type !== 'text') return undefined;
      const text = node as Text;
      // Read the source rather than the value, so escaped colons (`\\:`) stay ordinary text.
      const start = text.position?.start.offset;
      const end = text.position?.end.offset;
      const source = start !== undefined && end !== undefined ? state.body.slice(start, end) : text.value;
      for (const m of source.matchAll(lookalike)) {
        const [, colons, name, bracket] = m;
        // Ordinary prose such as `ratio:{…}` is left alone unless it names a directive or starts like a chart.
        if (!names.has(name!) && !(colons === '::' && bracket === '{')) continue;
        const problem = malformed(`${colons}${name}`, source.slice(m.index + colons!.length + name!.length));
        if (start !== undefined) state.report.atPosition(state.report.placeOffset(start + m.index), problem);
        else state.report.at(text, problem);
      }
      return undefined;
    });
  };
}

/** What is wrong with `written` followed by `rest` (its options or label and what comes after them). */
export function malformed(written: string, rest: string): Problem {
  const open = rest[0] === '[' ? '[' : '{';
  const why =
    open === '{'
      ? optionsProblem(rest)
      : rest.includes(']')
        ? undefined
        : { found: 'the end of the paragraph', expected: '`]` after the label', hint: 'Close the label with `]`.' };
  return {
    ruleId: 'markdown/malformed-directive',
    message: `Unexpected ${why?.found ?? `\`${rest.slice(0, 20)}\``} in \`${written}${open}…\`, expected ${why?.expected ?? 'a directive that reads as one'}.`,
    actual: written,
    hint: why?.hint ?? 'Check the brackets and quotes; write `\\:` to show a colon that is ordinary text.',
  };
}

/**
 * The first thing in `{…}` that is not an option: options are `name`, `name=value` or `name="value"`,
 * separated by spaces; a value with spaces or punctuation needs quotes.
 */
function optionsProblem(rest: string): { found: string; expected: string; hint: string } | undefined {
  const OPTIONS = 'options written name=value, or name="value" when the value has spaces or punctuation';
  let i = 1;
  let lastUnquoted: { name: string; value: string } | undefined;
  const quoteHint = () =>
    lastUnquoted
      ? `Put the value of \`${lastUnquoted.name}\` in double quotes when it has spaces or punctuation: ${lastUnquoted.name}="${lastUnquoted.value} …".`
      : 'Put a value with spaces or punctuation in double quotes: name="two words".';
  while (i < rest.length) {
    const c = rest[i]!;
    if (c === '}') return undefined;
    if (c === '\n') return { found: 'a line break', expected: '`}` on the same line', hint: 'Keep a directive and its options on one line.' };
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    const name = /^[#.]?[A-Za-z_:][\w:.-]*/.exec(rest.slice(i))?.[0];
    if (!name) return { found: `\`${c}\``, expected: OPTIONS, hint: quoteHint() };
    i += name.length;
    if (rest[i] !== '=') continue;
    i += 1;
    const quote = rest[i];
    if (quote === '"' || quote === "'") {
      const end = rest.indexOf(quote, i + 1);
      if (end === -1) return { found: 'a quote that is never closed', expected: `a closing ${quote}`, hint: `Close the value of \`${name}\` with ${quote}.` };
      i = end + 1;
      lastUnquoted = undefined;
      continue;
    }
    const value = /^[^\s"'=<>`{}]+/.exec(rest.slice(i))?.[0];
    if (!value) return { found: rest[i] === undefined ? 'the end of the paragraph' : `\`${rest[i]}\``, expected: `a value for \`${name}\``, hint: `Give \`${name}\` a value, e.g. ${name}="…".` };
    i += value.length;
    lastUnquoted = { name, value };
  }
  return { found: 'the end of the paragraph', expected: '`}` after the options', hint: 'Close the options with `}`.' };
}
