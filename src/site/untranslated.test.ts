import { describe, expect, it } from 'vitest';
import { untranslatedReports } from './untranslated.ts';

/** A case written in `language`, with translations into `translated`. */
const siteCase = (id: string, language: string, translated: string[] = []) => ({
  id,
  data: { language },
  versions: [{ language, href: `/cases/${id}/`, original: true }, ...translated.map((t) => ({ language: t, href: `/${t}/cases/${id}/`, original: false }))],
});

describe('untranslatedReports(site)', () => {
  it('names each case missing from a language other cases are translated into', () => {
    const cases = [siteCase('a', 'en', ['fr', 'ru']), siteCase('b', 'en'), siteCase('c', 'en', ['ru'])];
    const found = untranslatedReports({ cases, translations: [{ prefix: 'fr' }, { prefix: 'ru' }, { prefix: 'ru' }] });
    expect(found.map((r) => `${r.language} ${r.siteCase.id}`)).toEqual(['fr b', 'ru b', 'fr c']);
  });

  it('leaves out a case already written in that language', () => {
    const cases = [siteCase('a', 'en', ['fr']), siteCase('b', 'fr-CA')];
    expect(untranslatedReports({ cases, translations: [{ prefix: 'fr' }] })).toEqual([]);
  });

  it('names none when no case is translated', () => {
    expect(untranslatedReports({ cases: [siteCase('a', 'en')], translations: [] })).toEqual([]);
  });
});
