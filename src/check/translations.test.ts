import { describe, expect, it } from 'vitest';
import type { ContentEntry, Project, TranslationEntry } from '../content/project.ts';
import type { Case } from '../schema/index.ts';
import { checkTranslationFiles, checkTranslationFindings, translatedCase } from './translations.ts';

const located = (d: { file: string; start: { line: number; column: number }; ruleId: string; actual?: string }) =>
  `${d.file}:${d.start.line}:${d.start.column} ${d.ruleId} ${d.actual}`;

describe('checkTranslationFindings(original, translation)', () => {
  const original = { file: 'content/cases/demo/index.md', findings: [{ id: 'a', line: 10 }, { id: 'b', line: 20 }, { id: 'c', line: 30 }] };
  const fr = (findings: { id: string; line: number }[]) => ({ file: 'content/cases/demo/index.fr.md', language: 'fr', bodyLineOffset: 6, findings });

  it('accepts the same findings under the same ids', () => {
    expect(checkTranslationFindings(original, fr([{ id: 'a', line: 9 }, { id: 'b', line: 19 }, { id: 'c', line: 29 }]))).toEqual([]);
  });

  it('reports a missing finding in the translation’s file, after the finding before it, and one the original does not state at its heading', () => {
    const found = checkTranslationFindings(original, fr([{ id: 'a', line: 9 }, { id: 'c', line: 29 }, { id: 'z', line: 40 }]));
    expect(found.map(located)).toEqual([
      'content/cases/demo/index.fr.md:9:1 translation/missing-finding no {#b}',
      'content/cases/demo/index.fr.md:40:1 translation/extra-finding z',
    ]);
    expect(found[0]!.message).toContain('content/cases/demo/index.md:20');
  });

  it('points at the body’s first line when the first finding is missing', () => {
    expect(checkTranslationFindings(original, fr([{ id: 'b', line: 19 }, { id: 'c', line: 29 }])).map(located)).toEqual([
      'content/cases/demo/index.fr.md:7:1 translation/missing-finding no {#a}',
    ]);
  });
});

const caseData = {
  title: 'Original',
  summary: 'Summary',
  language: 'en',
  hashtags: [{ tag: 'Demo', aliases: [], description: 'The tag.' }, { tag: 'Other', aliases: [] }],
  events: [{ date: '2024-05-16', label: 'Starts', source: 's' }],
  corrections: [],
} as unknown as Case;
const original: ContentEntry<Case> = { id: 'demo', file: 'content/cases/demo/index.md', data: caseData, body: 'Body', bodyLineOffset: 20, locate: () => undefined };
const translation = (language: string, data: Record<string, unknown>): TranslationEntry => ({
  id: `demo.${language}`,
  caseId: 'demo',
  language,
  file: `content/cases/demo/index.${language}.md`,
  data: { title: 'Titre', summary: 'Résumé', hashtags: {}, status: 'published', ...data } as TranslationEntry['data'],
  body: 'Corps',
  bodyLineOffset: 8,
  locate: (path) => ({ start: { line: path[0] === 'events' ? 5 : 3, column: 1 }, end: { line: 5, column: 2 } }),
});
const projectOf = (cases: ContentEntry<Case>[], translations: TranslationEntry[]) =>
  ({
    cases: new Map(cases.map((c) => [c.id, c])),
    translations: new Map([['demo', translations]]),
    invalid: { case: new Set() },
  }) as unknown as Project;

describe('translatedCase(original, translation)', () => {
  it('takes the translated words and language, and the original’s words where the translation has none', () => {
    const entry = translatedCase(original, translation('fr', { hashtags: { Demo: 'Le mot-dièse.' }, events: ['Début'] }));
    expect(entry.file).toBe('content/cases/demo/index.fr.md');
    expect([entry.id, entry.data.title, entry.data.language, entry.body, entry.bodyLineOffset]).toEqual(['demo', 'Titre', 'fr', 'Corps', 8]);
    expect(entry.data.hashtags.map((h) => h.description)).toEqual(['Le mot-dièse.', undefined]);
    expect(entry.data.events.map((e) => [e.date, e.label])).toEqual([['2024-05-16', 'Début']]);
  });
});

describe('checkTranslationFiles(project)', () => {
  it('reports a translation without its original, in the original’s language, with another number of events, or of an untracked tag', () => {
    const found = checkTranslationFiles(projectOf([original], [translation('en', {}), translation('fr', { events: ['Un', 'Deux'], hashtags: { Nope: 'x' } })]));
    expect(found.map(located)).toEqual([
      'content/cases/demo/index.en.md:1:1 translation/same-language en',
      'content/cases/demo/index.fr.md:5:1 translation/list-length 2',
      'content/cases/demo/index.fr.md:3:1 translation/unknown-hashtag Nope',
    ]);
    expect(checkTranslationFiles(projectOf([], [translation('fr', {})])).map(located)).toEqual([
      'content/cases/demo/index.fr.md:1:1 translation/no-original content/cases/demo/index.fr.md',
    ]);
  });
});

