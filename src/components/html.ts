/**
 * Markup written as strings, for the parts of a page that repeat one small element many times (an account
 * page's tables of accounts). Escaped exactly as hast-util-to-html escapes, so the bytes are those the hast
 * made, at a fraction of the cost: building and serialising hast for an account page's two amplification
 * tables was the largest single part of the page's render (BENCHMARKS.md, "The render on its own thread").
 * `Html` is markup this module made: a plain string from the data cannot be placed as markup by mistake.
 */
import { stringifyEntities } from 'stringify-entities';

declare const markup: unique symbol;
export type Html = string & { readonly [markup]: true };

// As hast-util-to-html: in text, `<` and `&`; in a double-quoted value, what could end it or be read as a
// reference, and the characters old browsers took for quotes.
const TEXT = ['<', '&'];
const ATTRIBUTE = ['\0', '"', '&', "'", '`'];

/** `value` as text, escaped. */
export function text(value: string): Html {
  return stringifyEntities(value, { subset: TEXT }) as Html;
}

/** Markup joined, as one piece. */
export function join(parts: readonly Html[]): Html {
  return parts.join('') as Html;
}

/**
 * `<tag attributes…>children</tag>`. Names are the code's own; values are escaped. Elements here always
 * have their end tag (hast-util-to-html leaves out optional ones only when asked to).
 */
export function element(tag: string, attributes: Readonly<Record<string, string>> | null, children: Html | readonly Html[] = '' as Html): Html {
  let open = `<${tag}`;
  if (attributes) for (const name in attributes) open += ` ${name}="${stringifyEntities(attributes[name]!, { subset: ATTRIBUTE, attribute: true })}"`;
  return `${open}>${typeof children === 'string' ? children : children.join('')}</${tag}>` as Html;
}
