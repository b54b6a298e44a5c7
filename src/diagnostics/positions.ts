/**
 * Locators: from a path in parsed data (as zod reports it) back to line:column in the file.
 * YAML through `yaml`'s CST ranges, JSON through momoa's AST locations.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node as YamlNode } from 'yaml';
import type { AnyNode as AstNode, DocumentNode, ElementNode, MemberNode } from '@humanwhocodes/momoa';
import type { Position } from './diagnostic.ts';
import type { IssuePath, Locate, Span } from './zod-issues.ts';

/** Locate values of a YAML document whose text starts at `lineOffset` lines into the file. */
export function yamlLocator(doc: Document, lineCounter: LineCounter, lineOffset = 0): Locate {
  const pos = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  const span = (node: { range?: [number, number, number] | null | undefined } | null | undefined): Span | undefined =>
    node?.range ? { start: pos(node.range[0]), end: pos(node.range[1]) } : undefined;

  return (path: IssuePath, options) => {
    let node: unknown = doc.contents;
    let keyNode: unknown;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) return undefined;
        keyNode = pair.key;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        keyNode = undefined;
        node = node.items[segment];
      } else return undefined;
    }
    if (options?.key && keyNode) return span(keyNode as YamlNode);
    // A key with no value (`title:`) has a null node: point at the key.
    return span(node as YamlNode) ?? span(keyNode as YamlNode);
  };
}

/** Locate values of a momoa JSON AST; `lineOffset` shifts lines when the JSON is one line of a larger file. */
export function jsonLocator(ast: DocumentNode, lineOffset = 0): Locate {
  const pos = (p: { line: number; column: number }): Position => ({ line: p.line + lineOffset, column: p.column });
  const span = (node: AstNode): Span => ({ start: pos(node.loc.start), end: pos(node.loc.end) });
  return (path: IssuePath, options) => {
    let node: AstNode = ast.body;
    let keyNode: AstNode | undefined;
    for (const segment of path) {
      if (node.type === 'Object') {
        const member: MemberNode | undefined = node.members.find((m: MemberNode) => m.name.type === 'String' && m.name.value === String(segment));
        if (!member) return undefined;
        keyNode = member.name;
        node = member.value;
      } else if (node.type === 'Array' && typeof segment === 'number') {
        const element: ElementNode | undefined = node.elements[segment];
        if (!element) return undefined;
        keyNode = undefined;
        node = element.value;
      } else return undefined;
    }
    return options?.key && keyNode ? span(keyNode) : span(node);
  };
}
