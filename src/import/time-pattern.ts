/**
 * Date patterns as spreadsheets and exports write times, like `dd.MM.yyyy HH:mm` or
 * `M/d/yyyy h:mm a`, in the letters Java, Excel and date-fns share. A pattern reads a cell into wall
 * time (`2022-08-23 11:09:00`); the mapping's time zone then places it.
 */

export interface TimePattern {
  /** The cell as `YYYY-MM-DD HH:MM:SS[.fff]` wall time, or undefined when it does not fit the pattern. */
  read(text: string): string | undefined;
  /** Whether the pattern has seconds; without them the times are to the minute. */
  seconds: boolean;
}

type Field = 'year' | 'year2' | 'month' | 'day' | 'hour' | 'hour12' | 'minute' | 'second' | 'fraction' | 'ampm';

const tokens: [string, Field, string][] = [
  ['yyyy', 'year', '(\\d{4})'],
  ['yy', 'year2', '(\\d{2})'],
  ['MM', 'month', '(\\d{2})'],
  ['M', 'month', '(\\d{1,2})'],
  ['dd', 'day', '(\\d{2})'],
  ['d', 'day', '(\\d{1,2})'],
  ['HH', 'hour', '(\\d{2})'],
  ['H', 'hour', '(\\d{1,2})'],
  ['hh', 'hour12', '(\\d{2})'],
  ['h', 'hour12', '(\\d{1,2})'],
  ['mm', 'minute', '(\\d{2})'],
  ['ss', 'second', '(\\d{2})'],
  ['SSS', 'fraction', '(\\d{3})'],
  ['a', 'ampm', '([AaPp][Mm])'],
];

/** The pattern compiled, or a sentence saying what is wrong with it. */
export function compilePattern(pattern: string): TimePattern | string {
  let source = '^';
  const fields: Field[] = [];
  for (let i = 0; i < pattern.length; ) {
    const token = tokens.find(([t]) => pattern.startsWith(t, i));
    if (token) {
      source += token[2];
      fields.push(token[1]);
      i += token[0].length;
      continue;
    }
    const c = pattern[i]!;
    if (/[A-Za-z]/.test(c)) return `\`${c}\` is not a pattern letter; use yyyy, MM, dd, HH, mm, ss (or yy, M, d, H, h, a, SSS)`;
    source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
    i++;
  }
  const has = (f: Field): boolean => fields.includes(f);
  if (!(has('year') || has('year2')) || !has('month') || !has('day')) return 'a pattern needs a year, a month and a day';
  if (new Set(fields).size !== fields.length) return 'each part of the date may appear once';
  if (has('hour12') !== has('ampm')) return '`h` needs `a` (AM/PM) and `a` needs `h`; use `HH` for a 24-hour clock';
  const regex = new RegExp(`${source}$`);
  return {
    seconds: has('second'),
    read(text) {
      const m = regex.exec(text.trim());
      if (!m) return undefined;
      const value = (f: Field): string | undefined => {
        const at = fields.indexOf(f);
        return at < 0 ? undefined : m[at + 1];
      };
      const year = value('year') ?? `20${value('year2')}`;
      let hour = Number(value('hour') ?? value('hour12') ?? 0);
      const ampm = value('ampm')?.toUpperCase();
      if (ampm) {
        if (hour < 1 || hour > 12) return undefined;
        hour = (hour % 12) + (ampm === 'PM' ? 12 : 0);
      }
      const two = (n: number | string): string => String(n).padStart(2, '0');
      const month = Number(value('month'));
      const day = Number(value('day'));
      const minute = Number(value('minute') ?? 0);
      const second = Number(value('second') ?? 0);
      if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
      const fraction = value('fraction');
      return `${year}-${two(month)}-${two(day)} ${two(hour)}:${two(minute)}:${two(second)}${fraction ? `.${fraction}` : ''}`;
    },
  };
}
