/**
 * The one catalogue of the words readers see, and the translator that formats them. A language is chosen
 * by the locale's language subtag (`fr-CA` → French); numbers inside messages are formatted for the full
 * locale. A language without a catalogue reads English words, as a page of a case in any language did before
 * its catalogue existed.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { listFormat, numberFormat, textDirection, zoneName } from './intl.ts';
import { en, type Catalogue, type MessageKey } from './catalogues/en.ts';
import { ar } from './catalogues/ar.ts';
import { az } from './catalogues/az.ts';
import { fr } from './catalogues/fr.ts';
import { ru } from './catalogues/ru.ts';

export type { MessageKey, Catalogue };

export const catalogues: Readonly<Record<string, Catalogue>> = { en, fr, ru, az, ar };

export type MessageValues = Record<string, string | number>;
export type Translator = (key: MessageKey, values?: MessageValues) => string;

/**
 * The language subtag of `locale`, parsed once per locale: every page asks for it several times, and
 * `Intl.Locale` parses the tag anew each time it is made.
 */
const languages = new Map<string, string>();
function languageOf(locale: string): string {
  let language = languages.get(locale);
  if (language === undefined) languages.set(locale, (language = new Intl.Locale(locale).language));
  return language;
}

/** The catalogue's language for `locale`: its language subtag when a catalogue exists, English otherwise. */
export function catalogueLanguage(locale: string): string {
  const language = languageOf(locale);
  return Object.hasOwn(catalogues, language) ? language : 'en';
}

/**
 * The locale of the words around a page's content (navigation, headings the generator writes): the
 * content's own when its language has a catalogue, English otherwise.
 */
export function chromeLocale(contentLocale: string): string {
  return catalogueLanguage(contentLocale) === languageOf(contentLocale) ? contentLocale : 'en';
}

/** `lang` for the words around the content: unset when they are in the content's language, `en` when they fell back. */
export function chromeLang(contentLocale: string): string | undefined {
  return chromeLocale(contentLocale) === contentLocale ? undefined : 'en';
}

// Parsing a message is far dearer than formatting it: each locale's message is parsed once.
const compiled = new Map<string, IntlMessageFormat>();
const translators = new Map<string, Translator>();

/** The words of `locale`: `t('chart.total')`, `t('chart.posts', { count: 3 })`. */
export function translator(locale: string): Translator {
  let t = translators.get(locale);
  if (t) return t;
  const catalogue = catalogues[catalogueLanguage(locale)]!;
  const rtl = textDirection(locale) === 'rtl';
  t = (key, values) => {
    const source = catalogue[key];
    if (source === undefined) throw new Error(`No message \`${key}\` in the ${catalogueLanguage(locale)} catalogue.`);
    // Most words have nothing to fill in: they are their own text (the catalogue test checks that they format to it).
    if (!source.includes('{')) return source;
    const id = `${locale}\0${key}`;
    let format = compiled.get(id);
    if (!format) compiled.set(id, (format = new IntlMessageFormat(source, locale)));
    const named = values && zoneNamed(values, chromeLocale(locale));
    return String(format.format(rtl && named ? isolateLatin(named, selectors(format)) : named));
  };
  translators.set(locale, t);
  return t;
}

/**
 * Arguments that hold an IANA zone id (`Asia/Baku`): every message shows the zone by its name in the
 * message's language, so no caller can leave an id in a sentence ("heure de Asia/Baku").
 */
const ZONE_ARGUMENTS: ReadonlySet<string> = new Set(['timeZone', 'zone']);

function zoneNamed(values: MessageValues, locale: string): MessageValues {
  let out: MessageValues | undefined;
  for (const key of ZONE_ARGUMENTS) {
    const id = values[key];
    if (typeof id === 'string') (out ??= { ...values })[key] = zoneName(locale, id);
  }
  return out ?? values;
}

/**
 * A value that stands for markup inside a message (a link, a `<time>`, `<code>`): the message is formatted
 * with it, then cut at it by `messageParts`, so each language places the markup where its grammar wants it.
 * Private-use characters, which no catalogue text holds.
 */
export function slot(name: string): string {
  return `\uE000${name}\uE001`;
}

/** A formatted message cut at its slots: text, and the names of the slots in the order the language puts them. */
export function messageParts(message: string): ({ text: string } | { slot: string })[] {
  return message
    .split(/\uE000([^\uE001]*)\uE001/u)
    .map((part, i) => (i % 2 === 1 ? { slot: part } : { text: part }))
    .filter((part) => !('text' in part) || part.text !== '');
}

/**
 * In a right-to-left message, a value written in Latin letters (a time-zone name, a handle, a tag) is set
 * apart with FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, so the bidi algorithm keeps it whole and the
 * Arabic around it in order: `(Asia/Baku)` stays after the words it follows, in HTML and in SVG text alike.
 */
function isolateLatin(values: MessageValues, keys: ReadonlySet<string>): MessageValues {
  const out: MessageValues = {};
  for (const [key, value] of Object.entries(values)) {
    const text = typeof value === 'string' && !keys.has(key) && /\p{Script=Latin}/u.test(value) && !value.includes('\uE000');
    out[key] = text ? `\u2068${value}\u2069` : value;
  }
  return out;
}

/** `select` in the parsed message (the `TYPE` enum of @formatjs/icu-messageformat-parser). */
const SELECT = 5;
interface Element {
  type: number;
  value?: unknown;
  options?: Record<string, { value: Element[] }>;
  children?: Element[];
}
const selectorMemo = new WeakMap<IntlMessageFormat, Set<string>>();

/**
 * The arguments a message chooses by (`{kind, select, post {…} …}`): their values are keys, not text, so they
 * are never isolated (an isolated `post` would match no branch).
 */
function selectors(format: IntlMessageFormat): Set<string> {
  let names = selectorMemo.get(format);
  if (names) return names;
  names = new Set<string>();
  const visit = (elements: Element[]) => {
    for (const e of elements) {
      if (e.type === SELECT && typeof e.value === 'string') names!.add(e.value);
      for (const option of Object.values(e.options ?? {})) visit(option.value);
      if (e.children) visit(e.children);
    }
  };
  visit(format.getAst() as unknown as Element[]);
  selectorMemo.set(format, names);
  return names;
}

export interface LocaleFormat {
  t: Translator;
  number: (n: number) => string;
  list: (items: string[]) => string;
  /** "3 posts", with the language's plural rules. */
  posts: (n: number) => string;
}

const localeFormats = new Map<string, LocaleFormat>();

/** The translator with the number and list formats its messages are filled with. */
export function localeFormat(locale: string): LocaleFormat {
  let f = localeFormats.get(locale);
  if (f) return f;
  const t = translator(locale);
  const number = numberFormat(locale);
  const list = listFormat(locale, { type: 'conjunction' });
  f = {
    t,
    number: (n) => number.format(n),
    list: (items) => list.format(items),
    posts: (n) => t('chart.posts', { count: n }),
  };
  localeFormats.set(locale, f);
  return f;
}
