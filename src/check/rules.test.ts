/**
 * The check's rules one by one, on small projects built in memory: each diagnostic as the editor reads it
 * (file, line, column, rule, message, hint). The whole check on real files is tested in test/check/.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ContentEntry, DatasetEntry, Project } from '../content/project.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { CheckedCase } from './checked.ts';
import { checkLockedFindings } from './anchors.ts';
import { checkCoordination } from './coordination.ts';
import { checkDates, futureHint } from './dates.ts';
import { checkHashes } from './hashes.ts';
import { checkIdentities, checkRevealingIds } from './identities.ts';
import { checkLookalikeHandles } from './lookalikes.ts';
import { checkPostDates } from './post-dates.ts';
import { checkReferences } from './references.ts';
import { checkStrict } from './strict.ts';
import { checkAccountsFiles } from './accounts-files.ts';
import { checkAccountPages } from './account-pages.ts';
import { checkClaims } from './claims.ts';
import { createUrls } from '../content/urls.ts';

const TODAY = '2026-11-28';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** An entry whose fields are found at the lines given (`'events.0.date': 12`), column 3. */
function entry<T>(id: string, file: string, data: unknown, lines: Record<string, number> = {}): ContentEntry<T> {
  return {
    id,
    file,
    data: data as T,
    body: '',
    bodyLineOffset: 6,
    locate: (at) => {
      const line = lines[at.join('.')];
      return line === undefined ? undefined : { start: { line, column: 3 } };
    },
  };
}

function project(parts: Partial<Record<'cases' | 'accounts' | 'entities' | 'sources' | 'datasets', ContentEntry<unknown>[] | DatasetEntry[]>>): Project {
  const map = (list: { id: string }[] = [], key = (e: { id: string }) => e.id) => new Map(list.map((e) => [key(e), e]));
  return {
    root: '/p',
    cases: map(parts.cases),
    accounts: map(parts.accounts),
    entities: map(parts.entities),
    sources: map(parts.sources),
    datasets: map(parts.datasets, (d) => `${(d as DatasetEntry).caseId}/${d.id}`),
  } as unknown as Project;
}

const caseData = (fields: Record<string, unknown> = {}) => ({ datasets: [], events: [], corrections: [], ...fields });
const accountData = (fields: Record<string, unknown> = {}) => ({ platform: 'x', handle: null, affiliations: [], status: [], ...fields });
const manifest = (fields: Record<string, unknown> = {}, collection: Record<string, unknown> = {}) => ({
  platform: 'x',
  files: [],
  ...fields,
  collection: { from: '2024-05-01', to: '2024-05-31', collectedAt: '2024-06-01T00:00:00Z', precision: 'second', ...collection },
});
function dataset(id: string, m: unknown, lines: Record<string, number> = {}, dir = '/p/data/c/' + id): DatasetEntry {
  const e = entry<unknown>(id, `data/c/${id}/manifest.json`, m, lines);
  return { caseId: 'c', id, dir, file: e.file, manifest: m as DatasetEntry['manifest'], locate: e.locate };
}

/** A diagnostic as one line: where, severity, rule, message, then hint, actual and expected when given. */
const shown = (d: Diagnostic) =>
  [`${d.file}:${d.start.line}:${d.start.column} ${d.severity} ${d.ruleId} ${d.message}`, d.hint && `hint: ${d.hint}`, d.actual !== undefined && `actual: ${d.actual}`, d.expected !== undefined && `expected: ${d.expected}`]
    .filter(Boolean)
    .join(' | ');
const all = (list: Diagnostic[]) => list.map(shown);

