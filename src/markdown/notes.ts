/** The notes section closing a body: one numbered note per citation, each source in full, with a back-link. */
import { listFormat } from './intl.ts';
import type { Element } from 'hast';
import type { Source } from '../schema/index.ts';
import { h, type Child } from './hast.ts';
import { formatCalendarDate } from './format.ts';
import { markdownMessages, type MarkdownMessages } from './messages.ts';

export interface Note {
  number: number;
  items: { sourceId: string; locator?: string }[];
}

/** `Authors, Title, Publisher, date, locator. URL (archived copy; accessed date)`, without a closing full stop. */
export function formatSource(source: Source, locale: string, m: MarkdownMessages, locator?: string): Child[] {
  const head: Child[] = [];
  const comma = () => (head.length > 0 ? ', ' : null);
  if (source.authors.length > 0) head.push(listFormat(locale, { type: 'conjunction' }).format(source.authors));
  head.push(comma(), h('cite', {}, [source.title]));
  if (source.publisher) head.push(', ', source.publisher);
  if (source.date) head.push(', ', h('time', { dateTime: source.date }, [formatCalendarDate(source.date, locale)]));
  if (locator) head.push(', ', locator);
  const access: Child[] = [];
  if (source.archiveUrl) access.push(h('a', { href: source.archiveUrl }, [m.archivedCopy]), '; ');
  access.push(m.accessed(formatCalendarDate(source.accessed, locale)));
  return [...head, '. ', h('a', { href: source.url, className: ['note-url'] }, [source.url]), ' (', ...access, ')'];
}

export function notesSection(
  notes: readonly Note[],
  sources: ReadonlyMap<string, Source>,
  locale: string,
): Element {
  const m = markdownMessages(locale);
  const items = notes.map((note) => {
    const parts: Child[] = note.items.flatMap((item, i) => {
      const source = sources.get(item.sourceId);
      const body = source ? formatSource(source, locale, m, item.locator) : [m.unknownSource(item.sourceId)];
      return i === 0 ? body : ['; ', ...body];
    });
    return h('li', { id: `note-${note.number}` }, [
      ...parts,
      '. ',
      h('a', { href: `#note-ref-${note.number}`, className: ['note-back'], ariaLabel: m.backToReference(note.number) }, ['↩']),
    ]);
  });
  return h('section', { className: ['notes'], ariaLabelledBy: ['notes-heading'] }, [
    h('h2', { id: 'notes-heading' }, [m.notes]),
    h('ol', {}, items),
  ]);
}
