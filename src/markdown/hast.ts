/** A minimal hast builder for the markup our plugins generate; text is always a text node, so it is escaped. */
import type { Element, ElementContent, Properties } from 'hast';
import { messageParts } from '../locale/messages.ts';

export type Child = ElementContent | string | null | undefined | false;

export function h(tagName: string, properties: Properties = {}, children: Child[] = []): Element {
  return {
    type: 'element',
    tagName,
    properties,
    children: children.flatMap((c): ElementContent[] =>
      c === null || c === undefined || c === false ? [] : typeof c === 'string' ? [{ type: 'text', value: c }] : [c],
    ),
  };
}

/** A translated message with markup at its slots (`slot('post')` in `t(…)`), each slot filled from `parts`. */
export function rich(message: string, parts: Readonly<Record<string, Child>>): Child[] {
  return messageParts(message).map((part) => ('slot' in part ? parts[part.slot] : part.text));
}
