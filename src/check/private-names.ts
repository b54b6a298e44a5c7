/**
 * A private person is shown by their pseudonym alone, and the site rewrites what the data holds (posts,
 * mentions, links), but the prose an editor writes is published as written: a report, translation or
 * dossier that names a private person's handle or display name would reveal them on the page.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { escapeRegExp, type PrivateAccount } from '../aggregate/pseudonymise.ts';

export interface Prose {
  file: string;
  body: string;
  bodyLineOffset: number;
}

export function checkPrivateNames(texts: readonly Prose[], people: readonly PrivateAccount[]): Diagnostic[] {
  const names = people.flatMap((person) => [
    ...person.handles.filter((h) => h.length >= 2).map((value) => ({ person, value, what: 'handle' })),
    // A name of one short word could be any word of the text; the display names that identify are longer.
    ...person.displayNames.filter((n) => n.trim().length >= 4).map((value) => ({ person, value: value.trim(), what: 'display name' })),
  ]);
  if (names.length === 0) return [];
  const out: Diagnostic[] = [];
  for (const text of texts) {
    for (const { person, value, what } of names) {
      // Whole words only, in any case: `user_b` is not in `user_bc` nor in `the_user_b`.
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(value)}(?![\\p{L}\\p{N}_])`, 'giu');
      for (const match of text.body.matchAll(pattern)) {
        const before = text.body.slice(0, match.index);
        const line = text.bodyLineOffset + before.split('\n').length;
        const column = match.index - before.lastIndexOf('\n');
        const found = match[0];
        out.push(diagnostic({
          file: text.file,
          start: { line, column },
          end: { line, column: column + found.length },
          ruleId: 'privacy/named-private',
          message: `Unexpected ${what} \`${found}\` of a private individual in the text, expected their pseudonym \`${person.pseudonym}\`.`,
          hint: `Write :account[${person.dossierId}] or the pseudonym instead: the site shows a private person by their pseudonym alone, and the text is published as written.`,
        }));
      }
    }
  }
  return out;
}
