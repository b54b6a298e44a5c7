import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@astrojs/compiler';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { en } from './catalogues/en.ts';
import { textDirection } from './intl.ts';
import { catalogues, chromeLang, chromeLocale, localeFormat, messageParts, slot, translator, type MessageKey } from './messages.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const src = join(root, 'src');

function files(dir: string, test: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? files(path, test) : test(e.name) ? [path] : [];
  });
}

const sources = files(src, (name) => /\.(ts|astro)$/.test(name) && !name.endsWith('.test.ts')).filter(
  (path) => !path.startsWith(join(src, 'locale', 'catalogues')),
);
const keys = Object.keys(en) as MessageKey[];
const sections = new Set(keys.map((key) => key.split('.')[0]!));

/** Every quoted literal shaped like a key of one of the catalogue's sections (`'chart.total'`), by file. */
function keyLiterals(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const path of sources) {
    for (const match of readFileSync(path, 'utf8').matchAll(/'([a-zA-Z]+)\.([A-Za-z0-9.]+)'/g)) {
      if (!sections.has(match[1]!)) continue;
      const key = `${match[1]}.${match[2]}`;
      found.set(key, [...(found.get(key) ?? []), relative(root, path)]);
    }
  }
  return found;
}

describe('the catalogue and the source', () => {
  const used = keyLiterals();

  it('has every key the source uses', () => {
    const missing = [...used].filter(([key]) => !Object.hasOwn(en, key)).map(([key, where]) => `${key} (${where.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('has no key the source does not use', () => {
    expect(keys.filter((key) => !used.has(key))).toEqual([]);
  });
});

/** Element types of the parsed message (the `TYPE` enum of @formatjs/icu-messageformat-parser, which intl-messageformat parses with). */
const LITERAL = 0;
const POUND = 7;

interface Element {
  type: number;
  value?: string;
  options?: Record<string, { value: Element[] }>;
  pluralType?: string;
  children?: Element[];
}

/** Argument names and the plural branches of a message, to compare a translation with English. */
function shape(message: string, language: string) {
  const out = { args: new Set<string>(), plurals: [] as { name: string; options: string[] }[] };
  const visit = (elements: Element[]) => {
    for (const e of elements) {
      if (e.type !== LITERAL && e.type !== POUND && e.value !== undefined) out.args.add(e.value);
      if (e.pluralType) out.plurals.push({ name: e.value!, options: Object.keys(e.options ?? {}) });
      for (const option of Object.values(e.options ?? {})) visit(option.value);
      if (e.children) visit(e.children);
    }
  };
  visit(new IntlMessageFormat(message, language).getAst() as Element[]);
  return out;
}

describe('every shipped language', () => {
  for (const [language, catalogue] of Object.entries(catalogues)) {
    describe(language, () => {
      it('has exactly the English keys', () => {
        expect(Object.keys(catalogue).sort()).toEqual([...keys].sort());
      });

      it('fills each message with the same values as English, and every plural form the language has', () => {
        const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];
        const problems: string[] = [];
        for (const key of keys) {
          const mine = shape(catalogue[key]!, language);
          const english = shape(en[key], 'en');
          if ([...mine.args].sort().join() !== [...english.args].sort().join()) {
            problems.push(`${key}: fills ${[...mine.args].sort().join(', ')}, English ${[...english.args].sort().join(', ')}`);
          }
          // The translator returns a message without braces as it is written: ICU must read it the same.
          if (!catalogue[key]!.includes('{') && new IntlMessageFormat(catalogue[key]!, language).format() !== catalogue[key]) {
            problems.push(`${key}: reads differently as ICU than as written`);
          }
          for (const plural of mine.plurals) {
            const lacking = categories.filter((c) => !plural.options.includes(c) && !(c === 'zero' && plural.options.includes('=0')));
            if (lacking.length > 0) problems.push(`${key}: {${plural.name}, plural} lacks ${lacking.join(', ')}`);
          }
        }
        expect(problems).toEqual([]);
      });
    });
  }
});

describe('translator', () => {
  it('chooses plural forms by the language’s rules and formats the number for the locale', () => {
    expect([0, 1, 2, 1234].map((n) => localeFormat('en').posts(n))).toEqual(['0 posts', '1 post', '2 posts', '1,234 posts']);
    // French counts 0 and 1 in the singular, and groups digits with a narrow no-break space.
    expect([0, 1, 2, 1234].map((n) => localeFormat('fr').posts(n))).toEqual(['0 publication', '1 publication', '2 publications', '1\u202f234 publications']);
  });

  it('writes Russian counts in the form each number takes (0, 1, 2, 5, 21)', () => {
    const { posts, t } = localeFormat('ru');
    expect([0, 1, 2, 5, 21].map(posts)).toEqual(['0 публикаций', '1 публикация', '2 публикации', '5 публикаций', '21 публикация']);
    expect([0, 1, 2, 5, 21].map((count) => t('toc.sections', { count }))).toEqual([
      '(0 разделов)',
      '(1 раздел)',
      '(2 раздела)',
      '(5 разделов)',
      '(21 раздел)',
    ]);
    // A fraction takes the "other" form.
    expect(posts(1.5)).toBe('1,5 публикации');
  });

  it('writes Arabic counts in all six forms, with the locale’s digits', () => {
    const { posts, number } = localeFormat('ar');
    expect([0, 1, 2, 3, 11, 100].map(posts)).toEqual(['لا منشورات', 'منشور واحد', 'منشوران', `${number(3)} منشورات`, `${number(11)} منشورًا`, `${number(100)} منشور`]);
  });

  it('reads a region’s language (fr-CA is French) and falls back to English words for a language without a catalogue', () => {
    expect(translator('fr-CA')('nav.report')).toBe('Rapport');
    expect(translator('de')('nav.report')).toBe('Report');
    // The numbers stay the locale's own.
    expect(localeFormat('de').posts(1234)).toBe('1.234 posts');
  });

  it('cuts a message at its markup slots where each language puts them', () => {
    const parts = (locale: string) => messageParts(translator(locale)('data.how', { link: slot('link') }));
    expect(parts('en')).toEqual([{ text: 'How each dataset was collected and what it cannot show: ' }, { slot: 'link' }, { text: '.' }]);
    expect(parts('fr')).toEqual([{ text: 'Comment chaque jeu de données a été collecté et ce qu’il ne peut pas montrer : ' }, { slot: 'link' }, { text: '.' }]);
    // Two slots keep their order, and a slot at the very start leaves no empty text before it.
    const span = translator('en')('method.span', { from: slot('from'), to: slot('to') });
    expect(messageParts(span)).toEqual([{ slot: 'from' }, { text: ' to ' }, { slot: 'to' }]);
    expect(messageParts('no slot here')).toEqual([{ text: 'no slot here' }]);
  });

  it('isolates a Latin value inside a right-to-left message, so it keeps its place in an Arabic axis title', () => {
    expect(translator('ar')('chart.zoneLabel', { what: 'UTC+4', timeZone: 'Asia/Baku' })).toBe('\u2068UTC+4\u2069 (بتوقيت أذربيجان الرسمي)');
    expect(translator('fr')('chart.zoneLabel', { what: 'UTC+4', timeZone: 'Asia/Baku' })).toBe('UTC+4 (heure normale de l’Azerbaïdjan)');
  });

  it('names a time zone in the message’s language, never by its id, in every message that names one', () => {
    const zoneLabel = (locale: string, timeZone: string) => translator(locale)('chart.zoneLabel', { what: '…', timeZone });
    expect(['en', 'fr', 'ru', 'az', 'ar'].map((l) => zoneLabel(l, 'Asia/Baku'))).toEqual([
      '… (Azerbaijan Standard Time)',
      '… (heure normale de l’Azerbaïdjan)',
      '… (Азербайджан, стандартное время)',
      '… (Azərbaycan Standart Vaxtı ilə)',
      '… (بتوقيت أذربيجان الرسمي)',
    ]);
    // A zone with summer time by its name for the whole year; UTC, which has no such name, by its own.
    expect(zoneLabel('fr', 'Europe/Paris')).toBe('… (heure d’Europe centrale)');
    expect(zoneLabel('ru', 'UTC')).toBe('… (Всемирное координированное время)');
    expect(zoneLabel('ar', 'UTC')).toBe('… (بالتوقيت العالمي المنسق)');
    // A language without a catalogue reads English words, the zone's name with them.
    expect(zoneLabel('de', 'Europe/Paris')).toBe('… (Central European Time)');
    for (const language of Object.keys(catalogues)) {
      const t = translator(language);
      for (const key of keys) {
        const message = catalogues[language]![key]!;
        if (!/\{(timeZone|zone)\}/u.test(message)) continue;
        const filled = t(key, Object.fromEntries([...shape(message, language).args].map((arg) => [arg, arg === 'timeZone' || arg === 'zone' ? 'Pacific/Noumea' : arg === 'single' ? 'false' : '1'])));
        expect(filled, `${language} ${key}`).not.toContain('Pacific/Noumea');
        expect(filled, `${language} ${key}`).toMatch(/Cal[ée]don|Калед|Kaledon|كاليدونيا/u);
      }
    }
  });

  it('chooses by a Latin key in a right-to-left message, and isolates only the text it fills in', () => {
    const ar = translator('ar');
    expect(['post', 'repost', 'quote', 'reply'].map((kind) => ar('chart.kinds', { kind }))).toEqual(['منشورات أصلية', 'إعادات نشر', 'اقتباسات', 'ردود']);
    expect(ar('hashtag.postsIn', { posts: '5', period: 'May 16', start: '', end: '', after: '', single: 'true', zone: 'Asia/Baku' })).toBe('5 في \u2068May 16\u2069 (توقيت أذربيجان الرسمي)');
  });

  it('knows which languages are written right to left', () => {
    expect(['ar', 'fa', 'he', 'ar-EG', 'en', 'fr', 'ru', 'az'].map(textDirection)).toEqual(['rtl', 'rtl', 'rtl', 'rtl', 'ltr', 'ltr', 'ltr', 'ltr']);
  });

  it('puts the page chrome in the content’s language when it has a catalogue, marked English otherwise', () => {
    expect([chromeLocale('fr'), chromeLang('fr')]).toEqual(['fr', undefined]);
    expect([chromeLocale('en'), chromeLang('en')]).toEqual(['en', undefined]);
    expect([chromeLocale('de'), chromeLang('de')]).toEqual(['en', 'en']);
  });
});

/**
 * Words readers see must come from the catalogue. Text written straight into a template, and reader-facing
 * attributes given as plain strings, are reported; the allowed ones are names and symbols that read the same
 * in every language.
 */
const allowedWords = ['Casefile', 'APA', 'MLA', 'Chicago', 'BibTeX', 'RIS', 'CSL-JSON', 'SHA-256', 'UTC', 'CSV', 'JSON'];
const readerAttributes = new Set(['aria-label', 'title', 'alt', 'placeholder', 'description', 'heading', 'caption', 'empty', 'label']);
/**
 * Templates whose words are not in the catalogue yet, each with why. A file listed here must still hold
 * English text (the test says when one can leave the list).
 */
const pending: Record<string, string> = {
  'src/components/PreviewProblems.astro': 'the editor’s preview of the check, not a reader’s page (diagnostics stay English)',
};

interface AstroNode {
  type: string;
  name?: string;
  value?: string;
  kind?: string;
  attributes?: AstroNode[];
  children?: AstroNode[];
  position?: { start: { line: number; column: number } };
}

/** Literal words in a template: its text outside `{…}` and its reader-facing attributes written as strings. */
export async function templateWords(source: string): Promise<string[]> {
  const { ast } = await parse(source, { position: true });
  const found: string[] = [];
  const words = (text: string) => {
    let rest = text;
    for (const allowed of allowedWords) rest = rest.split(allowed).join('');
    return /\p{L}/u.test(rest);
  };
  const visit = (node: AstroNode, parent: AstroNode | undefined) => {
    if (node.type === 'text' && parent?.type !== 'expression' && words(node.value ?? '')) {
      found.push(`${node.position?.start.line}:${node.position?.start.column} ${JSON.stringify(node.value!.trim())}`);
    }
    if (['style', 'script'].includes(node.name ?? '')) return;
    for (const a of node.attributes ?? []) {
      if (a.kind === 'quoted' && readerAttributes.has(a.name!) && words(a.value ?? '')) found.push(`${a.name}=${JSON.stringify(a.value)}`);
    }
    for (const child of node.children ?? []) visit(child, node);
  };
  visit(ast as AstroNode, undefined);
  return found;
}

describe('templates', () => {
  const templates = files(src, (name) => name.endsWith('.astro')).map((path) => relative(root, path));

  it('write no word readers see outside the catalogue', async () => {
    const found: string[] = [];
    for (const file of templates) {
      if (Object.hasOwn(pending, file)) continue;
      for (const word of await templateWords(readFileSync(join(root, file), 'utf8'))) found.push(`${file}:${word}`);
    }
    expect(found).toEqual([]);
  });

  it('list only pending files that still hold English text', async () => {
    const done: string[] = [];
    for (const file of Object.keys(pending)) {
      if ((await templateWords(readFileSync(join(root, file), 'utf8'))).length === 0) done.push(file);
    }
    expect(done).toEqual([]);
  });

  it('would catch a hard-coded word, in text or in a reader-facing attribute, and let names and symbols through', async () => {
    expect(await templateWords('---\nconst t = (k: string) => k;\n---\n<p>{t("nav.report")} · APA</p>')).toEqual([]);
    expect(await templateWords('<p>Published <time>{date}</time></p>')).toHaveLength(1);
    expect(await templateWords('<nav aria-label="Contents"></nav>')).toEqual(['aria-label="Contents"']);
    expect(await templateWords('<Base title="Search" />')).toEqual(['title="Search"']);
  });
});