describe('checkDates(project, today)', () => {
  it('reports each future date of a case at its field, with a swapped month and day suggested when that is a past date', () => {
    const c = entry('c', 'content/cases/c/index.md', caseData({ published: '2026-12-01', updated: '2026-11-28', events: [{ date: '2026-11-29', source: 's' }], corrections: [{ date: '2026-11-27' }] }), {
      published: 2,
      updated: 3,
      'events.0.date': 9,
      'corrections.0.date': 12,
    });
    expect(all(checkDates(project({ cases: [c] }), TODAY))).toEqual([
      `content/cases/c/index.md:2:3 error date/future Unexpected publication date \`2026-12-01\` in the future, expected a date on or before ${TODAY}. | hint: Did you mean \`2026-01-12\`? Dates are YYYY-MM-DD: year, month, day.`,
      `content/cases/c/index.md:9:3 error date/future Unexpected event date \`2026-11-29\` in the future, expected a date on or before ${TODAY}. | hint: Today is ${TODAY} by this computer's clock, and nothing can be published, accessed or collected later than today. Check the year; if the date is right, check the clock.`,
    ]);
  });

  it('takes a date on today as plausible, and compares only the date of a date-time', () => {
    const c = entry('c', 'content/cases/c/index.md', caseData({ published: TODAY, updated: `${TODAY}T23:59:00Z` }));
    expect(checkDates(project({ cases: [c] }), TODAY)).toEqual([]);
  });

  it('reports an update date before the latest correction at `updated`', () => {
    const c = entry('c', 'content/cases/c/index.md', caseData({ updated: '2024-06-01', corrections: [{ date: '2024-06-03' }, { date: '2024-06-02' }] }), { updated: 4 });
    expect(all(checkDates(project({ cases: [c] }), TODAY))).toEqual([
      'content/cases/c/index.md:4:3 error date/updated-before-correction Unexpected `updated` date `2024-06-01` before the latest correction (`2024-06-03`), expected 2024-06-03 or later. | hint: Set `updated: 2024-06-03` or remove it (it then follows the latest correction).',
    ]);
    const same = entry('c', 'content/cases/c/index.md', caseData({ updated: '2024-06-03', corrections: [{ date: '2024-06-03' }] }));
    expect(checkDates(project({ cases: [same] }), TODAY)).toEqual([]);
  });

  it('warns of a year before 1800 (a slip of the keyboard) in a correction, a source, a status and a collection', () => {
    const c = entry('c', 'content/cases/c/index.md', caseData({ corrections: [{ date: '1024-06-03' }] }), { 'corrections.0.date': 7 });
    const s = entry('s', 'content/sources/s.md', { date: '1799-12-31', accessed: '1800-01-01' }, { date: 3 });
    const a = entry('x/a', 'content/accounts/x/a.md', accountData({ status: [{ date: '0999-01-01', status: 'active', source: 's' }] }), { 'status.0.date': 8 });
    const d = dataset('posts', manifest({}, { from: '2024-05-01', to: '1024-05-31' }), { 'collection.to': 5 });
    expect(all(checkDates(project({ cases: [c], sources: [s], accounts: [a], datasets: [d] }), TODAY))).toEqual([
      'content/cases/c/index.md:7:3 warning date/implausible-year Unexpected correction date `1024-06-03` in the year 1024, expected 1800 or later. | hint: Check the year for a slip of the keyboard (1024 for 2024); if the date is right, leave it.',
      'content/sources/s.md:3:3 warning date/implausible-year Unexpected source date `1799-12-31` in the year 1799, expected 1800 or later. | hint: Check the year for a slip of the keyboard (1024 for 2024); if the date is right, leave it.',
      'content/accounts/x/a.md:8:3 warning date/implausible-year Unexpected status date `0999-01-01` in the year 999, expected 1800 or later. | hint: Check the year for a slip of the keyboard (1024 for 2024); if the date is right, leave it.',
      'data/c/posts/manifest.json:5:3 warning date/implausible-year Unexpected collection end `1024-05-31` in the year 1024, expected 1800 or later. | hint: Check the year for a slip of the keyboard (1024 for 2024); if the date is right, leave it.',
    ]);
  });

  it("reports a source read before it was published, and future source and status dates", () => {
    const s = entry('s', 'content/sources/s.md', { date: '2024-05-02', accessed: '2024-05-01' }, { accessed: 4 });
    const later = entry('t', 'content/sources/t.md', { date: '2027-01-01', accessed: '2027-01-02' }, { date: 3, accessed: 4 });
    const a = entry('x/a', 'content/accounts/x/a.md', accountData({ status: [{ date: '2027-02-03', status: 'active', source: 's' }] }), { 'status.0.date': 8 });
    const clock = `hint: Today is ${TODAY} by this computer's clock, and nothing can be published, accessed or collected later than today. Check the year; if the date is right, check the clock.`;
    expect(all(checkDates(project({ sources: [s, later], accounts: [a] }), TODAY))).toEqual([
      "content/sources/s.md:4:3 error date/accessed-before-published Unexpected access date `2024-05-01` before the source's date `2024-05-02`, expected a later access date. | hint: The access date is when you read the page; it cannot precede publication.",
      `content/sources/t.md:3:3 error date/future Unexpected source date \`2027-01-01\` in the future, expected a date on or before ${TODAY}. | ${clock}`,
      `content/sources/t.md:4:3 error date/future Unexpected access date \`2027-01-02\` in the future, expected a date on or before ${TODAY}. | ${clock}`,
      `content/accounts/x/a.md:8:3 error date/future Unexpected status date \`2027-02-03\` in the future, expected a date on or before ${TODAY}. | ${clock}`,
    ]);
  });

  it('reports a collection that starts before its platform existed, or was collected after today', () => {
    const d = dataset('posts', manifest({ platform: 'telegram' }, { from: '2013-08-13T23:00:00Z', collectedAt: '2026-11-29T01:00:00Z' }), { 'collection.from': 6, 'collection.collectedAt': 8 });
    const fine = dataset('ok', manifest({ platform: 'telegram' }, { from: '2013-08-14', collectedAt: `${TODAY}T23:00:00Z` }));
    expect(all(checkDates(project({ datasets: [d, fine] }), TODAY))).toEqual([
      'data/c/posts/manifest.json:6:3 error date/before-platform Unexpected collection start `2013-08-13` before telegram existed (2013-08-14), expected a later date.',
      `data/c/posts/manifest.json:8:3 error date/future Unexpected collection date \`2026-11-29\` in the future, expected a date on or before ${TODAY}. | hint: Today is ${TODAY} by this computer's clock, and nothing can be published, accessed or collected later than today. Check the year; if the date is right, check the clock.`,
    ]);
  });
});

describe('checkDates(project, today): platform launch dates', () => {
  // The dates the editing guide's platforms went public; a collection starting the day before is a typing slip.
  const launches = { x: '2006-03-21', telegram: '2013-08-14', facebook: '2004-02-04', instagram: '2010-10-06', tiktok: '2016-09-01', youtube: '2005-02-14', vk: '2006-10-10', other: '1990-01-01' };

  it('reports a collection starting the day before its platform went public, and accepts the launch day itself', () => {
    for (const [platform, launch] of Object.entries(launches)) {
      const dayBefore = new Date(Date.parse(launch) - 86_400_000).toISOString().slice(0, 10);
      const early = dataset('early', manifest({ platform }, { from: dayBefore }));
      const onTime = dataset('on-time', manifest({ platform }, { from: launch }));
      expect(checkDates(project({ datasets: [early, onTime] }), TODAY).map((d) => `${d.file} ${d.ruleId} ${d.message}`)).toEqual([
        `data/c/early/manifest.json date/before-platform Unexpected collection start \`${dayBefore}\` before ${platform} existed (${launch}), expected a later date.`,
      ]);
    }
  });
});

describe('futureHint(value, today)', () => {
  it('suggests month and day swapped only when that is a real date on or before today', () => {
    expect(futureHint('2026-12-01', TODAY)).toBe('Did you mean `2026-01-12`? Dates are YYYY-MM-DD: year, month, day.');
    expect(futureHint('2026-11-28T10:00', '2026-11-27')).toMatch(/^Today is 2026-11-27/);
    // 13 is no month; 2026-12-11 is after today; equal month and day swap to themselves.
    expect(futureHint('2026-11-13', '2026-11-12')).toMatch(/^Today is/);
    expect(futureHint('2026-11-12', '2026-11-11')).toMatch(/^Today is/);
    expect(futureHint('2026-12-12', TODAY)).toMatch(/^Today is/);
    expect(futureHint('2026-11-02', '2026-02-11')).toBe('Did you mean `2026-02-11`? Dates are YYYY-MM-DD: year, month, day.');
    expect(futureHint('soon', TODAY)).toMatch(/^Today is/);
  });
});

