/**
 * checkPrivateNames on its own: where in an editor's prose a private person's handle or display name is
 * found (line and column, counted from the body's first line in the file), what is reported, and which
 * names are too short to look for. The whole check holds the same rule end to end (test/check/privacy-names.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { PrivateAccount } from '../aggregate/pseudonymise.ts';
import { checkPrivateNames } from './private-names.ts';

const person: PrivateAccount = {
  dossierId: 'x/account-a',
  platformIds: ['300'],
  handles: ['user_b', 'b'],
  displayNames: ['  Barbara Secret ', 'Bo'],
  postIds: [],
  pseudonym: 'Account A',
  pseudoId: 'p-1',
};
// The body starts on line 6 of its file, after five lines of frontmatter.
const prose = (body: string) => ({ file: 'content/cases/demo/index.md', body, bodyLineOffset: 5 });
const places = (body: string, people = [person]) =>
  checkPrivateNames([prose(body)], people).map((d) => [d.start.line, d.start.column, d.end?.column, d.actual ?? d.message.match(/`([^`]+)`/)![1]]);

describe('checkPrivateNames(texts, people)', () => {
  it('places a handle or display name at its line and column in the file, spanning the name as written', () => {
    expect(places('First line.\nSeen: @User_B and then\n  barbara secret wrote.')).toEqual([
      [7, 8, 14, 'User_B'],
      [8, 3, 17, 'barbara secret'],
    ]);
  });

  it('says which name was found and gives the pseudonym and the directive to write instead', () => {
    const [d] = checkPrivateNames([prose('By Barbara Secret.')], [person]);
    expect(d).toMatchObject({
      file: 'content/cases/demo/index.md',
      ruleId: 'privacy/named-private',
      message: 'Unexpected display name `Barbara Secret` of a private individual in the text, expected their pseudonym `Account A`.',
      hint: 'Write :account[x/account-a] or the pseudonym instead: the site shows a private person by their pseudonym alone, and the text is published as written.',
    });
  });

  it('looks for whole words only, and not for a handle of one letter or a display name of under four', () => {
    expect(places('user_bc, the_user_b, a b c, Bo said.')).toEqual([]);
  });

  it('finds nothing when no private person has a name to look for', () => {
    expect(checkPrivateNames([prose('user_b')], [{ ...person, handles: ['b'], displayNames: ['Bo'] }])).toEqual([]);
    expect(checkPrivateNames([prose('user_b')], [])).toEqual([]);
  });
});
