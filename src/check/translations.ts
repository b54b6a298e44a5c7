/**
 * Translations of a case (`index.<language>.md`): each is read against the original's data, so its figures
 * are checked like the original's, and it must state the same findings, with the same ids, so a finding's
 * anchor is one id in every language. What a translation leaves out of its frontmatter is the original's.
 */
import type { ContentEntry, Project, TranslationEntry } from '../content/project.ts';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Case } from '../schema/index.ts';

const at = (span: { start: { line: number; column: number } } | undefined) => (span ? { start: span.start } : {});

/** The case as its translation presents it: the original's data with the translated words and language. */
export function translatedCase(original: ContentEntry<Case>, translation: TranslationEntry): ContentEntry<Case> {
  const t = translation.data;
  const data: Case = {
    ...original.data,
    title: t.title,
    summary: t.summary,
    language: translation.language,
    hashtags: original.data.hashtags.map((h) => {
      const description = t.hashtags[h.tag] ?? h.description;
      return { ...h, ...(description !== undefined ? { description } : {}) };
    }),
    events: original.data.events.map((e, i) => ({ ...e, label: t.events?.[i] ?? e.label })),
    corrections: original.data.corrections.map((c, i) => ({ ...c, text: t.corrections?.[i] ?? c.text })),
  };
  return { id: original.id, file: translation.file, data, body: translation.body, bodyLineOffset: translation.bodyLineOffset, locate: translation.locate };
}

/** Translations without an original, in the original's own language, or whose lists do not match the original's. */
export function checkTranslationFiles(project: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [caseId, translations] of project.translations) {
    const original = project.cases.get(caseId);
    for (const t of translations) {
      if (!original) {
        // An original with invalid frontmatter has its own diagnostics.
        if (project.invalid.case.has(caseId)) continue;
        out.push(
          diagnostic({
            file: t.file,
            ruleId: 'translation/no-original',
            message: `Unexpected translation of a case without \`content/cases/${caseId}/index.md\`, expected a translation beside its original.`,
            actual: t.file,
            expected: `content/cases/${caseId}/index.md`,
            hint: 'A translation takes its data, figures and findings from the original report: write index.md first, or move this file beside it.',
          }),
        );
        continue;
      }
      if (new Intl.Locale(t.language).language === new Intl.Locale(original.data.language).language) {
        out.push(
          diagnostic({
            file: t.file,
            ruleId: 'translation/same-language',
            message: `Unexpected translation into \`${t.language}\`, the original's own language, expected another language.`,
            actual: t.language,
            expected: `a language other than ${original.data.language}`,
            hint: 'Name the file after the language it is written in: index.fr.md for French, index.ru.md for Russian.',
          }),
        );
      }
      for (const [key, list] of [
        ['events', original.data.events],
        ['corrections', original.data.corrections],
      ] as const) {
        const translated = t.data[key];
        if (translated === undefined || translated.length === list.length) continue;
        out.push(
          diagnostic({
            file: t.file,
            ...at(t.locate([key])),
            ruleId: 'translation/list-length',
            message: `Unexpected ${translated.length} ${key} in the translation, expected ${list.length}, one for each of the original's in the same order.`,
            actual: String(translated.length),
            expected: String(list.length),
            hint: `Translate each of the original's ${key} in order, or leave \`${key}\` out to show the original's.`,
          }),
        );
      }
      const tags = new Set(original.data.hashtags.map((h) => h.tag));
      for (const tag of Object.keys(t.data.hashtags)) {
        if (tags.has(tag)) continue;
        out.push(
          diagnostic({
            file: t.file,
            ...at(t.locate(['hashtags', tag], { key: true })),
            ruleId: 'translation/unknown-hashtag',
            message: `Unexpected hashtag \`${tag}\`, expected one the original tracks (${[...tags].join(', ')}).`,
            actual: tag,
            expected: [...tags].join(', '),
            hint: 'Describe the tracked hashtags by the tag the original uses, without `#`.',
          }),
        );
      }
    }
  }
  return out;
}

/**
 * The translation's findings against the original's: each original finding must be in it, under the same id,
 * and it must state no other (its anchor would exist in one language only).
 */
export function checkTranslationFindings(
  original: { file: string; findings: readonly { id: string; line: number }[] },
  translation: { file: string; language: string; bodyLineOffset: number; findings: readonly { id: string; line: number }[] },
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const theirs = new Set(translation.findings.map((f) => f.id));
  const ours = new Set(original.findings.map((f) => f.id));
  original.findings.forEach((finding, i) => {
    if (theirs.has(finding.id)) return;
    // Point at where it belongs: after the translation's copy of the finding before it, else the body's start.
    const before = original.findings.slice(0, i).reverse().find((f) => theirs.has(f.id));
    const line = before ? translation.findings.find((f) => f.id === before.id)!.line : translation.bodyLineOffset + 1;
    out.push(
      diagnostic({
        file: translation.file,
        start: { line, column: 1 },
        ruleId: 'translation/missing-finding',
        message: `Unexpected translation without the finding \`${finding.id}\`, expected every finding of the original (${original.file}:${finding.line}) with the same id.`,
        actual: `no {#${finding.id}}`,
        expected: `a finding heading with {#${finding.id}}${before ? `, after {#${before.id}}` : ''}`,
        hint: `Translate the finding and keep its id: its anchor is the same in every language, so links and citations to it work in ${translation.language} too.`,
      }),
    );
  });
  for (const finding of translation.findings) {
    if (ours.has(finding.id)) continue;
    out.push(
      diagnostic({
        file: translation.file,
        start: { line: finding.line, column: 1 },
        ruleId: 'translation/extra-finding',
        message: `Unexpected finding \`${finding.id}\` that the original (${original.file}) does not state, expected the original's findings only (${[...ours].join(', ') || 'none'}).`,
        actual: finding.id,
        expected: [...ours].join(', ') || 'no finding',
        hint: 'Give the finding the id its original has, or add the finding to the original first: a translation states what the original states.',
      }),
    );
  }
  return out;
}