describe('checkReferences(project)', () => {
  it('reports every id that names no file at the referring value, with the closest id or the command that creates it', () => {
    const c = entry('c', 'content/cases/c/index.md', caseData({ datasets: ['posts', 'postz', 'other'], events: [{ source: 'demo-sorce' }] }), { 'datasets.1': 5, 'events.0.source': 9 });
    const a = entry('x/a', 'content/accounts/x/a.md', accountData({ entity: 'party', affiliations: [{ entity: 'zzz', sources: ['demo-source', 'qqq'] }], status: [{ source: 'nope' }] }), {
      'affiliations.0.entity': 4,
      'affiliations.0.sources.1': 6,
      'status.0.source': 8,
    });
    const e = entry('party', 'content/entities/party.md', { sources: ['demo-source', 'demo-sourc'] }, { 'sources.1': 3 });
    const s = entry('demo-source', 'content/sources/demo-source.md', {});
    const d = dataset('posts', manifest());
    const diagnostics = all(checkReferences(project({ cases: [c], accounts: [a], entities: [e], sources: [s], datasets: [d] })));
    expect(diagnostics).toEqual([
      'content/cases/c/index.md:5:3 error reference/dataset Unexpected dataset `postz`, expected the id of a file in data/c. | hint: Did you mean `posts`? | actual: postz',
      'content/cases/c/index.md:1:1 error reference/dataset Unexpected dataset `other`, expected the id of a file in data/c. | hint: Create it with `npm run new -- dataset other`, or fix the id. | actual: other',
      'content/cases/c/index.md:9:3 error reference/source Unexpected source `demo-sorce`, expected the id of a file in content/sources. | hint: Did you mean `demo-source`? | actual: demo-sorce',
      'content/accounts/x/a.md:4:3 error reference/entity Unexpected entity `zzz`, expected the id of a file in content/entities. | hint: Create it with `npm run new -- entity zzz`, or fix the id. | actual: zzz',
      'content/accounts/x/a.md:6:3 error reference/source Unexpected source `qqq`, expected the id of a file in content/sources. | hint: Create it with `npm run new -- source qqq`, or fix the id. | actual: qqq',
      'content/accounts/x/a.md:8:3 error reference/source Unexpected source `nope`, expected the id of a file in content/sources. | hint: Create it with `npm run new -- source nope`, or fix the id. | actual: nope',
      'content/entities/party.md:3:3 error reference/source Unexpected source `demo-sourc`, expected the id of a file in content/sources. | hint: Did you mean `demo-source`? | actual: demo-sourc',
    ]);
  });

  it("reports a dossier's missing entity, and an account without one is fine", () => {
    const a = entry('x/a', 'content/accounts/x/a.md', accountData({ entity: 'gone' }), { entity: 2 });
    const b = entry('x/b', 'content/accounts/x/b.md', accountData());
    expect(all(checkReferences(project({ accounts: [a, b] })))).toEqual([
      'content/accounts/x/a.md:2:3 error reference/entity Unexpected entity `gone`, expected the id of a file in content/entities. | hint: Create it with `npm run new -- entity gone`, or fix the id. | actual: gone',
    ]);
  });
});

describe('checkCoordination(project)', () => {
  const withWindow = (window: number | undefined, datasets = ['sec', 'min']) =>
    entry('c', 'content/cases/c/index.md', caseData({ datasets, ...(window === undefined ? {} : { coordination: { window } }) }), { 'coordination.window': 14 });
  const sets = [dataset('sec', manifest({}, { precision: 'second' })), dataset('min', manifest({}, { precision: 'minute' })), dataset('hr', manifest({}, { precision: 'hour' }))];

  it('reports a window shorter than the coarsest precision of the case’s datasets, at the window', () => {
    expect(all(checkCoordination(project({ cases: [withWindow(59)], datasets: sets })))).toEqual([
      'content/cases/c/index.md:14:3 error coordination/window-below-precision Unexpected coordination window `59` s, shorter than the minute precision of dataset `min`; expected at least 60 s. | hint: Set `window: 60` or more: posts of one minute share one time in `data/c/min/manifest.json`, so a shorter window cannot tell them apart.',
    ]);
    expect(checkCoordination(project({ cases: [withWindow(3599, ['min', 'hr', 'sec'])], datasets: sets })).map((d) => d.message)).toEqual([
      'Unexpected coordination window `3599` s, shorter than the hour precision of dataset `hr`; expected at least 3600 s.',
    ]);
  });

  it('accepts a window as long as the precision, a case without coordination, and datasets it cannot find', () => {
    expect(checkCoordination(project({ cases: [withWindow(60)], datasets: sets }))).toEqual([]);
    expect(checkCoordination(project({ cases: [withWindow(undefined)], datasets: sets }))).toEqual([]);
    expect(checkCoordination(project({ cases: [withWindow(1, ['missing'])], datasets: sets }))).toEqual([]);
    expect(checkCoordination(project({ cases: [withWindow(1, ['sec', 'missing'])], datasets: sets }))).toEqual([]);
  });
});

/** One checked case whose prose has the figures, headings and findings given. */
function siteOf(prose: Record<string, unknown>, translations: unknown[] = []): CheckedCase[] {
  return [{ id: 'demo', entry: { file: 'content/cases/demo/index.md', bodyLineOffset: 6 }, prose: { figures: [], headings: [], findings: [], ...prose }, translations }] as unknown as CheckedCase[];
}

describe('checkStrict(site)', () => {
  it('asks every figure without expect= for the value, at the figure, and every ## heading without an id for one', () => {
    const site = siteOf({
      figures: [
        { line: 12, column: 7, description: 'posts with #DemoTag', formatted: '1,234', expect: undefined },
        { line: 13, column: 1, description: 'accounts', formatted: '5', expect: 5 },
      ],
      headings: [
        { depth: 2, id: 'what-we-found', text: 'What we found', line: 20 },
        { depth: 2, id: 'kept', text: 'Kept', line: 30 },
        { depth: 3, id: 'detail', text: 'Detail', line: 31 },
        { depth: 2, id: 'no-line', text: 'No line' },
      ],
      findings: [{ id: 'kept' }],
    });
    expect(all(checkStrict(site))).toEqual([
      'content/cases/demo/index.md:12:7 error strict/figure-expect Unexpected figure without `expect=` (posts with #DemoTag), expected the value the text was written for. | hint: Add expect=1234 inside the braces if 1,234 is what the text means. | actual: 1,234',
      'content/cases/demo/index.md:20:1 error strict/finding-id Unexpected section heading without a permanent id ("What we found"), expected `## What we found {#an-id}`. | hint: Add {#what-we-found} at the end of the heading: it becomes the finding\'s permanent address.',
      'content/cases/demo/index.md:7:1 error strict/finding-id Unexpected section heading without a permanent id ("No line"), expected `## No line {#an-id}`. | hint: Add {#no-line} at the end of the heading: it becomes the finding\'s permanent address.',
    ]);
  });
});

