/**
 * Cross-file rules: every id a file mentions must name a file that exists.
 * Reported at the referring value, with the closest existing id as a hint.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { closest } from '../diagnostics/suggest.ts';
import type { IssuePath } from '../diagnostics/zod-issues.ts';
import type { ContentEntry, Project } from '../content/project.ts';

type Kind = 'source' | 'entity' | 'dataset';

const folders: Record<Kind, string> = {
  source: 'content/sources',
  entity: 'content/entities',
  dataset: 'data/<case>',
};

export function checkReferences(project: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids: Record<Kind, string[]> = {
    source: [...project.sources.keys()],
    entity: [...project.entities.keys()],
    dataset: [...project.datasets.keys()],
  };

  const expect = (entry: ContentEntry<unknown>, kind: Kind, id: string, at: IssuePath, known = ids[kind], shown = id) => {
    if (known.includes(id)) return;
    const suggestion = closest(shown, known.map((k) => (kind === 'dataset' ? k.split('/')[1]! : k)));
    out.push(
      diagnostic({
        file: entry.file,
        ...(entry.locate(at) ?? {}),
        ruleId: `reference/${kind}`,
        message: `Unexpected ${kind} \`${shown}\`, expected the id of a file in ${folders[kind].replace('<case>', (entry as { id: string }).id)}.`,
        actual: shown,
        hint: suggestion ? `Did you mean \`${suggestion}\`?` : `Create it with \`npm run new -- ${kind} ${shown}\`, or fix the id.`,
      }),
    );
  };

  for (const entry of project.cases.values()) {
    const c = entry.data;
    c.datasets.forEach((d, i) => expect(entry, 'dataset', `${entry.id}/${d}`, ['datasets', i], ids.dataset, d));
    c.events.forEach((e, i) => expect(entry, 'source', e.source, ['events', i, 'source']));
  }
  for (const entry of project.accounts.values()) {
    const a = entry.data;
    if (a.entity) expect(entry, 'entity', a.entity, ['entity']);
    a.affiliations.forEach((aff, i) => {
      expect(entry, 'entity', aff.entity, ['affiliations', i, 'entity']);
      aff.sources.forEach((s, j) => expect(entry, 'source', s, ['affiliations', i, 'sources', j]));
    });
    a.status.forEach((s, i) => expect(entry, 'source', s.source, ['status', i, 'source']));
  }
  for (const entry of project.entities.values()) {
    entry.data.sources.forEach((s, i) => expect(entry, 'source', s, ['sources', i]));
  }
  return out;
}
