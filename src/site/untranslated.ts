/**
 * A case's report in a language the site publishes other cases in, when the case has no translation into it.
 * A reader who follows or types `/fr/cases/<case>/` gets the report, in its original language, with a note
 * in French saying so, rather than a missing page. Its own other pages are linked at the original's addresses.
 */
import type { SiteCase } from './types.ts';

/** What the choice reads of a case: its language and its versions. */
type Versioned = Pick<SiteCase, 'versions'> & { data: Pick<SiteCase['data'], 'language'> };

export interface UntranslatedReport<C extends Versioned = SiteCase> {
  /** The language prefix the reader asked for (`fr`), which the case has no translation into. */
  language: string;
  /** The original, as it is published at the root. */
  siteCase: C;
}

const languageOf = (locale: string) => new Intl.Locale(locale).language;

/**
 * Every case missing from a language the site has translations in, in the order of `cases` and then of the
 * languages. A case written in that language is left out: its report at the root is already in it.
 */
export function untranslatedReports<C extends Versioned>(site: { cases: readonly C[]; translations: readonly Pick<SiteCase, 'prefix'>[] }): UntranslatedReport<C>[] {
  const languages = [...new Set(site.translations.map((t) => t.prefix!))];
  return site.cases.flatMap((siteCase) =>
    languages
      .filter((language) => languageOf(language) !== languageOf(siteCase.data.language))
      .filter((language) => !siteCase.versions.some((v) => v.language === language))
      .map((language) => ({ language, siteCase })),
  );
}