describe('checkLockedFindings(site, lock, redirects)', () => {
  const lock = (pages: Record<string, string[]>, aliases: Record<string, Record<string, string>> = {}) => ({ pages, aliases }) as Parameters<typeof checkLockedFindings>[1];

  it('reports a locked id gone from its page at the one renamed finding, with the alias that keeps it', () => {
    const site = siteOf({ findings: [{ id: 'kept', line: 10 }, { id: 'renamed', line: 22 }] });
    expect(all(checkLockedFindings(site, lock({ '/cases/demo/': ['main', 'kept', 'old'] }), []))).toEqual([
      'content/cases/demo/index.md:22:1 error anchors/removed Unexpected missing finding id `old`, expected every id in anchors.lock.json to stay on /cases/demo/ (it was published, and links and citations point at it). | hint: Give the finding its id back ({#old}), or keep the new id and add "old": "renamed" under aliases["/cases/demo/"] in anchors.lock.json. | actual: old | expected: the locked id, or an alias for it',
    ]);
  });

  it('holds a translation’s report to its own locked ids, in the translation’s file', () => {
    const fr = { language: 'fr', entry: { file: 'content/cases/demo/index.fr.md', bodyLineOffset: 4 }, prose: { findings: [{ id: 'kept', line: 9 }] } };
    const site = siteOf({ findings: [{ id: 'kept', line: 10 }, { id: 'other', line: 22 }] }, [fr]);
    const found = checkLockedFindings(site, lock({ '/cases/demo/': ['kept', 'other'], '/fr/cases/demo/': ['kept', 'other'] }), []);
    expect(found.map((d) => `${d.file}:${d.start.line} ${d.actual}`)).toEqual(['content/cases/demo/index.fr.md:5 other']);
  });

  it('points at the top of the prose when it cannot tell which finding was renamed', () => {
    const site = siteOf({ findings: [{ id: 'a', line: 10 }, { id: 'b', line: 22 }] });
    const [d] = checkLockedFindings(site, lock({ '/cases/demo/': ['old'] }), []);
    expect(d!.start).toEqual({ line: 7, column: 1 });
    expect(d!.hint).toContain('"old": "<new-id>"');
  });

  it('accepts an id kept by an alias, a page redirected elsewhere, and a page not in the lock', () => {
    const site = siteOf({ findings: [{ id: 'new', line: 10 }] });
    expect(checkLockedFindings(site, lock({ '/cases/demo/': ['old'] }, { '/cases/demo/': { old: 'new' } }), [])).toEqual([]);
    expect(checkLockedFindings(site, lock({ '/cases/demo/': ['old'] }), [{ from: '/cases/demo/', to: '/cases/other/' }] as never)).toEqual([]);
    expect(checkLockedFindings(site, lock({ '/cases/other/': ['old'] }), [])).toEqual([]);
  });
});

describe('checkIdentities(project)', () => {
  it('reports a dossier in another platform’s folder, a second dossier for one account and a status history out of order', () => {
    const a = entry('x/a', 'content/accounts/x/a.md', accountData({ handle: 'Demo', platformId: '42' }));
    const b = entry('x/b', 'content/accounts/x/b.md', accountData({ handle: 'demo', platformId: '43' }), { handle: 3 });
    const c = entry('x/c', 'content/accounts/x/c.md', accountData({ platformId: '42' }), { platformId: 4 });
    const d = entry('x/d', 'content/accounts/x/d.md', accountData({ platform: 'telegram', handle: 'demo', status: [{ date: '2024-05-02' }, { date: '2024-05-01' }, { date: '2024-05-01' }] }), {
      platform: 2,
      'status.1.date': 9,
    });
    expect(all(checkIdentities(project({ accounts: [a, b, c, d] })))).toEqual([
      'content/accounts/x/b.md:3:3 error account/duplicate Unexpected second dossier for handle demo, expected one dossier per account (see content/accounts/x/a.md). | hint: Merge the two files into one.',
      'content/accounts/x/c.md:4:3 error account/duplicate Unexpected second dossier for id 42, expected one dossier per account (see content/accounts/x/a.md). | hint: Merge the two files into one.',
      'content/accounts/x/d.md:2:3 error account/platform-folder Unexpected platform `telegram` in content/accounts/x/, expected `x`. | hint: Move the file to content/accounts/telegram/ or correct `platform`.',
      'content/accounts/x/d.md:9:3 error account/status-order Unexpected status date `2024-05-01` before the previous one (`2024-05-02`), expected status history oldest first. | hint: Reorder the `status` list by date.',
    ]);
  });

  it('reports a private dossier whose id carries the handle or platform id, the dossier’s own or the data’s', () => {
    const a = entry('x/janedoe-4815', 'content/accounts/x/janedoe-4815.md', accountData({ handle: null, platformId: '4815', subject: 'private' }), { platform: 2, platformId: 4 });
    const b = entry('x/member-b', 'content/accounts/x/member-b.md', accountData({ handle: 'bob', subject: 'private' }), { handle: 3 });
    const person = (dossierId: string, handles: string[], platformIds: string[]) => ({ dossierId, handles, platformIds, displayNames: [], postIds: [], pseudonym: 'P', pseudoId: 'p' });
    const people = [person('x/janedoe-4815', ['JaneDoe'], ['4815']), person('x/member-b', ['bob'], []), person('x/gone', ['gone'], [])];
    expect(all(checkRevealingIds(project({ accounts: [a, b] }), people))).toEqual([
      "content/accounts/x/janedoe-4815.md:2:3 error privacy/revealing-id Unexpected handle `JaneDoe` (as the data shows it for this person) in the id `x/janedoe-4815` of a private individual's dossier, expected an id that does not identify the person. | hint: Pick a pseudonymous file name, such as content/accounts/x/member-a.md: the id names the page, the sitemap and the released data. | actual: x/janedoe-4815",
      "content/accounts/x/janedoe-4815.md:4:3 error privacy/revealing-id Unexpected platform id `4815` in the id `x/janedoe-4815` of a private individual's dossier, expected an id that does not identify the person. | hint: Pick a pseudonymous file name, such as content/accounts/x/member-a.md: the id names the page, the sitemap and the released data. | actual: x/janedoe-4815",
    ]);
    const named = entry('x/bob', 'content/accounts/x/bob.md', accountData({ handle: 'BOB', subject: 'private' }), { handle: 3 });
    expect(checkRevealingIds(project({ accounts: [named] }), [person('x/bob', ['BOB'], [])]).map((d) => [d.start.line, d.message.slice(0, 41)])).toEqual([[3, "Unexpected handle `BOB` in the id `x/bob`"]]);
  });
});

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true }))));

