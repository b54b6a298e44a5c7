/**
 * Generated HTML that must not pass through the sanitiser (chart SVG) waits in a slot: the tree carries
 * only a placeholder text, and the HTML replaces it after `rehype-sanitize`. The placeholder holds a random
 * nonce, so text written by an author can never name a slot and have trusted HTML put in its place.
 */
import { randomUUID } from 'node:crypto';
import type { Root as HastRoot, RootContent } from 'hast';

export interface TrustedSlots {
  /** Keep `html` aside; returns the placeholder text to put in the tree. */
  add(html: string): string;
  /** Replace every placeholder in the sanitised tree with its HTML, as `raw` nodes. */
  restore(tree: HastRoot): void;
}

export function createTrustedSlots(): TrustedSlots {
  const nonce = randomUUID();
  const html: string[] = [];
  const pattern = new RegExp(`\u{E000}slot:${nonce}:(\\d+)\u{E001}`, 'gu');

  const split = (value: string): RootContent[] => {
    const out: RootContent[] = [];
    let last = 0;
    for (const match of value.matchAll(pattern)) {
      if (match.index > last) out.push({ type: 'text', value: value.slice(last, match.index) });
      out.push({ type: 'raw', value: html[Number(match[1])] ?? '' });
      last = match.index + match[0].length;
    }
    if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
    return out;
  };

  const walk = (parent: { children: RootContent[] }) => {
    parent.children = parent.children.flatMap((child) => {
      if (child.type === 'text' && child.value.includes('\u{E000}')) return split(child.value);
      if ('children' in child) walk(child as { children: RootContent[] });
      return [child];
    });
  };

  return {
    add(value) {
      html.push(value);
      return `\u{E000}slot:${nonce}:${html.length - 1}\u{E001}`;
    },
    restore(tree) {
      if (html.length > 0) walk(tree);
    },
  };
}
