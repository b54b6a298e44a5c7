/**
 * Colons in prose that remark-directive would read as text directives: times (`at 10:30`, `10:30:15`,
 * `9:45pm`), ratios (`3:2`) and a colon before a word (`11 p.m.:nobody`, `Note:this`). They are turned back
 * into the text they were written as, before anything reads the tree: a directive name never starts with a
 * digit, and a bare `:word` with neither label nor options that names no directive is prose. `:count{…}`,
 * `:typo[…]` and a bare `:account` stay directives, and are checked (and reported) as such.
 */
import type { Root, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { directiveNames } from './directive-names.ts';

export function remarkProseColons() {
  const names = new Set(directiveNames);
  return (tree: Root, file: { value: unknown }) => {
    const source = String(file.value);
    visit(tree, 'textDirective', (node, index, parent) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (!parent || index === undefined || start === undefined || end === undefined) return undefined;
      const written = source.slice(start, end);
      const bare = written === `:${node.name}`;
      if (!/^\d/.test(node.name) && !(bare && !names.has(node.name))) return undefined;
      // Joined with the text around it, so the sentence stays one text node, as if no directive had been seen.
      const before = parent.children[index - 1];
      const after = parent.children[index + 1];
      const from = before?.type === 'text' ? index - 1 : index;
      const to = after?.type === 'text' ? index + 2 : index + 1;
      const text: Text = {
        type: 'text',
        value: `${before?.type === 'text' ? before.value : ''}${written}${after?.type === 'text' ? after.value : ''}`,
        position: {
          start: (before?.type === 'text' ? before.position?.start : undefined) ?? node.position!.start,
          end: (after?.type === 'text' ? after.position?.end : undefined) ?? node.position!.end,
        },
      };
      parent.children.splice(from, to - from, text);
      return [SKIP, from];
    });
  };
}
