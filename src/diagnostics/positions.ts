/**
 * Locators: from a path in parsed data (as zod reports it) back to line:column in the file.
 * YAML through `yaml`'s CST ranges, JSON through momoa's AST locations.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node as YamlNode } from 'yaml';
import { parse as parseJson, type AnyNode as AstNode, type DocumentNode, type ElementNode, type MemberNode } from '@humanwhocodes/momoa';
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
    const found = span(node as YamlNode) ?? span(keyNode as YamlNode);
    return found && isScalar(node) && typeof node.value === 'number' && typeof node.source === 'string' ? { ...found, source: node.source } : found;
  };
}

/**
 * Locate values of a momoa JSON AST, the one JSON locator. The offsets place the JSON in a larger file:
 * `lineOffset` lines before it, and `columnOffset` characters before it on its first line (a line of an
 * NDJSON file, an element of an array that starts mid-line); `basePath` is the path of the AST's root there.
 */
export function jsonLocator(ast: DocumentNode, lineOffset = 0, columnOffset = 0, basePath: IssuePath = [], text?: string): Locate {
  const pos = (p: { line: number; column: number }): Position => ({ line: p.line + lineOffset, column: p.line === 1 ? p.column + columnOffset : p.column });
  // A number's text as written (from `text`, the JSON the AST was parsed from), which JSON.parse may have rounded.
  const span = (node: AstNode): Span =>
    node.type === 'Number' && text !== undefined
      ? { start: pos(node.loc.start), end: pos(node.loc.end), source: text.slice(node.loc.start.offset, node.loc.end.offset) }
      : { start: pos(node.loc.start), end: pos(node.loc.end) };
  return (path: IssuePath, options) => {
    let node: AstNode = ast.body;
    let keyNode: AstNode | undefined;
    for (const segment of [...basePath, ...path]) {
      if (node.type === 'Object') {
        const member: MemberNode | undefined = node.members.find((m: MemberNode) => nameOf(m.name) === String(segment));
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

/** A member's name: a string, or a bare identifier in JSONC. */
function nameOf(node: AstNode): string {
  return node.type === 'String' ? node.value : node.type === 'Identifier' ? node.name : '';
}

/**
 * `jsonLocator` over JSON text that has already been read with JSON.parse: the text is parsed again with
 * locations only now, when something is wrong. Nesting deep enough to exhaust momoa's recursion points at
 * the start of the text instead of crashing.
 */
export function jsonTextLocator(text: string, basePath: IssuePath = [], lineOffset = 0, columnOffset = 0, mode: 'json' | 'jsonc' = 'json'): Locate {
  try {
    return jsonLocator(parseJson(text, { mode, ranges: false, tokens: false, allowTrailingCommas: mode === 'jsonc' }), lineOffset, columnOffset, basePath, text);
  } catch {
    const start = { line: 1 + lineOffset, column: 1 + columnOffset };
    return () => ({ start });
  }
}
