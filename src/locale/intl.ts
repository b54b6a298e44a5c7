/**
 * Shared Intl formatters. Building one is far dearer than using it (a site with thousands of pages
 * formats hundreds of thousands of numbers and dates), so each locale/options pair is built once.
 */
const numbers = new Map<string, Intl.NumberFormat>();
const dates = new Map<string, Intl.DateTimeFormat>();
const lists = new Map<string, Intl.ListFormat>();
const directions = new Map<string, 'ltr' | 'rtl'>();

/** What `map` holds under `key`, made by `make` the first time: Intl objects and CLDR lookups cost per call. */
export function remembered<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}\0${JSON.stringify(options)}`;
  return remembered(numbers, key, () => new Intl.NumberFormat(locale, options));
}

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  const key = `${locale}\0${JSON.stringify(options)}`;
  return remembered(dates, key, () => new Intl.DateTimeFormat(locale, options));
}

export function listFormat(locale: string, options: Intl.ListFormatOptions = {}): Intl.ListFormat {
  const key = `${locale}\0${JSON.stringify(options)}`;
  return remembered(lists, key, () => new Intl.ListFormat(locale, options));
}

const zoneNames = new Map<string, string>();
/** Any instant serves a generic name; the fallback's is a winter one, for a zone without a generic name. */
const JAN_2024 = Date.UTC(2024, 0, 1);

/**
 * A time zone's name in the reader's language ("heure normale de l’Azerbaïdjan", "توقيت أذربيجان الرسمي"):
 * the zone's generic name, which holds all year; where CLDR has none and would give a bare offset
 * ("GMT+00:00"), its name at a fixed instant ("Coordinated Universal Time"). A string that names no zone
 * is returned as it is.
 */
export function zoneName(locale: string, timeZone: string): string {
  const key = `${locale}\0${timeZone}`;
  let name = zoneNames.get(key);
  if (name !== undefined) return name;
  const named = (timeZoneName: 'longGeneric' | 'long'): string | undefined =>
    dateTimeFormat(locale, { timeZone, timeZoneName }).formatToParts(JAN_2024).find((p) => p.type === 'timeZoneName')?.value;
  try {
    const generic = named('longGeneric');
    name = generic !== undefined && !/\d/u.test(generic) ? generic : (named('long') ?? timeZone);
  } catch {
    name = timeZone;
  }
  zoneNames.set(key, name);
  return name;
}
/** A language's name in itself, as a language switcher shows it ("Français", "Русский"). */
export function languageName(locale: string): string {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** A language's name in the reader's language, as a sentence says it ("anglais" in French). */
export function languageNameIn(language: string, readerLocale: string): string {
  return new Intl.DisplayNames([readerLocale], { type: 'language' }).of(language) ?? language;
}

/** `rtl` for a language written right to left (Arabic, Persian, Hebrew…), `ltr` otherwise, from the locale's CLDR text info. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  // Every page asks for its language's direction: looked up in CLDR once a locale (BENCHMARKS.md, "The 10M-post
  // case's report after its render was profiled").
  return remembered(directions, locale, () => {
    const l = new Intl.Locale(locale) as Intl.Locale & { getTextInfo?: () => { direction?: string }; textInfo?: { direction?: string } };
    // Node 20's V8 has the `textInfo` getter; later engines have `getTextInfo()` instead.
    const info = l.getTextInfo?.() ?? l.textInfo;
    return info?.direction === 'rtl' ? 'rtl' : 'ltr';
  });
}

/**
 * The language the project's shared files are written in (sources, account dossiers, entities, dataset
 * manifests), and the site-wide pages with them: they have no translations.
 */
export const projectLanguage = 'en';

/**
 * The `lang` a piece of the project's text needs inside a page in `pageLocale`: its own language when a file
 * names it (a quoted title), otherwise the project's language where the page's differs, so a screen reader
 * reads an English dataset description on a French page in English. Undefined where it reads as the page does.
 */
export function textLang(language: string | undefined, pageLocale: string): string | undefined {
  if (language !== undefined) return language;
  return new Intl.Locale(pageLocale).language === projectLanguage ? undefined : projectLanguage;
}
