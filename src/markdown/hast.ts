/** A minimal hast builder for the markup our plugins generate; text is always a text node, so it is escaped. */
import type { Element, ElementContent, Properties } from 'hast';

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

/**
 * An element inside a translated message: fill the message with `slot(i)` where part i goes, then `rich`
 * splits the text there. Translations may move a part; private-use characters never occur in a message.
 */
export function slot(i: number): string {
  return `\u{E010}${i}\u{E011}`;
}

export function rich(text: string, parts: readonly Child[]): Child[] {
  return text.split(/\u{E010}(\d+)\u{E011}/u).map((piece, k) => (k % 2 === 1 ? parts[Number(piece)] : piece));
}
