/**
 * The notes section closing a body, as Chicago's notes-bibliography style sets it: one numbered note per
 * citation, the first citation of a source in full, later ones in a short form (author, short title,
 * locator) that links back to the full note. The full list stays on the sources page.
 */
import { listFormat, textLang } from '../locale/intl.ts';
import type { Element } from 'hast';
import type { Source } from '../schema/index.ts';
import { h, type Child } from './hast.ts';
import { formatCalendarDate } from './format.ts';
import { translator, type Translator } from '../locale/messages.ts';
import { urlBreaks } from './url-breaks.ts';

export interface Note {
  number: number;
  items: { sourceId: string; locator?: string }[];
}

/** An address as link text that breaks only where style guides allow (after `//`, before `/`, `.`…). */
export function breakableUrl(url: string): Child[] {
  return urlBreaks(url).flatMap((part, i) => (i === 0 ? [part] : [h('wbr', {}, []), part]));
}

/** The title, marked with its language: the source's when it names one, the project's on a page in another. */
function citeTitle(source: Source, title: string, locale: string): Element {
  const lang = textLang(source.language, locale);
  return h('cite', lang ? { lang } : {}, [title]);
}

/** `Authors, Title, Publisher, date, locator. URL (archived copy; accessed date)`, without a closing full stop. */
export function formatSource(source: Source, locale: string, t: Translator, locator?: string): Child[] {
  const head: Child[] = [];
  const comma = () => (head.length > 0 ? ', ' : null);
  if (source.authors.length > 0) head.push(listFormat(locale, { type: 'conjunction' }).format(source.authors));
  head.push(comma(), citeTitle(source, source.title, locale));
  if (source.publisher) head.push(', ', source.publisher);
  if (source.date) head.push(', ', h('time', { dateTime: source.date }, [formatCalendarDate(source.date, locale)]));
  if (locator) head.push(', ', locator);
  const access: Child[] = [];
  if (source.archiveUrl) access.push(h('a', { href: source.archiveUrl }, [t('md.archivedCopy')]), '; ');
  access.push(t('md.accessed', { date: formatCalendarDate(source.accessed, locale) }));
  return [...head, '. ', h('a', { href: source.url, className: ['note-url'] }, breakableUrl(source.url)), ' (', ...access, ')'];
}

/**
 * A title cut to its first words for a short note: the main title before a colon, unless that is a single
 * word (a kicker such as "Exclusive"), then at most four words, as Chicago advises.
 */
export function shortTitle(title: string): string {
  const colon = title.search(/\s?:\s/);
  const main = colon > 0 && /\s/.test(title.slice(0, colon).trim()) ? title.slice(0, colon) : colon > 0 ? title.slice(colon).replace(/^\s?:\s+/, '') : title;
  const words = main.trim().split(/\s+/);
  return words.length > 4 ? words.slice(0, 4).join(' ').replace(/[,;:.]$/, '') : main.trim();
}

/** `Authors (or publisher), Short title, locator`, the title linking to the note that gives the source in full. */
export function formatShortSource(source: Source, locale: string, firstNote: number, locator?: string): Child[] {
  const who = source.authors.length > 0 ? listFormat(locale, { type: 'conjunction' }).format(source.authors) : source.publisher;
  const title = h('a', { href: `#note-${firstNote}` }, [citeTitle(source, shortTitle(source.title), locale)]);
  return [...(who ? [who, ', '] : []), title, ...(locator ? [', ', locator] : [])];
}

export function notesSection(
  notes: readonly Note[],
  sources: ReadonlyMap<string, Source>,
  locale: string,
): Element {
  const t = translator(locale);
  // The note where each source was first given in full.
  const firstNote = new Map<string, number>();
  const items = notes.map((note) => {
    const parts: Child[] = note.items.flatMap((item, i) => {
      const source = sources.get(item.sourceId);
      const first = firstNote.get(item.sourceId);
      if (source && first === undefined) firstNote.set(item.sourceId, note.number);
      const body = !source
        ? [t('md.unknownSource', { id: item.sourceId })]
        : first === undefined
          ? formatSource(source, locale, t, item.locator)
          : formatShortSource(source, locale, first, item.locator);
      return i === 0 ? body : ['; ', ...body];
    });
    return h('li', { id: `note-${note.number}` }, [
      ...parts,
      // A no-break space keeps the back-link on the note's last line instead of a line of its own.
      '.\u00a0',
      h('a', { href: `#note-ref-${note.number}`, className: ['note-back'], ariaLabel: t('md.backToReference', { n: note.number }) }, ['↩']),
    ]);
  });
  return h('section', { className: ['notes'], ariaLabelledBy: ['notes-heading'] }, [
    h('h2', { id: 'notes-heading' }, [t('md.notes')]),
    h('ol', {}, items),
  ]);
}
