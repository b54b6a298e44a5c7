/**
 * The case frontmatter reference in docs/editing.md, between two markers, generated from the schema's
 * explanations so the guide and the scaffold say the same thing.
 */
import { CaseSchema } from '../schema/index.ts';
import { fieldReference } from './field-reference.ts';
import { schemaDocs } from './schema-docs.ts';

export const editingGuide = new URL('../../docs/editing.md', import.meta.url);

const begin = '<!-- case fields: generated from src/schema/case.ts by `npm run schema-docs` -->';
const end = '<!-- end of case fields -->';

/** `guide` with the text between the markers replaced by the current reference; throws when a marker is missing. */
export function withCaseReference(guide: string): string {
  const from = guide.indexOf(begin);
  const to = guide.indexOf(end);
  if (from === -1 || to < from) throw new Error(`docs/editing.md lacks the markers ${begin} … ${end}`);
  return `${guide.slice(0, from + begin.length)}\n${fieldReference(CaseSchema, schemaDocs('CaseSchema'))}\n${guide.slice(to)}`;
}