async function folder(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'casefile-check-'));
  folders.push(dir);
  for (const [name, body] of Object.entries(files)) await writeFile(path.join(dir, name), body);
  return dir;
}

describe('checkHashes(dataset, found)', () => {
  it('reports a changed file at its hash even when the size is the same, a wrong size at bytes, and a missing file at its path', async () => {
    const dir = await folder({ 'a.ndjson': 'abc\n', 'b.ndjson': 'xyz\n' });
    const m = manifest({
      files: [
        { path: 'a.ndjson', sha256: sha256('abd\n'), bytes: 4 },
        { path: 'b.ndjson', sha256: sha256('xyz\n'), bytes: 5 },
        { path: 'c.ndjson', sha256: sha256('') },
      ],
    });
    const d = dataset('posts', m, { 'files.0.sha256': 5, 'files.1.bytes': 9, 'files.2.path': 11 }, dir);
    const found = new Map<string, string>();
    const diagnostics = (await checkHashes(d, found)).sort((x, y) => x.start.line - y.start.line);
    expect(all(diagnostics)).toEqual([
      `data/c/posts/manifest.json:5:3 error dataset/hash-mismatch Unexpected SHA-256 \`${sha256('abc\n')}\` for \`a.ndjson\`, expected \`${sha256('abd\n')}\` as the manifest states. | hint: If the data changed on purpose, record the new hash in the manifest (and say why in a correction); otherwise restore the file. | actual: ${sha256('abc\n')} | expected: ${sha256('abd\n')}`,
      'data/c/posts/manifest.json:9:3 error dataset/size-mismatch Unexpected size 4 bytes for `b.ndjson`, expected 5 as the manifest states.',
      'data/c/posts/manifest.json:11:3 error dataset/missing-file Unexpected missing file `c.ndjson`, expected it beside the manifest. | hint: Add the file or remove its entry from `files`.',
    ]);
    expect([...found]).toEqual(expect.arrayContaining([['a.ndjson', sha256('abc\n')], ['b.ndjson', sha256('xyz\n')]]));
    expect(found.size).toBe(2);
  });

  it('accepts files as pinned, with or without a size', async () => {
    const dir = await folder({ 'a.ndjson': 'abc\n' });
    const d = dataset('posts', manifest({ files: [{ path: 'a.ndjson', sha256: sha256('abc\n'), bytes: 4 }, { path: 'a.ndjson', sha256: sha256('abc\n') }] }), {}, dir);
    expect(await checkHashes(d)).toEqual([]);
  });
});

describe('checkAccountsFiles(dataset, present)', () => {
  it('reports the bad lines of each accounts file found on disk, at the file beside the manifest', async () => {
    const dir = await folder({ 'accounts.ndjson': '{"id":"1","platform":"x","handle":"a"}\nnot json\n' });
    const files = [
      { path: 'accounts.ndjson', format: 'ndjson', role: 'accounts' },
      { path: 'missing.ndjson', format: 'ndjson', role: 'accounts' },
      { path: 'posts.ndjson', format: 'ndjson', role: 'posts' },
    ];
    const d = dataset('posts', manifest({ files }), {}, dir);
    const diagnostics = await checkAccountsFiles(d, new Set(['accounts.ndjson', 'posts.ndjson']));
    expect(diagnostics.map((x) => `${x.file}:${x.start.line}`)).toEqual(['data/c/posts/accounts.ndjson:2']);
  });
});

