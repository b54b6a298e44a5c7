/**
 * The Unicode TR39 skeleton (https://www.unicode.org/reports/tr39/#def-skeleton): two strings that look alike
 * have the same skeleton. skeleton(X) = NFD(prototypes of NFD(X) without default-ignorable characters).
 * The prototypes are the official confusables.txt mapping, version 13.0.0, as the npm package `unhomoglyph`
 * 1.0.6 (nodeca, MIT) ships it in its data.json; its own function is not used, since it skips both
 * normalisations and its one regular expression of 6,000 alternatives costs more than a lookup per character.
 */
import { createRequire } from 'node:module';

const prototypes = new Map(Object.entries(createRequire(import.meta.url)('unhomoglyph/data.json') as Record<string, string>));
const ignorable = /\p{Default_Ignorable_Code_Point}/u;

export function skeleton(text: string): string {
  // Printable ASCII (most handles) needs no normalisation and has eight characters with prototypes.
  if (PRINTABLE_ASCII.test(text)) return text.replace(ASCII_CONFUSABLE, (ch) => prototypes.get(ch)!).normalize('NFD');
  let out = '';
  for (const ch of text.normalize('NFD')) if (!ignorable.test(ch)) out += prototypes.get(ch) ?? ch;
  return out.normalize('NFD');
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ASCII_CONFUSABLE = new RegExp(`[${[...prototypes.keys()].filter((k) => k < '\x80').map((k) => `\\x${k.charCodeAt(0).toString(16).padStart(2, '0')}`).join('')}]`, 'g');

/**
 * Handles are matched without regard to case, and platforms show some in compatibility forms (fullwidth
 * letters), so two handles look alike when their skeletons agree as written or once NFKC case-folded.
 */
export function handlesLookAlike(a: string, b: string): boolean {
  return skeleton(a) === skeleton(b) || skeleton(folded(a)) === skeleton(folded(b));
}

/** NFKC and lower case: what `handlesLookAlike` also compares. */
export function folded(handle: string): string {
  return (PRINTABLE_ASCII.test(handle) ? handle : handle.normalize('NFKC')).toLowerCase();
}
