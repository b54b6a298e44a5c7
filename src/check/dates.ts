/**
 * Dates must be plausible: nothing published, accessed or annotated after today,
 * and no post before its platform existed. `today` is an input so the rule is testable.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { ContentEntry, Project } from '../content/project.ts';
import type { Platform } from '../schema/index.ts';

/** Public launch dates; a post dated earlier is a parsing or typing mistake. */
export const PLATFORM_LAUNCH: Record<Platform, string> = {
  x: '2006-03-21',
  telegram: '2013-08-14',
  facebook: '2004-02-04',
  instagram: '2010-10-06',
  tiktok: '2016-09-01',
  youtube: '2005-02-14',
  vk: '2006-10-10',
  other: '1990-01-01',
};

/**
 * The earliest year Casefile takes without a warning. It documents online activity and the reporting on it;
 * a year before this one (1024, 1000) is far more often a slip of the keyboard than a source of that age.
 * A real older date may stay: the warning only asks to look.
 */
export const EARLIEST_PLAUSIBLE_YEAR = 1800;

type Located = Pick<ContentEntry<unknown>, 'file' | 'locate'>;

export function checkDates(project: Project, today: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const early = (entry: Located, value: string | undefined, at: (string | number)[], what: string) => {
    if (value !== undefined && Number(value.slice(0, 4)) < EARLIEST_PLAUSIBLE_YEAR) {
      out.push(
        diagnostic({
          file: entry.file,
          ...(entry.locate(at) ?? {}),
          severity: 'warning',
          ruleId: 'date/implausible-year',
          message: `Unexpected ${what} \`${value}\` in the year ${Number(value.slice(0, 4))}, expected ${EARLIEST_PLAUSIBLE_YEAR} or later.`,
          hint: 'Check the year for a slip of the keyboard (1024 for 2024); if the date is right, leave it.',
        }),
      );
    }
  };
  const future = (entry: Located, value: string | undefined, at: (string | number)[], what: string) => {
    early(entry, value, at, what);
    if (value === undefined || value.slice(0, 10) <= today) return;
    out.push(
      diagnostic({
        file: entry.file,
        ...(entry.locate(at) ?? {}),
        ruleId: 'date/future',
        message: `Unexpected ${what} \`${value}\` in the future, expected a date on or before ${today}.`,
        hint: futureHint(value, today),
      }),
    );
  };
  for (const entry of project.cases.values()) {
    const c = entry.data;
    future(entry, c.published, ['published'], 'publication date');
    future(entry, c.updated, ['updated'], 'update date');
    c.events.forEach((e, i) => future(entry, e.date, ['events', i, 'date'], 'event date'));
    c.corrections.forEach((e, i) => future(entry, e.date, ['corrections', i, 'date'], 'correction date'));
    const latest = c.corrections.map((x) => x.date).sort().at(-1);
    if (latest && c.updated && c.updated < latest) {
      out.push(
        diagnostic({
          file: entry.file,
          ...(entry.locate(['updated']) ?? {}),
          ruleId: 'date/updated-before-correction',
          message: `Unexpected \`updated\` date \`${c.updated}\` before the latest correction (\`${latest}\`), expected ${latest} or later.`,
          hint: `Set \`updated: ${latest}\` or remove it (it then follows the latest correction).`,
        }),
      );
    }
  }
  for (const entry of project.sources.values()) {
    future(entry, entry.data.date, ['date'], 'source date');
    future(entry, entry.data.accessed, ['accessed'], 'access date');
    if (entry.data.date && entry.data.accessed < entry.data.date) {
      out.push(
        diagnostic({
          file: entry.file,
          ...(entry.locate(['accessed']) ?? {}),
          ruleId: 'date/accessed-before-published',
          message: `Unexpected access date \`${entry.data.accessed}\` before the source's date \`${entry.data.date}\`, expected a later access date.`,
          hint: 'The access date is when you read the page; it cannot precede publication.',
        }),
      );
    }
  }
  for (const entry of project.accounts.values()) {
    entry.data.status.forEach((s, i) => future(entry, s.date, ['status', i, 'date'], 'status date'));
  }
  for (const d of project.datasets.values()) {
    early(d, d.manifest.collection.from, ['collection', 'from'], 'collection start');
    early(d, d.manifest.collection.to, ['collection', 'to'], 'collection end');
    const launch = PLATFORM_LAUNCH[d.manifest.platform];
    const from = d.manifest.collection.from.slice(0, 10);
    if (from < launch) {
      out.push(
        diagnostic({
          file: d.file,
          ...(d.locate(['collection', 'from']) ?? {}),
          ruleId: 'date/before-platform',
          message: `Unexpected collection start \`${from}\` before ${d.manifest.platform} existed (${launch}), expected a later date.`,
        }),
      );
    }
    const collected = d.manifest.collection.collectedAt.slice(0, 10);
    if (collected > today) {
      out.push(
        diagnostic({
          file: d.file,
          ...(d.locate(['collection', 'collectedAt']) ?? {}),
          ruleId: 'date/future',
          message: `Unexpected collection date \`${collected}\` in the future, expected a date on or before ${today}.`,
          hint: futureHint(collected, today),
        }),
      );
    }
  }
  return out;
}

/**
 * What to do about a date after `today`. Month and day swapped is the usual slip; otherwise the date is
 * compared with the computer's clock, which the editor may need to know is what "today" means here.
 */
export function futureHint(value: string, today: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m && m[2] !== m[3]) {
    const swapped = `${m[1]}-${m[3]}-${m[2]}`;
    const date = new Date(`${swapped}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(swapped) && swapped <= today) {
      return `Did you mean \`${swapped}\`? Dates are YYYY-MM-DD: year, month, day.`;
    }
  }
  return `Today is ${today} by this computer's clock, and nothing can be published, accessed or collected later than today. Check the year; if the date is right, check the clock.`;
}
