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