describe('checkPostDates(site)', () => {
  const line = (id: string, createdAt: unknown) => JSON.stringify({ id, createdAt });
  const casesWith = (dir: string, from: number | null, to: number | null, files: object[], platform = 'x') =>
    [{ model: { summary: { from, to } }, datasets: [dataset('posts', manifest({ platform, files }, { collectedAt: '2024-06-01T00:00:00Z' }), {}, dir)] }] as unknown as CheckedCase[];
  const postDates = (dir: string, ...args: Parameters<typeof casesWith> extends [string, ...infer R] ? R : never) => checkPostDates(path.dirname(dir), casesWith(dir, ...args));

  it('warns at each post dated before its platform or more than a day after collection, in NDJSON and JSON files', async () => {
    const dir = await folder({
      'posts.ndjson': [line('1', '2024-05-16T09:00:00Z'), line('2', '2006-03-20T23:59:59Z'), 'not json', line('3', 5), line('4', '2024-06-02T00:00:01Z'), line('5', '2024-06-02T00:00:00Z')].join('\n'),
      'posts.json': `[\n${line('6', '1000-01-01T00:00:00Z')}\n]`,
    });
    const found = await postDates(dir, 0, Date.parse('2025-01-01'), [
      { path: 'posts.ndjson', format: 'ndjson', role: 'posts' },
      { path: 'posts.json', format: 'json', role: 'posts' },
      { path: 'posts.csv', format: 'csv', role: 'posts' },
      { path: 'accounts.ndjson', format: 'ndjson', role: 'accounts' },
    ]);
    const folderName = path.basename(dir);
    const hint = "hint: Check the importer's reading of the time (seconds or milliseconds, day and month); the post counts in no chart outside the case's period.";
    expect(all(found)).toEqual([
      `${folderName}/posts.ndjson:2:1 warning date/before-platform Unexpected post time \`2006-03-20T23:59:59Z\` before x existed (2006-03-21), expected a later date. | ${hint} | actual: 2006-03-20T23:59:59Z`,
      `${folderName}/posts.ndjson:5:1 warning date/after-collection Unexpected post time \`2024-06-02T00:00:01Z\` after the data was collected (2024-06-01T00:00:00Z), expected an earlier date. | ${hint} | actual: 2024-06-02T00:00:01Z`,
      `${folderName}/posts.json:2:1 warning date/before-platform Unexpected post time \`1000-01-01T00:00:00Z\` before x existed (2006-03-21), expected a later date. | ${hint} | actual: 1000-01-01T00:00:00Z`,
    ]);
  });

  it('shows the first 20 of a file one by one and counts the rest, at the last one shown', async () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => line(String(i), '2001-01-01T00:00:00Z')).join('\n');
    const dir = await folder({ 'a.ndjson': many(22), 'b.ndjson': many(21) });
    const out = await postDates(dir, 0, 0, [
      { path: 'a.ndjson', format: 'ndjson', role: 'posts' },
      { path: 'b.ndjson', format: 'ndjson', role: 'posts' },
    ]);
    expect(out.filter((d) => d.ruleId === 'date/before-platform')).toHaveLength(40);
    expect(out.filter((d) => d.ruleId === 'date/post-time-summary').map((d) => `${path.basename(d.file)}:${d.start.line} ${d.severity} ${d.message}`)).toEqual([
      'a.ndjson:20 warning Unexpected 2 more post times out of range after the first 20, expected none.',
      'b.ndjson:20 warning Unexpected 1 more post time out of range after the first 20, expected none.',
    ]);
  });

  it('reads no file when the model says every post is in range, or the data has no posts', async () => {
    const dir = await folder({ 'posts.ndjson': line('1', '1000-01-01T00:00:00Z') });
    const files = [{ path: 'posts.ndjson', format: 'ndjson', role: 'posts' }];
    const inRange = Date.parse('2024-05-16');
    expect(await postDates(dir, inRange, Date.parse('2024-06-01T23:59:00Z'), files)).toEqual([]);
    expect(await postDates(dir, null, null, files)).toEqual([]);
    expect(await postDates(dir, inRange, null, files)).toEqual([]);
    // Out of range by the summary: the file is read and the post found.
    expect(await postDates(dir, Date.parse('2006-03-20'), inRange, files)).toHaveLength(1);
    expect(await postDates(dir, inRange, Date.parse('2024-06-02T00:00:01Z'), files)).toHaveLength(1);
  });

  it('takes a post at the very moment its platform went public as possible, and the period too', async () => {
    const dir = await folder({ 'posts.ndjson': [line('1', '2006-03-21T00:00:00Z'), line('2', '2006-03-20T23:59:59.999Z')].join('\n') });
    const files = [{ path: 'posts.ndjson', format: 'ndjson', role: 'posts' }];
    const launch = Date.parse('2006-03-21T00:00:00Z');
    // The case's period starts at the launch: nothing to read.
    expect(await postDates(dir, launch, launch, files)).toEqual([]);
    // A millisecond before it: the file is read, and only the earlier post is reported.
    expect((await postDates(dir, launch - 1, launch, files)).map((d) => `${d.start.line} ${d.actual}`)).toEqual(['2 2006-03-20T23:59:59.999Z']);
  });
});

describe('checkLookalikeHandles(project, site)', () => {
  const dossier = entry('x/demo_official', 'content/accounts/x/demo_official.md', accountData({ handle: 'demo_official' }), { handle: 3 });
  const account = (authorId: string, handle: string | null, fields: Record<string, unknown> = {}) => ({ authorId, platform: 'x', handle, ...fields });
  async function siteOfPosts(accounts: object[], files: Record<string, string>, manifestFiles: object[]) {
    const dir = await folder(files);
    const cases = [{ model: { accounts }, datasets: [dataset('posts', manifest({ files: manifestFiles }), {}, dir)] }] as unknown as CheckedCase[];
    return { root: path.dirname(dir), cases };
  }
  /** The look-alike warnings for a project of `dossiers` whose one case is `site`. */
  const lookalikes = (dossiers: ContentEntry<unknown>[], site: { root: string; cases: CheckedCase[] }) =>
    checkLookalikeHandles({ ...project({ accounts: dossiers }), root: site.root }, site.cases);
  const posts = [JSON.stringify({ id: '1', author: { id: '7' } }), 'not json "300"', JSON.stringify({ id: '2', author: { id: '300' } })].join('\n');

  it('warns at the first post of a dataset account whose handle looks like a dossier’s, and at the dossier', async () => {
    const site = await siteOfPosts([account('300', 'demo_\u200bofficial')], { 'posts.ndjson': posts }, [
      { path: 'other.csv', format: 'csv', role: 'posts' },
      { path: 'accounts.ndjson', format: 'ndjson', role: 'accounts' },
      { path: 'posts.ndjson', format: 'ndjson', role: 'posts' },
    ]);
    const data = `${path.basename(site.cases[0]!.datasets[0]!.dir)}/posts.ndjson`;
    expect(all(await lookalikes([dossier], site))).toEqual([
      `${data}:3:1 warning account/lookalike-handle Unexpected dataset handle \`@demo_⟨U+200B⟩official\` (author id \`300\`) that looks like the handle \`@demo_official\` of the dossier content/accounts/x/demo_official.md:3, expected a handle that cannot be taken for a dossier's. | hint: Readers will take this account for x/demo_official. If it is the same account, give the dossier its \`platformId\` (\`300\`); if not, say in the report that a look-alike account exists. | actual: demo_⟨U+200B⟩official`,
      `content/accounts/x/demo_official.md:3:3 warning account/lookalike-handle Unexpected look-alike of this dossier's handle \`@demo_official\` in the data: \`@demo_⟨U+200B⟩official\` (author id \`300\`) at ${data}:3, expected no other account to look like it. | hint: The pages show the other account with its invisible and bidi characters named, but the letters themselves can still deceive; say so in the report. | actual: demo_⟨U+200B⟩official`,
    ]);
  });

  it('finds the post in a JSON file, and points at the first posts file when the account has no post there', async () => {
    const site = await siteOfPosts([account('300', 'DEMO_OFFICIAL'), account('301', 'dem\u043e_official')], { 'a.json': `[\n${JSON.stringify({ id: '1', author: { id: '7' } })},\n${JSON.stringify({ id: '2', author: { id: '300' } })}\n]` }, [
      { path: 'a.json', format: 'json', role: 'posts' },
    ]);
    const found = (await lookalikes([dossier], site)).filter((d) => !d.file.startsWith('content/'));
    expect(found.map((d) => `${path.basename(d.file)}:${d.start.line} ${d.actual}`)).toEqual(['a.json:3 DEMO_OFFICIAL', 'a.json:1 dem\u043e_official']);
  });

  it('stays silent for other platforms, other handles, accounts matched to a dossier, and dossiers without a handle', async () => {
    const accounts = [account('1', 'demo_officials'), account('2', 'dem\u043e_official', { dossierId: 'x/demo_official' }), account('3', null), account('4', 'dem\u043e_official', { platform: 'telegram' })];
    const site = await siteOfPosts(accounts, { 'posts.ndjson': posts }, [{ path: 'posts.ndjson', format: 'ndjson', role: 'posts' }]);
    expect(await lookalikes([dossier], site)).toEqual([]);
    const lookalike = await siteOfPosts([account('300', 'dem\u043e_official')], { 'posts.ndjson': posts }, []);
    expect(await lookalikes([entry('x/n', 'content/accounts/x/n.md', accountData())], lookalike)).toEqual([]);
    // No posts file at all: the dataset's manifest is where to look.
    expect((await lookalikes([dossier], lookalike)).map((d) => `${d.file}:${d.start.line}`)[0]).toBe('data/c/posts/manifest.json:1');
  });

  it('points at the data folder when the case has no dataset, and at the top of a dossier whose handle has no place', async () => {
    const unplaced = entry('x/demo_official', 'content/accounts/x/demo_official.md', accountData({ handle: 'demo_official' }));
    const cases = [{ model: { accounts: [account('300', 'dem\u043e_official')] }, datasets: [] }] as unknown as CheckedCase[];
    const found = await lookalikes([unplaced], { root: '/p', cases });
    expect(found.map((d) => `${d.file}:${d.start.line}:${d.start.column}`)).toEqual(['data:1:1', 'content/accounts/x/demo_official.md:1:1']);
    expect(found[0]!.message).toContain('of the dossier content/accounts/x/demo_official.md:1, expected');
  });
});

