/**
 * Pandoc-style citations: `[@id]`, `[@id, p. 4]`, `[@a; @b, pp. 2-3]`. Each bracket is one note, numbered
 * in order of appearance; citing a source again makes a new note (as pandoc does), so every reference has
 * exactly one note to return to. As in print, the marker follows the word with no space ("later²"), and
 * brackets side by side (`[@a] [@b]`) make one note, never two numbers that read as one. Remark leaves `[@id]` as text unless a definition of the same label
 * exists, in which case it is a link reference: both are handled.
 */
import type { LinkReference, PhrasingContent, Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Node, Parent } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import { closest } from '../diagnostics/suggest.ts';
import { h } from './hast.ts';
import { notesSection, type Note } from './notes.ts';
import type { RenderState } from './state.ts';

const item = String.raw`@[A-Za-z0-9][\w.-]*(?:\s*,[^;\]]*)?`;
const citation = new RegExp(String.raw`\[\s*(${item}(?:\s*;\s*${item})*)\s*\]`, 'g');

interface Item {
  sourceId: string;
  locator?: string;
  /** Offset of `@` within the bracket text. */
  at: number;
}

function parseItems(inner: string, innerAt: number): Item[] {
  const items: Item[] = [];
  let offset = innerAt;
  for (const part of inner.split(';')) {
    // A locator may wrap onto the next line of the Markdown (`p.` at a line's end, `4` on the next).
    const match = /^(\s*)@([A-Za-z0-9][\w.-]*?)\.?(?:\s*,\s*([\s\S]*?))?\s*$/.exec(part);
    if (match) {
      // The pattern leaves the spaces around a locator out of it; a line break inside reads as one space.
      const locator = match[3]?.replace(/\s+/g, ' ');
      items.push({ sourceId: match[2]!, ...(locator ? { locator } : {}), at: offset + match[1]!.length });
    }
    offset += part.length + 1;
  }
  return items;
}

/**
 * Where `text` (a citation as a text node holds it) is in the body, from `from`: as written, or with its
 * white space matched loosely, since a paragraph's text drops the indentation of its wrapped lines.
 */
function findInBody(body: string, text: string, from: number | undefined): { start: number; end: number } | undefined {
  const exact = body.indexOf(text, from);
  if (exact >= 0) return { start: exact, end: exact + text.length };
  const pattern = new RegExp(text.split(/\s+/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'g');
  pattern.lastIndex = from ?? 0;
  const loose = pattern.exec(body);
  return loose ? { start: loose.index, end: loose.index + loose[0].length } : undefined;
}

export function remarkCitations(state: RenderState) {
  return (tree: Root) => {
    const notes: Note[] = [];

    /** Adds `items` to the note being written (a bracket right after another) or starts a new one. */
    const addToNote = (items: Item[], join: boolean): number => {
      const plain = items.map(({ sourceId, locator }) => ({ sourceId, ...(locator ? { locator } : {}) }));
      const previous = notes.at(-1);
      if (join && previous) previous.items.push(...plain);
      else notes.push({ number: notes.length + 1, items: plain });
      return notes.length;
    };

    /** Records the items under their note and checks their sources exist; `start` is the bracket's body offset, when known. */
    const record = (number: number, items: Item[], start: number | undefined, node: Node): void => {
      for (const it of items) {
        state.collected.notes.push({ number, sourceId: it.sourceId, ...(it.locator ? { locator: it.locator } : {}) });
        if (state.ctx.sources.has(it.sourceId)) continue;
        const problem = {
          ruleId: 'reference/source',
          message: `Unexpected source \`${it.sourceId}\`, expected a file in content/sources.`,
          actual: it.sourceId,
          hint: hintFor(it.sourceId, [...state.ctx.sources.keys()]),
        };
        if (start === undefined) state.report.at(node, problem);
        else state.report.atPosition(state.report.placeOffset(start + it.at), problem);
      }
    };

    const marker = (number: number): PhrasingContent => {
      const link = h('a', { href: `#note-${number}`, id: `note-ref-${number}` }, [String(number)]);
      // Stryker disable next-line StringLiteral: the node is shown only as its hName and hChildren, never by its type or value.
      return { type: 'text', value: '', data: { hName: 'sup', hProperties: { className: ['note-ref'] }, hChildren: [link] } };
    };

    visit(tree, (node, index, parent: Parent | undefined) => {
      // Stryker disable next-line ConditionalExpression,LogicalOperator: only the root has no parent, and it is neither a reference nor text.
      if (!parent || index === undefined) return;
      if (node.type === 'linkReference' && (node as LinkReference).referenceType === 'shortcut') {
        const label = toString(node);
        // A label is a citation when it reads as one, as in text (`[ @id ]` too); other references stay links.
        const items = parseItems(label, 0);
        if (items.length === 0) return;
        const number = addToNote(items, false);
        record(number, items, undefined, node);
        const before = parent.children[index - 1];
        if (before?.type === 'text') (before as Text).value = (before as Text).value.trimEnd();
        parent.children[index] = marker(number);
        return SKIP;
      }
      if (node.type !== 'text') return;
      const text = node as Text;
      const pieces: PhrasingContent[] = [];
      // Text values drop container prefixes (`> `), so each citation is found again in the body for its offset.
      let searchFrom = text.position?.start.offset;
      let last = 0;
      for (const match of text.value.matchAll(citation)) {
        const between = text.value.slice(last, match.index);
        const join = last > 0 && between.trim() === '';
        // Stryker disable next-line ConditionalExpression,LogicalOperator,MethodExpression,StringLiteral: an empty text piece renders nothing.
        if (!join && between.trimEnd() !== '') pieces.push({ type: 'text', value: between.trimEnd() });
        const found = findInBody(state.body, match[0], searchFrom);
        if (found) searchFrom = found.end;
        const items = parseItems(match[1]!, 0);
        // Each item's `@` is found again in the body's own text of the bracket, whose line breaks may be indented.
        if (found) {
          let cursor = found.start;
          for (const it of items) {
            const at = state.body.indexOf(`@${it.sourceId}`, cursor);
            if (at >= 0 && at < found.end) it.at = (cursor = at) - found.start;
          }
        }
        const number = addToNote(items, join);
        record(number, items, found?.start, node);
        if (!join) pieces.push(marker(number));
        last = match.index + match[0].length;
      }
      // Stryker disable next-line ConditionalExpression: replacing a text without citations by itself changes nothing.
      if (pieces.length === 0) return;
      // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: an empty text piece renders nothing.
      if (last < text.value.length) pieces.push({ type: 'text', value: text.value.slice(last) });
      parent.children.splice(index, 1, ...pieces);
      // Stryker disable next-line ArithmeticOperator: going back visits pieces already split, which hold no citation.
      return index + pieces.length;
    });

    if (notes.length > 0) {
      const section = notesSection(notes, state.ctx.sources, state.ctx.locale);
      // Stryker disable next-line StringLiteral: the node is shown only as its hName and hChildren.
      tree.children.push({ type: 'paragraph', children: [], data: { hName: 'section', hProperties: section.properties, hChildren: section.children } });
    }
  };
}

/** The known source an unknown id was likely meant to be, or how to add the one it names. */
function hintFor(id: string, known: string[]): string {
  const meant = closest(id, known);
  return meant ? `Did you mean \`${meant}\`?` : `Add content/sources/${id}.md or correct the id.`;
}