describe('translations: what an editor reads', () => {
  const full = { ...caseData, corrections: [{ date: '2024-06-02', text: 'Fixed a date.' }] } as unknown as Case;
  const withCorrections: ContentEntry<Case> = { ...original, data: full };

  it('keeps the original’s description of a tag the translation does not describe, and its events and corrections beyond the translated ones', () => {
    const t = translation('fr', { summary: 'Résumé traduit', corrections: ['Une date corrigée.'] });
    const entry = translatedCase(withCorrections, t);
    expect(entry.data.summary).toBe('Résumé traduit');
    expect(entry.data.hashtags.map((h) => [h.tag, h.description])).toEqual([['Demo', 'The tag.'], ['Other', undefined]]);
    expect('description' in entry.data.hashtags[1]!).toBe(false);
    expect(entry.data.events.map((e) => e.label)).toEqual(['Starts']);
    expect(entry.data.corrections).toEqual([{ date: '2024-06-02', text: 'Une date corrigée.' }]);
    expect(translatedCase(withCorrections, translation('fr', {})).data.corrections).toEqual([{ date: '2024-06-02', text: 'Fixed a date.' }]);
    expect(entry.locate(['events'])).toEqual({ start: { line: 5, column: 1 }, end: { line: 5, column: 2 } });
  });

  it('says what to do about each problem of a translation file', () => {
    const found = checkTranslationFiles(
      projectOf([withCorrections], [translation('en-GB', {}), translation('fr', { events: [], corrections: ['Une', 'Deux'], hashtags: { Nope: 'x', Demo: 'y' } })]),
    );
    expect(found.map((d) => [d.ruleId, d.start, d.message, d.expected, d.hint])).toEqual([
      [
        'translation/same-language',
        { line: 1, column: 1 },
        "Unexpected translation into `en-GB`, the original's own language, expected another language.",
        'a language other than en',
        'Name the file after the language it is written in: index.fr.md for French, index.ru.md for Russian.',
      ],
      [
        'translation/list-length',
        { line: 5, column: 1 },
        "Unexpected 0 events in the translation, expected 1, one for each of the original's in the same order.",
        '1',
        "Translate each of the original's events in order, or leave `events` out to show the original's.",
      ],
      [
        'translation/list-length',
        { line: 3, column: 1 },
        "Unexpected 2 corrections in the translation, expected 1, one for each of the original's in the same order.",
        '1',
        "Translate each of the original's corrections in order, or leave `corrections` out to show the original's.",
      ],
      [
        'translation/unknown-hashtag',
        { line: 3, column: 1 },
        'Unexpected hashtag `Nope`, expected one the original tracks (Demo, Other).',
        'Demo, Other',
        'Describe the tracked hashtags by the tag the original uses, without `#`.',
      ],
    ]);
    // Lists of the original's length, and tags it tracks, are fine.
    expect(checkTranslationFiles(projectOf([withCorrections], [translation('fr', { events: ['Un'], corrections: ['Une'], hashtags: { Other: 'z' } })]))).toEqual([]);
  });

  it('says where a translation without an original belongs, and leaves one whose original is invalid to the original’s own diagnostics', () => {
    const [orphan] = checkTranslationFiles(projectOf([], [translation('fr', {})]));
    expect([orphan!.message, orphan!.hint]).toEqual([
      'Unexpected translation of a case without `content/cases/demo/index.md`, expected a translation beside its original.',
      'A translation takes its data, figures and findings from the original report: write index.md first, or move this file beside it.',
    ]);
    const invalid = { ...projectOf([], [translation('fr', { events: ['Un', 'Deux'] })]), invalid: { case: new Set(['demo']) } } as unknown as Project;
    expect(checkTranslationFiles(invalid)).toEqual([]);
  });

  it('words a missing and an extra finding with where each belongs', () => {
    const original = { file: 'content/cases/demo/index.md', findings: [{ id: 'a', line: 10 }, { id: 'b', line: 20 }] };
    const [missing, extra] = checkTranslationFindings(original, {
      file: 'content/cases/demo/index.fr.md',
      language: 'fr',
      bodyLineOffset: 6,
      findings: [{ id: 'a', line: 9 }, { id: 'z', line: 12 }],
    });
    expect([missing!.message, missing!.actual, missing!.expected, missing!.hint]).toEqual([
      'Unexpected translation without the finding `b`, expected every finding of the original (content/cases/demo/index.md:20) with the same id.',
      'no {#b}',
      'a finding heading with {#b}, after {#a}',
      'Translate the finding and keep its id: its anchor is the same in every language, so links and citations to it work in fr too.',
    ]);
    expect([extra!.message, extra!.expected, extra!.hint]).toEqual([
      'Unexpected finding `z` that the original (content/cases/demo/index.md) does not state, expected the original\'s findings only (a, b).',
      'a, b',
      'Give the finding the id its original has, or add the finding to the original first: a translation states what the original states.',
    ]);
    const [first] = checkTranslationFindings(original, { file: 'f.md', language: 'ru', bodyLineOffset: 6, findings: [{ id: 'b', line: 19 }] });
    expect([first!.start, first!.expected]).toEqual([{ line: 7, column: 1 }, 'a finding heading with {#a}']);
    const [none] = checkTranslationFindings({ file: 'o.md', findings: [] }, { file: 'f.md', language: 'ru', bodyLineOffset: 6, findings: [{ id: 'z', line: 9 }] });
    expect([none!.message, none!.expected]).toEqual([
      "Unexpected finding `z` that the original (o.md) does not state, expected the original's findings only (none).",
      'no finding',
    ]);
  });
});