describe('checkClaims(entry, findings, model)', () => {
  it('reports a fact-check pointing at no finding of the report, or at no post of the data, at the field', () => {
    const c = entry<never>('demo', 'content/cases/demo/index.md', caseData({
      claims: [
        { finding: 'what-we-found', appearance: { post: '1' } },
        { finding: 'gone', appearance: { post: '99' } },
        { finding: 'what-we-found', appearance: {} },
      ],
    }), { 'claims.1.finding': 31, 'claims.1.appearance.post': 34 });
    const model = { posts: { '1': { id: '1' } } } as unknown as Parameters<typeof checkClaims>[2];
    expect(all(checkClaims(c, ['what-we-found', 'method'], model))).toEqual([
      'content/cases/demo/index.md:31:3 error reference/finding Unexpected finding `gone`, expected the id of a finding heading in this report (`what-we-found`, `method`). | hint: Give the finding a permanent id in its heading: `## Title {#finding-id}`.',
      "content/cases/demo/index.md:34:3 error reference/post Unexpected post `99`, expected the id of a post in the case's datasets.",
    ]);
  });

  it('says when the report has no finding yet, and points at the top of the file when the field has no place', () => {
    const c = entry<never>('demo', 'content/cases/demo/index.md', caseData({ claims: [{ finding: 'gone', appearance: { post: '99' } }] }));
    const model = { posts: {} } as unknown as Parameters<typeof checkClaims>[2];
    expect(all(checkClaims(c, [], model))).toEqual([
      'content/cases/demo/index.md:1:1 error reference/finding Unexpected finding `gone`, expected the id of a finding heading in this report (none yet). | hint: Give the finding a permanent id in its heading: `## Title {#finding-id}`.',
      "content/cases/demo/index.md:1:1 error reference/post Unexpected post `99`, expected the id of a post in the case's datasets.",
    ]);
  });
});

describe('checkAccountPages(cases, project, urls)', () => {
  const urls = createUrls('/');
  const profile = (authorId: string, fields: Record<string, unknown> = {}) => ({ authorId, platform: 'x', handle: null, ...fields });
  /** A checked case whose accounts have the page ids given (`null`: no page in this case). */
  function checkedCase(id: string, accounts: [ReturnType<typeof profile>, string | null][]): CheckedCase {
    const pageOf = new Map(accounts.map(([p, page]) => [p.authorId, page ?? `x/none-${p.authorId}`]));
    return {
      id,
      entry: { file: `content/cases/${id}/index.md` },
      model: { profiles: accounts.map(([p]) => p) },
      accounts: {
        pageIds: accounts.flatMap(([, page]) => (page ? [page] : [])),
        pageId: (p: { authorId: string }) => pageOf.get(p.authorId)!,
        labels: new Map(accounts.map(([p]) => [p.authorId, { label: `@user${p.authorId}`, handle: `user${p.authorId}`, pseudonymised: false }])),
      },
    } as unknown as CheckedCase;
  }
  const dossier = (id: string) => entry<never>(id, `content/accounts/${id}.md`, accountData({ handle: id.split('/')[1], displayName: 'Demo' }));

  it('gives each account one page, listing the cases it appears in, and a page to every dossier, sorted by page id', () => {
    const official = dossier('x/demo_official');
    const quiet = dossier('x/quiet');
    const one = checkedCase('one', [[profile('1'), 'x/user1'], [profile('2', { dossierId: 'x/demo_official' }), 'x/demo_official'], [profile('3'), null]]);
    const two = checkedCase('two', [[profile('1'), 'x/user1']]);
    const { accountPages, diagnostics } = checkAccountPages([one, two], project({ accounts: [quiet, official] }), urls);
    expect(diagnostics).toEqual([]);
    expect([...accountPages.values()].map((p) => ({ ...p, dossier: p.dossier?.id }))).toEqual([
      { pageId: 'x/demo_official', identity: 'dossier:x/demo_official', label: { label: '@user2', handle: 'user2', pseudonymised: false }, dossier: 'x/demo_official', cases: [{ caseId: 'one', authorId: '2' }] },
      { pageId: 'x/quiet', identity: 'dossier:x/quiet', label: { label: 'Demo (@quiet)', handle: 'quiet', pseudonymised: false, lang: 'en', href: '/accounts/x/quiet/' }, dossier: 'x/quiet', cases: [] },
      { pageId: 'x/user1', identity: 'x/1', label: { label: '@user1', handle: 'user1', pseudonymised: false }, dossier: undefined, cases: [{ caseId: 'one', authorId: '1' }, { caseId: 'two', authorId: '1' }] },
    ]);
    expect(Object.keys(accountPages.get('x/user1')!)).not.toContain('dossier');
  });

  it('reports a page two accounts would share, at the later case or at the dossier, and keeps the first owner', () => {
    const one = checkedCase('one', [[profile('1'), 'x/user1']]);
    const two = checkedCase('two', [[profile('9'), 'x/user1']]);
    const named = dossier('x/user1');
    const { accountPages, diagnostics } = checkAccountPages([one, two], project({ accounts: [named] }), urls);
    expect(all(diagnostics)).toEqual([
      'content/cases/two/index.md:1:1 error account/page-collision Unexpected second account on the page `/accounts/x/user1/` (the dataset account `x/9`, already the dataset account `x/1`), expected one page per account. | hint: Add a dossier with the `platformId` of one of the two accounts, so its page is named by the dossier.',
      'content/accounts/x/user1.md:1:1 error account/page-collision Unexpected second account on the page `/accounts/x/user1/` (the dossier `x/user1`, already the dataset account `x/1`), expected one page per account. | hint: Rename the dossier file, or give it the `platformId` of the dataset account if they are the same account.',
    ]);
    expect(accountPages.get('x/user1')).toMatchObject({ identity: 'x/1', cases: [{ caseId: 'one', authorId: '1' }] });
  });

  it('reports a dataset account that would take a dossier’s page at the dossier, named first', () => {
    const official = dossier('x/demo_official');
    const one = checkedCase('one', [[profile('2', { dossierId: 'x/demo_official' }), 'x/demo_official'], [profile('5'), 'x/demo_official']]);
    const { diagnostics } = checkAccountPages([one], project({ accounts: [official] }), urls);
    expect(all(diagnostics)).toEqual([
      'content/accounts/x/demo_official.md:1:1 error account/page-collision Unexpected second account on the page `/accounts/x/demo_official/` (the dataset account `x/5`, already the dossier `x/demo_official`), expected one page per account. | hint: Rename the dossier file, or give it the `platformId` of the dataset account if they are the same account.',
    ]);
  });
});

describe('checkDates(project, today) and checkIdentities(project): more fields, platforms and letter cases', () => {
  it('reports a future update date and an early collection start at their fields, and takes reading on the day of publication as fine', () => {
    const c = entry('c', 'content/cases/c/index.md', caseData({ updated: '2027-01-02', corrections: [{ date: '2024-01-01' }, { date: '2024-03-01' }, { date: '2024-02-01' }] }), { updated: 4 });
    const s = entry('s', 'content/sources/s.md', { date: '2024-05-02', accessed: '2024-05-02' });
    const d = dataset('posts', manifest({ platform: 'other' }, { from: '1024-05-01' }), { 'collection.from': 5 });
    expect(all(checkDates(project({ cases: [c], sources: [s], datasets: [d] }), TODAY)).map((line) => line.split(' | ')[0])).toEqual([
      `content/cases/c/index.md:4:3 error date/future Unexpected update date \`2027-01-02\` in the future, expected a date on or before ${TODAY}.`,
      'data/c/posts/manifest.json:5:3 warning date/implausible-year Unexpected collection start `1024-05-01` in the year 1024, expected 1800 or later.',
      'data/c/posts/manifest.json:5:3 error date/before-platform Unexpected collection start `1024-05-01` before other existed (1990-01-01), expected a later date.',
    ]);
    // The latest of three corrections, whatever their order: an update on it is fine, one before it is not.
    const before = entry('c', 'content/cases/c/index.md', caseData({ updated: '2024-02-15', corrections: [{ date: '2024-01-01' }, { date: '2024-03-01' }, { date: '2024-02-01' }] }));
    expect(checkDates(project({ cases: [before] }), TODAY).map((x) => x.expected ?? x.message)).toEqual([
      'Unexpected `updated` date `2024-02-15` before the latest correction (`2024-03-01`), expected 2024-03-01 or later.',
    ]);
  });

  it('takes dossiers of other platforms in their folders, and dossiers without a platform id or handle as no duplicates', () => {
    const t = entry('telegram/news', 'content/accounts/telegram/news.md', accountData({ platform: 'telegram', handle: 'News' }));
    const u = entry('telegram/news-again', 'content/accounts/telegram/news-again.md', accountData({ platform: 'telegram', handle: 'news' }), { handle: 3 });
    const a = entry('x/a', 'content/accounts/x/a.md', accountData());
    const b = entry('x/b', 'content/accounts/x/b.md', accountData());
    expect(all(checkIdentities(project({ accounts: [t, u, a, b] })))).toEqual([
      'content/accounts/telegram/news-again.md:3:3 error account/duplicate Unexpected second dossier for handle news, expected one dossier per account (see content/accounts/telegram/news.md). | hint: Merge the two files into one.',
    ]);
  });

  it('names only the platform ids the dossier id carries, in any letter case', () => {
    const a = entry('x/member-ab12', 'content/accounts/x/member-ab12.md', accountData({ subject: 'private' }), { platformId: 4 });
    const person = { dossierId: 'x/member-ab12', handles: [], platformIds: ['AB12', '999'], displayNames: [], postIds: [], pseudonym: 'P', pseudoId: 'p' };
    expect(checkRevealingIds(project({ accounts: [a] }), [person]).map((d) => `${d.start.line} ${d.message.split(' in the id')[0]}`)).toEqual(['4 Unexpected platform id `AB12` (as the data shows it for this person)']);
  });
});
